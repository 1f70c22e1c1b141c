import HomologKubernetes
import HomologModel

/// Every application container declares liveness and readiness probes (EXI-ARCH-12, Kyverno need-liveness-readiness).
public struct ProbesCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.probes", title: "Liveness and readiness probes on every application container",
    rationale: """
      EXI-ARCH-12: the application exposes a health check and metrics, monitored by the platform. Every regular \
      container of a long-running workload (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Rollout; not Job or \
      CronJob, which run to completion) must have a `livenessProbe` and a `readinessProbe`. A container with no probe \
      at all is enforced (Kyverno `need-liveness-readiness`, ENFORCE in production, asks for one of liveness, \
      readiness or startup); one with only some of them fails without being enforced (a `startupProbe` does not \
      replace either). Kyverno's rule also applies to the containers of Jobs and CronJobs: the platform-admission \
      section predicts it there, this check does not. Probes prove the platform can watch the container, not the CCT's `/health` and `/metrics` \
      endpoints: `k8s.health-endpoints` judges those. Helm test hooks are not judged; no long-running application \
      container gives no evidence.
      """,
    reads: [.kubernetes])

  /// Probes the CCT asks for on every application container.
  static let required = ["livenessProbe", "readinessProbe"]
  /// Any of these satisfies the platform's Kyverno rule.
  static let any = ["livenessProbe", "readinessProbe", "startupProbe"]

  /// Whether Job and CronJob containers are judged too, as the platform's rule does (admission prediction only).
  let judgesBatch: Bool

  /// The CCT check (long-running workloads); `judgesBatch` adds what Kyverno's rule alone asks of Jobs and CronJobs.
  public init(judgesBatch: Bool = false) {
    self.judgesBatch = judgesBatch
  }

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for workload in judgement.manifests.workloads where judgesBatch || !workload.isBatch {
      let object = workload.object
      for container in workload.containers([.regular]) {
        judgement.checked += 1
        let present = Self.any.filter { container[$0].map { !$0.isNull } ?? false }
        if workload.isBatch {
          // Kyverno's need-liveness-readiness applies to every container, a Job's included (one probe of three).
          if present.isEmpty { judgement.fail("k8s.probes.batch_none", object, container: container, at: container.node, enforced: true) }
          continue
        }
        if present.isEmpty {
          judgement.fail("k8s.probes.none", object, container: container, at: container.node, enforced: true)
          continue
        }
        let missing = Self.required.filter { !present.contains($0) }
        if !missing.isEmpty {
          judgement.fail(
            "k8s.probes.missing", object, container: container, at: container.node, enforced: false,
            [MessageArg("missing", missing.joined(separator: ", "))])
        }
      }
    }
    return judgement.result(of: self)
  }
}
