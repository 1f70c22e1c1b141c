import HomologKubernetes
import HomologModel

/// Every application workload shows the CCT's `/health` and `/metrics` endpoints in its manifests (EXI-ARCH-12).
public struct HealthEndpointsCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.health-endpoints", title: "/health and /metrics endpoints declared for every application workload",
    rationale: """
      EXI-ARCH-12: the application exposes the self-describing supervision APIs `/health` (json+problem) and \
      `/metrics` (Prometheus), integrated in the platform's supervision. For every long-running workload (not Job \
      or CronJob) that is not a data component (database, cache, broker: third-party images), the manifests must \
      show an HTTP probe (liveness, readiness or startup) on `/health` or a path under `/health/`, and a metrics \
      endpoint: a probe on `/metrics`, the `prometheus.io/scrape: "true"` or `prometheus.io/path` annotations on \
      the pod or on a Service selecting it, or a ServiceMonitor or PodMonitor selecting it. Probes on `/`, \
      `/healthz`, `/actuator/health` or business paths do not prove the CCT's `/health`. Passes when every such \
      workload shows both; fails where `prometheus.io/scrape: "false"` declares the workload unscraped and no \
      monitor selects it; otherwise gives no evidence, each unproven endpoint noted (a manifest cannot prove that \
      an endpoint is missing: an attestation can prove it exists). No Kyverno rule counterpart: not enforced.
      """,
    reads: [.kubernetes])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    let metrics = MetricsSources(judgement.manifests)
    var unproven = 0
    for workload in judgement.manifests.workloads where !workload.isBatch {
      let object = workload.object
      let containers = workload.containers([.regular])
      guard !containers.isEmpty else { continue }
      if let reason = DataComponent.reason(workload) {
        judgement.note("k8s.health-endpoints.data-component", object, at: object.body["kind"], [MessageArg("reason", reason)])
        continue
      }
      judgement.checked += 1
      let at = workload.pod.key("spec")
      let paths = Self.httpProbePaths(containers)
      if let health = paths.first(where: Self.isHealthPath) {
        judgement.note("k8s.health-endpoints.health", object, at: at, [MessageArg("path", health)])
      } else {
        unproven += 1
        judgement.note(
          "k8s.health-endpoints.no-health", object, at: at,
          [MessageArg("paths", paths.isEmpty ? "-" : paths.joined(separator: ", "))])
      }
      switch metrics.finding(for: workload) {
      case .exposed(let source)?:
        judgement.note("k8s.health-endpoints.metrics", object, at: at, [MessageArg("source", source)])
      case .optedOut(let source)?:
        judgement.fail("k8s.health-endpoints.metrics-opted-out", object, at: at, enforced: false, [MessageArg("source", source)])
      case nil:
        unproven += 1
        judgement.note("k8s.health-endpoints.no-metrics", object, at: at)
      }
    }
    let result = judgement.result(of: self)
    guard result.outcome == .pass, unproven > 0 else { return result }
    return self.result(.noEvidence, observations: result.observations, evidence: result.evidence)
  }

  /// `/health` or a path under it (query string ignored).
  static func isHealthPath(_ path: String) -> Bool {
    let clean = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? path
    return clean == "/health" || clean.hasPrefix("/health/")
  }

  /// The distinct `httpGet` paths of the containers' probes, in declaration order.
  private static func httpProbePaths(_ containers: [Container]) -> [String] {
    var seen = Set<String>()
    var paths: [String] = []
    for container in containers {
      for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
        guard let path = container[probe]?["httpGet"]?["path"]?.string, seen.insert(path).inserted else { continue }
        paths.append(path)
      }
    }
    return paths
  }
}
