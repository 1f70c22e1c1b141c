import Foundation
import HomologEvaluate
import HomologModel
import XCTest

/// A rendered Helm chart (several Deployments, a CronJob, a ConfigMap, an empty template) judged by
/// every Kubernetes check: each finding names its `# Source:` template and line.
final class HelmRenderedChartTests: XCTestCase {
  private struct Finding: Hashable, CustomStringConvertible {
    var check: String
    var key: String
    var line: Int
    var template: String
    var name: String
    var container: String?
    var enforced: Bool
    var description: String { "\(check) \(key) \(template):\(line) \(name)/\(container ?? "-") enforced=\(enforced)" }
  }

  func testEveryFindingNamesItsTemplateAndLine() throws {
    let evidence = try TestEvidence.set([Fixtures.url("kubernetes/helm-rendered-webshop.yaml")])
    var findings: [Finding] = []
    var outcomes: [String: CheckOutcome] = [:]
    for check in TestEvidence.kubernetesChecks {
      let result = check.evaluate(evidence)
      outcomes[check.id] = result.outcome
      for problem in result.problems {
        guard let object = problem.object else { continue }
        findings.append(
          Finding(
            check: check.id, key: problem.message.key, line: problem.location?.line ?? 0,
            template: object.helmSource ?? "", name: object.name, container: object.container, enforced: problem.enforced ?? false))
      }
    }
    let t = "webshop/templates/"
    let expected: [Finding] = [
      Finding(
        check: "k8s.security-context-unset", key: "k8s.security-context-unset.pod-field", line: 107, template: t + "api/deployment.yaml",
        name: "webshop-api", enforced: false),
      Finding(
        check: "k8s.image-tag-pinned", key: "k8s.image-tag-pinned.latest", line: 66, template: t + "frontend/deployment.yaml",
        name: "webshop-frontend", container: "frontend", enforced: true),
      Finding(
        check: "k8s.image-pull-policy", key: "k8s.image-pull-policy.policy", line: 153, template: t + "worker/deployment.yaml",
        name: "webshop-worker", container: "worker", enforced: false),
      Finding(
        check: "k8s.probes", key: "k8s.probes.missing", line: 109, template: t + "api/deployment.yaml", name: "webshop-api",
        container: "api", enforced: false),
      Finding(
        check: "k8s.high-availability", key: "k8s.high-availability.replicas", line: 91, template: t + "api/deployment.yaml",
        name: "webshop-api", enforced: false),
      Finding(
        check: "k8s.high-availability", key: "k8s.high-availability.no-spread", line: 105, template: t + "api/deployment.yaml",
        name: "webshop-api", enforced: false),
      Finding(
        check: "k8s.configmap-no-credentials", key: "k8s.configmap-no-credentials.forbidden-key", line: 16, template: t + "configmap.yaml",
        name: "webshop-config", enforced: true),
      Finding(
        check: "k8s.resources", key: "k8s.resources.missing", line: 184, template: t + "cronjob-cleanup.yaml", name: "webshop-cleanup",
        container: "cleanup", enforced: true),
      Finding(
        check: "k8s.cronjob-history", key: "k8s.cronjob-history.unset", line: 171, template: t + "cronjob-cleanup.yaml",
        name: "webshop-cleanup", enforced: false),
      Finding(
        check: "k8s.cronjob-history", key: "k8s.cronjob-history.unset", line: 171, template: t + "cronjob-cleanup.yaml",
        name: "webshop-cleanup", enforced: false),
    ]
    XCTAssertEqual(findings.sorted { $0.description < $1.description }, expected.sorted { $0.description < $1.description })
    XCTAssertEqual(outcomes["k8s.labels"], .pass)
    XCTAssertEqual(outcomes["k8s.unprivileged-ports"], .pass)
    XCTAssertEqual(outcomes["k8s.argocd-application"], .noEvidence, "on Cloud Pi Native the console creates the Applications")
    XCTAssertEqual(outcomes["k8s.stateless-workloads"], .pass)
    XCTAssertEqual(outcomes["k8s.pvc-size"], .noEvidence, "no claim to judge")
  }

  func testHealthAndMetricsEndpointsAreNotedAndProbesOnOtherPathsProveNothing() throws {
    let evidence = try TestEvidence.set([Fixtures.url("kubernetes/helm-rendered-webshop.yaml")])
    let result = HealthEndpointsCheck().evaluate(evidence)
    XCTAssertEqual(result.outcome, .noEvidence)
    XCTAssertTrue(result.problems.isEmpty)
    let text = result.observations.map { note in
      "\(note.object?.name ?? "") \(note.message.key) \(note.message.args.filter { $0.name != "object" }.map(\.value).joined())"
    }
    XCTAssertEqual(
      text,
      [
        "webshop-frontend k8s.health-endpoints.no-health /healthz, /ready",
        "webshop-frontend k8s.health-endpoints.no-metrics ",
        "webshop-api k8s.health-endpoints.no-health /actuator/health/liveness",
        "webshop-api k8s.health-endpoints.metrics pod prometheus.io/scrape /metrics:9090",
        "webshop-worker k8s.health-endpoints.no-health -",
        "webshop-worker k8s.health-endpoints.no-metrics ",
      ])
    XCTAssertEqual(ProbesCheck().evaluate(evidence).observations.filter { !$0.problem }, [], "k8s.probes judges presence only")
  }
}
