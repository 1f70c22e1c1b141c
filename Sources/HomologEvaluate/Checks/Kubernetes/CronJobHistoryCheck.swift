import HomologKubernetes
import HomologModel

/// CronJobs bound their job history (platform rule `job-history`).
public struct CronJobHistoryCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.cronjob-history", title: "CronJob history limits set, at most 5",
    rationale: """
      Platform Kyverno rule `job-history` (ENFORCE in production) adds `successfulJobsHistoryLimit: 5` and \
      `failedJobsHistoryLimit: 5` to CronJobs. Fails on every CronJob where either is unset or above 5; not marked \
      as refused in production: the platform's policy sets the limits (a mutation) rather than rejecting the CronJob. \
      No CronJob gives no evidence.
      """,
    reads: [.kubernetes])

  /// The fields and the highest value the platform accepts.
  static let fields = ["successfulJobsHistoryLimit", "failedJobsHistoryLimit"]
  static let maximum = 5

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for cronJob in judgement.manifests.objects("CronJob") {
      judgement.checked += 1
      for field in Self.fields {
        guard let node = cronJob.spec?[field], !node.isNull else {
          judgement.fail(
            "k8s.cronjob-history.unset", cronJob, at: cronJob.body.key("spec"), enforced: false,
            [MessageArg("field", field), MessageArg("max", "\(Self.maximum)")])
          continue
        }
        if let value = node.int, value <= Self.maximum, value >= 0 { continue }
        judgement.fail(
          "k8s.cronjob-history.too-high", cronJob, at: node, enforced: false,
          [MessageArg("field", field), MessageArg("value", node.string ?? node.kindName), MessageArg("max", "\(Self.maximum)")])
      }
    }
    return judgement.result(of: self)
  }
}
