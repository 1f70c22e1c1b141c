import HomologKubernetes
import HomologModel

/// Containers run with a read-only root filesystem and write only to volumes (EXI-ARCH-18).
public struct ReadOnlyRootFilesystemCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.read-only-root-filesystem", title: "Read-only root filesystem, writable paths as volumes",
    rationale: """
      EXI-ARCH-18: writing inside a pod is only possible through a mounted volume. Every regular and init container \
      must set `securityContext.readOnlyRootFilesystem: true` (fails when unset or false); a volume mounted on `/tmp` \
      or `/var/tmp` must be an `emptyDir` (fails otherwise). Writable volume mounts of a read-only container are noted. Ephemeral \
      debugging containers are not checked. No Kyverno rule counterpart: not enforced.
      """,
    reads: [.kubernetes])

  /// Paths that hold scratch files only, hence must be `emptyDir` volumes.
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
          judgement.fail(
            "k8s.read-only-root-filesystem.unset", object, container: container,
            at: container.node.key("securityContext") ?? container.node, enforced: false)
        }
        for mount in container.volumeMounts {
          guard let path = mount["mountPath"]?.string, Self.scratchPaths.contains(Self.trimmed(path)),
            let name = mount["name"]?.string, let volume = workload.volume(named: name), volume["emptyDir"] == nil
          else { continue }
          let source = volume.pairs?.compactMap(\.key.string).first { $0 != "name" } ?? "?"
          judgement.fail(
            "k8s.read-only-root-filesystem.scratch-not-emptydir", object, container: container, at: mount, enforced: false,
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
