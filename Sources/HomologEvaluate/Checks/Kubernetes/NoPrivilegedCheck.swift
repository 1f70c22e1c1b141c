import HomologKubernetes
import HomologModel

/// No container runs privileged (EXI-ARCH-18).
public struct NoPrivilegedCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.no-privileged", title: "No privileged container",
    rationale: """
      EXI-ARCH-18: containers need no privilege elevation. Fails on `securityContext.privileged: true` in any \
      container (regular, init or ephemeral). No Kyverno rule counterpart (OpenShift's restricted SCC refuses such \
      pods, but homolog reports only the Kyverno rules as enforced): not enforced.
      """,
    reads: [.kubernetes])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for workload in judgement.manifests.workloads {
      for container in workload.containers {
        judgement.checked += 1
        if let node = container.securityContext?["privileged"], node.bool == true {
          judgement.fail("k8s.no-privileged.privileged", workload.object, container: container, at: node, enforced: false)
        }
      }
    }
    return judgement.result(of: self)
  }
}
