import Foundation
import HomologEvaluate
import HomologModel
import XCTest

/// Runs every case of `Tests/Fixtures/checks/<check-id>/`: `pass.*.yaml` must pass, `na.*.yaml` be not
/// applicable, `fail.*.yaml` fail with one problem on each line marked `# FAIL` (`# FAIL×N` for N problems).
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
        let result = check.evaluate(try TestEvidence.set(text, name: name))
        let label = "\(check.id)/\(name)"
        if name.hasPrefix("pass.") {
          XCTAssertEqual(result.outcome, .pass, "\(label): \(result.problems.map(\.message.key))")
          XCTAssertTrue(result.problems.isEmpty, label)
        } else if name.hasPrefix("na.") {
          XCTAssertEqual(result.outcome, .noEvidence, label)
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
