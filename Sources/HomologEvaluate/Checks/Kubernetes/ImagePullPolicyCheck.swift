import HomologKubernetes
import HomologModel

/// `imagePullPolicy`, when set, is `IfNotPresent` (EXI-ARCH-27).
public struct ImagePullPolicyCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.image-pull-policy", title: "imagePullPolicy absent or IfNotPresent",
    rationale: """
      EXI-ARCH-27: if specified, `imagePullPolicy` is `IfNotPresent`, which decouples the cluster from the registry. \
      Fails on any other value (`Always`, `Never`). No Kyverno rule counterpart: not enforced.
      """,
    reads: [.kubernetes])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for workload in judgement.manifests.workloads {
      for container in workload.containers {
        judgement.checked += 1
        guard let node = container["imagePullPolicy"], !node.isNull, node.string != "IfNotPresent" else { continue }
        judgement.fail(
          "k8s.image-pull-policy.policy", workload.object, container: container, at: node, enforced: false,
          [MessageArg("policy", node.string ?? node.kindName)])
      }
    }
    return judgement.result(of: self)
  }
}
