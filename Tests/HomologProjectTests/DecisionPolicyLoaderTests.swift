import Foundation
import HomologModel
import HomologProject
import XCTest

/// homolog.yaml's `decision:` section and derogations' `owner`, read with their defaults and refused with their place.
final class DecisionPolicyLoaderTests: XCTestCase {
  private func load(_ decision: String) throws -> ProjectConfig {
    let dir = try TemporaryFolders.make("homolog-decision")
    let url = dir.appendingPathComponent("homolog.yaml")
    try Data(("project: {name: D}\n" + decision).utf8).write(to: url)
    return try ProjectConfigLoader.load(url, displayPath: "homolog.yaml")
  }

  /// The error `decision` gives, as printed.
  private func failure(_ decision: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    do {
      _ = try load(decision)
      XCTFail("expected an error", file: file, line: line)
      return ""
    } catch {
      return (error as? InputError)?.description ?? "\(error)"
    }
  }

  func testDefaultsAreTheDocumentedBands() throws {
    let policy = try load("").decision
    XCTAssertEqual(policy.validity.map(\.minScore), [90, 75, 50, 0])
    XCTAssertEqual(policy.validity.map(\.months), [36, 24, 12, 6])
    XCTAssertEqual(policy.criticalVulnerabilityMonths, 6)
    XCTAssertEqual(policy.highVulnerabilityMonths, 12)
    XCTAssertNil(policy.authority)
    XCTAssertEqual(policy.signatories, [])
    XCTAssertEqual(policy.actions, [])
    XCTAssertEqual(policy.band(for: 89.9)?.months, 24)
    XCTAssertEqual(policy.band(for: 90)?.months, 36)
    XCTAssertEqual(policy.band(for: 0)?.months, 6)
    XCTAssertEqual(policy.band(for: nil)?.months, 6, "no score: the lowest band")
  }

  func testReadsAuthoritySignatoriesBandsAndActions() throws {
    let policy = try load("""
      decision:
        authority: {name: "Préfète", function: "Autorité d'homologation"}
        signatories:
          - {name: "Jeanne Martin", function: RSSI}
          - {name: "Paul Durand"}
        validity:
          - {min_score: 80, months: 24}
          - {min_score: 0, months: 12}
        critical_vulnerability_months: 3
        high_vulnerability_months: 9
        actions:
          - {requirement: EXI-ORG-10, owner: "Équipe API", due: 2027-03-31}
          - {requirement: EXI-G-2, owner: "Chef de projet"}
      """).decision
    XCTAssertEqual(policy.authority, DecisionPerson(name: "Préfète", function: "Autorité d'homologation"))
    XCTAssertEqual(policy.signatories, [DecisionPerson(name: "Jeanne Martin", function: "RSSI"), DecisionPerson(name: "Paul Durand", function: nil)])
    XCTAssertEqual(policy.validity, [ValidityBand(minScore: 80, months: 24), ValidityBand(minScore: 0, months: 12)])
    XCTAssertEqual(policy.criticalVulnerabilityMonths, 3)
    XCTAssertEqual(policy.highVulnerabilityMonths, 9)
    XCTAssertEqual(policy.actions.map(\.requirement), ["EXI-ORG-10", "EXI-G-2"])
    XCTAssertEqual(policy.actions.first?.due, Day("2027-03-31"))
    XCTAssertEqual(policy.actions.first?.line, 13)
    XCTAssertNil(policy.actions.last?.due)
  }

  func testBadValuesAreRefusedAtTheirPlace() {
    XCTAssertEqual(
      failure("decision:\n  validity:\n    - {min_score: 90, months: 0}\n    - {min_score: 0, months: 6}\n"),
      "homolog.yaml:4:31: error: decision.validity[0].months: expected a number of months from 1 to 120")
    XCTAssertEqual(
      failure("decision:\n  validity:\n    - {min_score: 101, months: 36}\n"),
      "homolog.yaml:4:19: error: decision.validity[0].min_score: expected a percent between 0 and 100")
    XCTAssertEqual(
      failure("decision:\n  validity:\n    - {min_score: 50, months: 12}\n    - {min_score: 75, months: 6}\n"),
      "homolog.yaml:5:19: error: decision.validity[1].min_score: expected less than the previous band's 50 (bands go from the highest score down)")
    XCTAssertEqual(
      failure("decision:\n  validity:\n    - {min_score: 75, months: 12}\n    - {min_score: 0, months: 24}\n"),
      "homolog.yaml:5:30: error: decision.validity[1].months: expected at most the previous band's 12 months (a lower score never earns a longer validity)")
    XCTAssertEqual(
      failure("decision:\n  validity:\n    - {min_score: 75, months: 12}\n    - {min_score: 10, months: 6}\n"),
      "homolog.yaml:5:19: error: decision.validity[1].min_score: the last band must start at 0 so every score has one")
    XCTAssertEqual(
      failure("decision:\n  validity: []\n"), "homolog.yaml:3:13: error: decision.validity: expected at least one band (min_score, months)")
    XCTAssertEqual(
      failure("decision:\n  high_vulnerability_months: -1\n"),
      "homolog.yaml:3:30: error: decision.high_vulnerability_months: expected a number of months from 1 to 120")
    XCTAssertEqual(
      failure("decision:\n  critical_vulnerability_months: 8\n  high_vulnerability_months: 4\n"),
      "homolog.yaml:4:30: error: decision.high_vulnerability_months: expected at least critical_vulnerability_months (8), got 4 (a high vulnerability never shortens the validity more than a critical one)")
    XCTAssertEqual(
      failure("decision:\n  critical_vulnerability_months: 18\n"),
      "homolog.yaml:3:34: error: decision.high_vulnerability_months: expected at least critical_vulnerability_months (18), got 12 (a high vulnerability never shortens the validity more than a critical one)")
    XCTAssertEqual(
      failure("decision:\n  critical_vulnerability_months: six\n"),
      "homolog.yaml:3:34: error: decision.critical_vulnerability_months: expected a whole number")
    XCTAssertEqual(
      failure("decision:\n  signatories:\n    - {function: RSSI}\n"), "homolog.yaml:4:7: error: decision.signatories[0]: missing required key 'name'")
    // A key given empty is not a missing key: the message says the value is empty, at the value.
    XCTAssertEqual(
      failure("decision:\n  actions:\n    - {requirement: EXI-G-2, owner: \"\"}\n"),
      "homolog.yaml:4:37: error: decision.actions[0].owner: the value is empty (expected a text)")
    XCTAssertEqual(
      failure("decision:\n  actions:\n    - requirement: EXI-G-2\n      owner:\n"),
      "homolog.yaml:5:13: error: decision.actions[0].owner: the value is empty (expected a text)")
    XCTAssertEqual(
      failure("decision:\n  authority: {name: \"  \", function: Préfète}\n"),
      "homolog.yaml:3:21: error: decision.authority.name: the value is empty (expected a text)")
    XCTAssertEqual(
      failure("decision:\n  signatories:\n    - {name: \"\", function: RSSI}\n"),
      "homolog.yaml:4:14: error: decision.signatories[0].name: the value is empty (expected a text)")
    XCTAssertEqual(
      failure("decision:\n  actions:\n    - {owner: A}\n"), "homolog.yaml:4:7: error: decision.actions[0]: missing required key 'requirement'")
    XCTAssertEqual(
      failure("decision:\n  actions:\n    - {requirement: EXI-G-2, owner: A}\n    - {requirement: EXI-G-2, owner: B}\n"),
      "homolog.yaml:5:21: error: decision.actions[1]: requirement 'EXI-G-2' already has an action")
    XCTAssertEqual(
      failure("decision:\n  actions:\n    - {requirement: EXI-G-2, owner: A, due: demain}\n"),
      "homolog.yaml:4:45: error: decision.actions[0].due: expected a date YYYY-MM-DD")
    XCTAssertTrue(failure("decision:\n  signataires: []\n").hasPrefix("homolog.yaml:3:3: error: decision: unknown key 'signataires'"))
  }

  func testAnActionForARequirementOutsideTheCatalogueIsRefusedAtItsLine() throws {
    let config = try load("decision:\n  actions:\n    - {requirement: EXI-ORG-10, owner: A}\n    - {requirement: EXI-ORG-1O, owner: B}\n")
    let catalogue = Catalogue(
      id: "mini", title: "Mini", version: "1", source: nil,
      requirements: [
        Requirement(id: "EXI-ORG-10", sourceId: "EXI-ORG-10", level: .important, category: "Organisation", title: "T", statement: "S", weight: 1)
      ], sha256: "")
    XCTAssertThrowsError(try config.checkActions(against: catalogue)) { error in
      XCTAssertEqual(
        (error as? InputError)?.description,
        "homolog.yaml:5:21: error: decision.actions[1]: unknown requirement 'EXI-ORG-1O' in catalogue mini; did you mean 'EXI-ORG-10'?")
    }
  }
}
