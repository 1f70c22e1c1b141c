import Foundation
import XCTest

/// The demo's 55 verdicts, each stated by hand with its reason in `expected-statuses.tsv`, checked against what the
/// real pipeline (`homolog evaluate` on samples/demo) concludes.
final class DemoExpectedStatusesTests: XCTestCase {
  private struct Expected {
    var id: String
    var status: String
    var reason: String
  }

  private func expected() throws -> [Expected] {
    let url = CLI.repository.appendingPathComponent("Tests/Fixtures/expected-statuses.tsv")
    return try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
      .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { line in
        let fields = line.split(separator: "\t", maxSplits: 2).map(String.init)
        return Expected(id: fields[0], status: fields.count > 1 ? fields[1] : "", reason: fields.count > 2 ? fields[2] : "")
      }
  }

  func testEveryDemoRequirementHasTheStatusStatedByHand() throws {
    let table = try expected()
    XCTAssertEqual(table.count, 55, "expected-statuses.tsv states every requirement once")
    XCTAssertTrue(table.allSatisfy { !$0.reason.isEmpty }, "every expected status has its one-line reason")
    let tmp = try CLI.temporaryDirectory()
    let result = try CLI.run([
      "evaluate", "--config", "samples/demo/homolog.yaml", "--out", tmp.path, "--as-of", "2026-11-22", "--format", "json",
    ])
    XCTAssertEqual(result.status, 1, "the demo is éliminatoire: \(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: tmp.appendingPathComponent("dossier.json"))) as? [String: Any]
    let requirements = try XCTUnwrap(json?["requirements"] as? [[String: Any]])
    let actual = Dictionary(uniqueKeysWithValues: requirements.map { ($0["id"] as? String ?? "", $0["status"] as? String ?? "") })
    XCTAssertEqual(requirements.map { $0["id"] as? String ?? "" }, table.map(\.id), "same requirements, same order")
    for row in table {
      XCTAssertEqual(actual[row.id], row.status, "\(row.id): expected \(row.status) — \(row.reason)")
    }
    let verdict = try XCTUnwrap(json?["verdict"] as? [String: Any])
    let primordialNotMet = table.filter { ["non_conforme", "non_evalue"].contains($0.status) }.map(\.id)
    let levels = Dictionary(uniqueKeysWithValues: requirements.map { ($0["id"] as? String ?? "", $0["level"] as? String ?? "") })
    XCTAssertEqual(verdict["eliminating"] as? [String], primordialNotMet.filter { levels[$0] == "P" })
    XCTAssertEqual(verdict["status"] as? String, "eliminatoire")
  }
}
