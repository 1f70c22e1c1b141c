import HomologKubernetes
import HomologModel

/// No container is declared to run as root (EXI-ARCH-18).
public struct RunAsNonRootCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.run-as-non-root", title: "No container declared to run as root",
    rationale: """
      EXI-ARCH-18: images run rootless. Fails where the manifest says a container runs as root: an effective \
      `runAsUser: 0` or `runAsNonRoot: false` (the container's securityContext overrides the pod's). Unset is fine: \
      the platform assigns a non-root user. No Kyverno rule counterpart: not enforced.
      """,
    reads: [.kubernetes])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for workload in judgement.manifests.workloads {
      let pod = workload.podSecurityContext
      for container in workload.containers {
        judgement.checked += 1
        let own = container.securityContext
        if let user = own?["runAsUser"] ?? pod?["runAsUser"], user.int == 0 {
          judgement.fail("k8s.run-as-non-root.root-user", workload.object, container: container, at: user, enforced: false)
        }
        if let nonRoot = own?["runAsNonRoot"] ?? pod?["runAsNonRoot"], nonRoot.bool == false {
          judgement.fail("k8s.run-as-non-root.non-root-false", workload.object, container: container, at: nonRoot, enforced: false)
        }
      }
    }
    return judgement.result(of: self)
  }
}
