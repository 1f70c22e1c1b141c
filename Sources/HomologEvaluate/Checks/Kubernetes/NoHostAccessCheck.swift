import HomologKubernetes
import HomologModel

/// Pods mount nothing from the node and share none of its namespaces (EXI-ARCH-26).
public struct NoHostAccessCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.no-host-access", title: "No hostPath, hostNetwork, hostPID, hostIPC or hostPort",
    rationale: """
      EXI-ARCH-26: mounting resources from the node (hostPath for instance) is not allowed. Fails on `hostPath` \
      volumes (enforced: Kyverno `disallow-hostpath` is ENFORCE in production), on `hostNetwork`, `hostPID` or \
      `hostIPC: true` and on container `hostPort`s (not enforced: no Kyverno rule), and on PersistentVolumes of type \
      `hostPath` (not enforced: the Kyverno rule matches pods).
      """,
    reads: [.kubernetes])

  /// Pod fields that share a node namespace.
  static let hostNamespaces = ["hostNetwork", "hostPID", "hostIPC"]

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for workload in judgement.manifests.workloads {
      judgement.checked += 1
      let object = workload.object
      for field in Self.hostNamespaces {
        if let node = workload.podSpec[field], node.bool == true {
          judgement.fail("k8s.no-host-access.host-namespace", object, at: node, enforced: false, [MessageArg("field", field)])
        }
      }
      for volume in workload.volumes {
        guard let hostPath = volume["hostPath"], !hostPath.isNull else { continue }
        judgement.fail(
          "k8s.no-host-access.host-path", object, at: volume.key("hostPath"), enforced: true,
          [MessageArg("volume", volume["name"]?.string ?? "?"), MessageArg("path", hostPath["path"]?.string ?? "?")])
      }
      for container in workload.containers {
        for port in container.ports {
          guard let node = port["hostPort"], let number = node.int, number != 0 else { continue }
          judgement.fail(
            "k8s.no-host-access.host-port", object, container: container, at: node, enforced: false, [MessageArg("port", "\(number)")])
        }
      }
    }
    for volume in judgement.manifests.objects("PersistentVolume") {
      judgement.checked += 1
      if let hostPath = volume.spec?["hostPath"], !hostPath.isNull {
        judgement.fail(
          "k8s.no-host-access.persistent-volume", volume, at: volume.spec?.key("hostPath"), enforced: false,
          [MessageArg("path", hostPath["path"]?.string ?? "?")])
      }
    }
    return judgement.result(of: self)
  }
}
