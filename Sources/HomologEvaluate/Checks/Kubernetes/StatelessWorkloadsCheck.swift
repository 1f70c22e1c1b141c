import HomologKubernetes
import HomologModel

/// Application pods run in stateless controllers; StatefulSets only for data components (EXI-ARCH-20).
public struct StatelessWorkloadsCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.stateless-workloads", title: "Application modules stateless: StatefulSets only for data components",
    rationale: """
      EXI-ARCH-20: application modules run stateless and keep their state in a central data store. Fails on every \
      StatefulSet that is not a data component; a data component is recognised by the platform's labels (`tier: db` \
      or `cache`, or a database, cache or broker `component` such as `postgres` or `redis`) or by a well-known data \
      store image (postgres, mariadb, mongo, redis, kafka, …), and is noted. No Kyverno rule counterpart: not enforced.
      """,
    reads: [.kubernetes])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for workload in judgement.manifests.workloads {
      judgement.checked += 1
      guard workload.object.kind == "StatefulSet" else { continue }
      if let reason = DataComponent.reason(workload) {
        judgement.note(
          "k8s.stateless-workloads.data-component", workload.object, at: workload.object.body["kind"], [MessageArg("reason", reason)])
      } else {
        judgement.fail("k8s.stateless-workloads.statefulset", workload.object, at: workload.object.body["kind"], enforced: false)
      }
    }
    return judgement.result(of: self)
  }
}
