import HomologKubernetes
import HomologModel

/// Containers listen on unprivileged ports (> 1024), and Services target such ports (EXI-ARCH-18).
public struct UnprivilegedPortsCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.unprivileged-ports", title: "Containers and Service targets use ports above 1024",
    rationale: """
      EXI-ARCH-18: images run rootless and listen on internal ports > 1024 (binding a port ≤ 1024 needs a privilege). \
      Fails on every `containerPort` ≤ 1024 and every Service port whose `targetPort` (or `port`, when no \
      `targetPort` is given) is a number ≤ 1024; named target ports resolve to container ports, checked there. \
      No Kyverno rule counterpart: not enforced.
      """,
    reads: [.kubernetes])

  /// Highest privileged port number.
  static let privilegedMax = 1024

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for workload in judgement.manifests.workloads {
      for container in workload.containers {
        for port in container.ports {
          guard let node = port["containerPort"], let number = node.int else { continue }
          judgement.checked += 1
          if number <= Self.privilegedMax {
            judgement.fail(
              "k8s.unprivileged-ports.container-port", workload.object, container: container, at: node, enforced: false,
              [MessageArg("port", "\(number)")])
          }
        }
      }
    }
    for service in judgement.manifests.objects("Service") where service.spec?["type"]?.string != "ExternalName" {
      for port in (service.spec?["ports"]?.items ?? []) where port.pairs != nil {
        guard let node = port["targetPort"] ?? port["port"], let number = node.int else { continue }
        judgement.checked += 1
        if number <= Self.privilegedMax {
          judgement.fail("k8s.unprivileged-ports.service-port", service, at: node, enforced: false, [MessageArg("port", "\(number)")])
        }
      }
    }
    return judgement.result(of: self)
  }
}
