import Foundation
import HomologEvaluate
import HomologModel
import XCTest

/// Runs every case of `Tests/Fixtures/checks/<check-id>/`: `pass.*.yaml` must pass, `none.*.yaml` give no
/// evidence (nothing of the kind the check judges), `fail.*.yaml` fail with one problem on each line marked `# FAIL` (`# FAIL×N` for N problems).
/// A line `# deployment: <method>` states homolog.yaml's `context.deployment` for that case.
final class KubernetesCheckFixtureTests: XCTestCase {
  func testEveryKubernetesCheckHasPassingAndFailingFixtures() {
    for check in TestEvidence.kubernetesChecks {
      let names = Fixtures.files("checks/\(check.id)").map(\.lastPathComponent)
      XCTAssertTrue(names.contains { $0.hasPrefix("pass.") }, "\(check.id) has no pass.*.yaml fixture")
      XCTAssertTrue(names.contains { $0.hasPrefix("fail.") }, "\(check.id) has no fail.*.yaml fixture")
    }
  }

  func testFixtureFoldersNameRegisteredChecks() {
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.url("checks").path)) ?? []
    for folder in folders where folder.hasPrefix("k8s.") {
      XCTAssertNotNil(AllChecks.check(folder), "fixture folder \(folder) names no registered check")
    }
  }

  func testFixtures() throws {
    var cases = 0
    for check in TestEvidence.kubernetesChecks {
      for url in Fixtures.files("checks/\(check.id)") where url.pathExtension == "yaml" {
        cases += 1
        let name = url.lastPathComponent
        let text = try String(contentsOf: url, encoding: .utf8)
        var evidence = try TestEvidence.set(text, name: name)
        evidence.context.deployment = Self.statedDeployment(text)
        let result = check.evaluate(evidence)
        let label = "\(check.id)/\(name)"
        if name.hasPrefix("pass.") {
          XCTAssertEqual(result.outcome, .pass, "\(label): \(result.problems.map(\.message.key))")
          XCTAssertTrue(result.problems.isEmpty, label)
        } else if name.hasPrefix("none.") {
          XCTAssertEqual(result.outcome, .noEvidence, label)
          XCTAssertTrue(result.problems.isEmpty, label)
        } else {
          XCTAssertEqual(result.outcome, .fail, label)
          XCTAssertEqual(
            result.problemLines, Self.markedLines(text),
            "\(label): \(result.problems.map { "\($0.location?.line ?? 0) \($0.message.key)" })")
        }
        for observation in result.observations {
          XCTAssertEqual(observation.location?.file ?? name, name, label)
          XCTAssertEqual(observation.evidence ?? name, name, label)
          if observation.problem {
            XCTAssertNotNil(observation.enforced, "\(label): a problem says whether it is enforced")
          } else {
            XCTAssertNil(observation.enforced, label)
          }
        }
      }
    }
    XCTAssertGreaterThanOrEqual(cases, 40)
  }

  func testNoManifestMeansNoEvidence() {
    let empty = EvidenceSet(files: [])
    for check in TestEvidence.kubernetesChecks {
      XCTAssertEqual(check.evaluate(empty).outcome, .noEvidence, check.id)
    }
  }

  /// Kubernetes evidence that holds no container (a PolicyReport, a pod with an empty container list) proves nothing.
  func testEvidenceWithoutContainersNeverPasses() throws {
    let evidence = try TestEvidence.set("""
      apiVersion: wgpolicyk8s.io/v1alpha2
      kind: PolicyReport
      metadata: {name: polr-ns-app}
      results: []
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: empty}
      spec: {containers: []}
      """)
    for check in TestEvidence.kubernetesChecks {
      let result = check.evaluate(evidence)
      XCTAssertNotEqual(result.outcome, .pass, check.id)
      XCTAssertEqual(result.outcome, .noEvidence, check.id)
    }
    for id in [
      "k8s.read-only-root-filesystem", "k8s.security-context-unset", "k8s.no-privileged", "k8s.run-as-non-root",
      "k8s.no-host-access", "k8s.image-tag-pinned", "k8s.probes", "k8s.labels", "k8s.allowed-registries",
    ] {
      XCTAssertEqual(AllChecks.check(id)?.evaluate(evidence).outcome, .noEvidence, id)
    }
  }

  /// The deployment method a `# deployment: <method>` line states, if any.
  static func statedDeployment(_ text: String) -> DeploymentMethod? {
    let prefix = "# deployment: "
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
    return DeploymentMethod(rawValue: String(line.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces))
  }

  /// Lines marked `# FAIL` (once) or `# FAIL×N` (N times), sorted.
  static func markedLines(_ text: String) -> [Int] {
    var lines: [Int] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      guard let marker = line.range(of: "# FAIL") else { continue }
      let count = line[marker.upperBound...].hasPrefix("×") ? Int(line[marker.upperBound...].dropFirst().prefix { $0.isNumber }) ?? 1 : 1
      lines += Array(repeating: index + 1, count: count)
    }
    return lines
  }
}
