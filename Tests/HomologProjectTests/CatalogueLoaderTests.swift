import Foundation
import HomologModel
import HomologProject
import XCTest

final class CatalogueLoaderTests: XCTestCase {
  private let header = "catalogue:\n  id: c\n  title: T\n  version: \"1\"\nrequirements:\n"

  private func entry(_ id: String, level: String = "P", checks: String = "[a.b]") -> String {
    "  - id: \(id)\n    level: \(level)\n    category: Cat\n    title: Titre\n    statement: Texte\n    checks: \(checks)\n"
  }

  private func load(_ text: String) throws -> (Catalogue, [InputError]) {
    try CatalogueLoader.load(Data(text.utf8), file: "cat.yaml", knownChecks: ["a.b"])
  }

  func testAValidCatalogueLoadsWithDefaults() throws {
    let (catalogue, problems) = try load(header + entry("R-1") + entry("R-2", level: "I", checks: "[]"))
    XCTAssertEqual(problems.map(\.description), [])
    XCTAssertEqual(catalogue.requirements.map(\.id), ["R-1", "R-2"])
    XCTAssertEqual(catalogue.requirements[1].level, .important)
    XCTAssertEqual(catalogue.requirements[0].sourceId, "R-1")
    XCTAssertEqual(catalogue.requirements[0].weight, 1)
    XCTAssertEqual(catalogue.requirements[0].line, 6)
    XCTAssertEqual(catalogue.sha256.count, 64)
  }

  func testDuplicateIdNamesTheIdAndBothLines() throws {
    let (_, problems) = try load(header + entry("R-1") + entry("R-1"))
    XCTAssertEqual(problems.map(\.description), ["cat.yaml:12: error: duplicate requirement id R-1 (lines 6 and 12)"])
  }

  func testUnknownLevelCheckAndMissingFieldAreEachReportedWithALine() throws {
    let text = header + entry("R-1", level: "X") + entry("R-2", checks: "[nope]")
      + "  - id: R-3\n    level: P\n    category: C\n    title: T\n"
    let (_, problems) = try load(text)
    XCTAssertEqual(problems.count, 3)
    XCTAssertEqual(problems[0].description, "cat.yaml:7:12: error: R-1: unknown level 'X' (expected P or I)")
    XCTAssertEqual(problems[1].description, "cat.yaml:17:14: error: R-2: unknown check id 'nope'")
    XCTAssertEqual(problems[2].location?.line, 18)
    XCTAssertTrue(problems[2].message.contains("missing required key 'statement'"), problems[2].message)
  }

  func testUnknownApplicabilityValueIsRefused() throws {
    let text = header + entry("R-1") + "    applies_when:\n      exposure: [moon]\n"
    let (_, problems) = try load(text)
    XCTAssertEqual(problems.first?.location?.line, 13)
    XCTAssertTrue(problems.first?.message.contains("unknown value 'moon'") == true)
  }

  func testShippedCatalogueHas55RequirementsWithUniqueIdsAndSourceDuplicatesKept() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("requirements/cct-cloud-pi-native.yaml")
    let data = try Data(contentsOf: url)
    // Known checks are checked against the real registry in the CLI tests; here every id is accepted.
    let text = String(decoding: data, as: UTF8.self)
    let ids = Set(text.split(separator: "\n").filter { $0.contains("checks:") }.flatMap { line in
      line.split(whereSeparator: { "[], ".contains($0) }).dropFirst().map(String.init)
    })
    let (catalogue, problems) = try CatalogueLoader.load(data, file: "cct.yaml", knownChecks: ids)
    XCTAssertEqual(problems.map(\.description), [])
    XCTAssertEqual(catalogue.version, "27.05.2024")
    XCTAssertEqual(catalogue.requirements.count, 55)
    XCTAssertEqual(Set(catalogue.requirements.map(\.id)).count, 55)
    XCTAssertEqual(catalogue.requirements.filter { $0.level == .primordial }.count, 26)
    XCTAssertEqual(catalogue.requirements.filter { $0.sourceId == "EXI-ORG-17" }.map(\.id), ["EXI-ORG-17-A", "EXI-ORG-17-B"])
    XCTAssertEqual(catalogue.requirements.filter { $0.sourceId == "EXI-ORG-16" }.map(\.id), ["EXI-ORG-16-A", "EXI-ORG-16-B"])
    XCTAssertEqual(catalogue.requirement("EXI-G-6")?.appliesWhen.exposure, [.internet])
    XCTAssertEqual(catalogue.requirement("EXI-DATA-2")?.appliesWhen.personalData, true)
  }
}
