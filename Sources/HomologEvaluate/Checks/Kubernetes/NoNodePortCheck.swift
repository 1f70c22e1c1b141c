import HomologKubernetes
import HomologModel

/// No Service of type NodePort (platform rule `restrict-nodeport`).
public struct NoNodePortCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.no-nodeport", title: "No NodePort Service",
    rationale: """
      Platform Kyverno rule `restrict-nodeport` (ENFORCE in production): NodePort Services expose the application \
      outside the cluster, bypassing the platform's ingress. Fails on every Service with `type: NodePort`; enforced.
      """,
    reads: [.kubernetes])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for service in judgement.manifests.objects("Service") {
      judgement.checked += 1
      if let type = service.spec?["type"], type.string == "NodePort" {
        judgement.fail("k8s.no-nodeport.service", service, at: type, enforced: true)
      }
    }
    return judgement.result(of: self)
  }
}
