import HomologKubernetes
import HomologModel

/// No container declares that it writes to its root filesystem (EXI-ARCH-18).
public struct ReadOnlyRootFilesystemCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.read-only-root-filesystem", title: "No container declares a writable root filesystem",
    rationale: """
      EXI-ARCH-18: writing inside a pod is only possible through a mounted volume. On Cloud Pi Native a read-only \
      filesystem is a property of the image (the platform's FAQ tests it with `docker run --read-only`), and \
      EXI-ARCH-26 forbids imposing securityContext fields, so the manifest need not declare it. Fails only where a \
      regular or init container states `securityContext.readOnlyRootFilesystem: false`, a declaration that it \
      writes to its root filesystem. Unset is noted, not failed (the manifest proves nothing either way); `true` \
      passes, with its writable volume mounts noted, and a `/tmp` or `/var/tmp` mount that is not an `emptyDir` \
      is noted. Ephemeral debugging containers are not checked; no container gives no evidence. No Kyverno rule \
      counterpart: not enforced.
      """,
    reads: [.kubernetes])

  /// Paths that hold scratch files only, usually `emptyDir` volumes.
  static let scratchPaths: Set<String> = ["/tmp", "/var/tmp"]

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for workload in judgement.manifests.workloads {
      for container in workload.containers([.regular, .initContainer]) {
        judgement.checked += 1
        let object = workload.object
        let setting = container.securityContext?["readOnlyRootFilesystem"]
        switch setting?.bool {
        case true?:
          let writable = container.volumeMounts.filter { $0["readOnly"]?.bool != true }.compactMap { $0["mountPath"]?.string }
          if !writable.isEmpty {
            judgement.note(
              "k8s.read-only-root-filesystem.writable-volumes", object, container: container, at: setting,
              [MessageArg("paths", writable.joined(separator: ", "))])
          }
        case false?:
          judgement.fail("k8s.read-only-root-filesystem.writable", object, container: container, at: setting, enforced: false)
        case nil:
          judgement.note(
            "k8s.read-only-root-filesystem.unset", object, container: container,
            at: container.node.key("securityContext") ?? container.node)
        }
        for mount in container.volumeMounts {
          guard let path = mount["mountPath"]?.string, Self.scratchPaths.contains(Self.trimmed(path)),
            let name = mount["name"]?.string, let volume = workload.volume(named: name), volume["emptyDir"] == nil
          else { continue }
          let source = volume.pairs?.compactMap(\.key.string).first { $0 != "name" } ?? "?"
          judgement.note(
            "k8s.read-only-root-filesystem.scratch-not-emptydir", object, container: container, at: mount,
            [MessageArg("path", path), MessageArg("volume", name), MessageArg("source", source)])
        }
      }
    }
    return judgement.result(of: self)
  }

  private static func trimmed(_ path: String) -> String {
    path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
  }
}
