import Foundation
import HomologEvaluate
import HomologIngest
import HomologModel
import XCTest

/// `samples/clean/manifests` passes every Kubernetes check; `samples/demo/manifests` fails a few, on purpose.
final class SamplesTests: XCTestCase {
  private func results(_ sample: String) throws -> [String: CheckResult] {
    let root = Fixtures.repository.appendingPathComponent("samples/\(sample)")
    let collected = try EvidenceCollector(baseDirectory: root).collect([root.appendingPathComponent("manifests")])
    XCTAssertEqual(collected.ignored.map(\.path), [])
    let evidence = EvidenceSet(files: collected.files)
    return Dictionary(uniqueKeysWithValues: TestEvidence.kubernetesChecks.map { ($0.id, $0.evaluate(evidence)) })
  }

  func testCleanSamplePassesEveryKubernetesCheckThatHasSomethingToJudge() throws {
    // No Secret to judge; Spring's /actuator/health and nginx's /healthz are not the CCT's /health.
    let unproven: Set<String> = ["k8s.secret-no-private-key", "k8s.health-endpoints"]
    for (id, result) in try results("clean") {
      XCTAssertEqual(
        result.outcome, unproven.contains(id) ? .noEvidence : .pass,
        "\(id): \(result.problems.map { "\($0.location?.description ?? "") \($0.message.key)" })")
      XCTAssertTrue(result.problems.isEmpty, id)
    }
  }

  func testDemoSampleFailsWhereItShould() throws {
    let results = try results("demo")
    var failures: [String] = []
    for (id, result) in results.sorted(by: { $0.key < $1.key }) {
      for problem in result.problems {
        failures.append(
          "\(id) \(problem.location?.description ?? "") \(problem.object?.helmSource ?? "-") \(problem.enforced == true ? "enforced" : "audit")"
        )
      }
    }
    let source = "rhab/templates/"
    XCTAssertEqual(
      failures,
      [
        "k8s.configmap-no-credentials manifests/rendered.yaml:18:3 \(source)configmap.yaml enforced",
        "k8s.cronjob-history manifests/rendered.yaml:289:1 \(source)cronjob-purge.yaml audit",
        "k8s.image-tag-pinned manifests/rendered.yaml:112:18 \(source)frontend/deployment.yaml enforced",
        "k8s.probes manifests/rendered.yaml:175:11 \(source)backend/deployment.yaml audit",
        "k8s.security-context-unset manifests/rendered.yaml:163:20 \(source)backend/deployment.yaml audit",
      ])
    XCTAssertEqual(results["k8s.argocd-application"]?.outcome, .noEvidence, "the console creates the Applications")
    XCTAssertEqual(results["k8s.stateless-workloads"]?.outcome, .pass)
  }
}
