import Foundation
import HomologModel
import HomologProject
import XCTest

/// The catalogue's `parts`: quoted text, a proof mode, checks exactly when the proof uses them, each error located.
final class CataloguePartsLoaderTests: XCTestCase {
  private let header = "catalogue:\n  id: c\n  title: T\n  version: \"1\"\nrequirements:\n"

  private func requirement(parts: String) -> String {
    "  - id: R-1\n    level: P\n    category: Cat\n    title: Titre\n    statement: |-\n      Les images sont scannées.\n      L'équipe  organise le run.\n"
      + "    parts:\n" + parts
  }

  private func problems(_ parts: String) throws -> [String] {
    try CatalogueLoader.load(Data((header + requirement(parts: parts)).utf8), file: "cat.yaml", knownChecks: ["a.b"]).1.map(\.description)
  }

  func testPartsLoadWithTheirProofAndChecks() throws {
    let text = header + requirement(parts: """
          - {id: scan, text: "Les images sont scannées.", proof: checks, checks: [a.b], note: "cite"}
          - {id: run, text: "L'équipe organise le run.", proof: attestation}

      """)
    let (catalogue, problems) = try CatalogueLoader.load(Data(text.utf8), file: "cat.yaml", knownChecks: ["a.b"])
    XCTAssertEqual(problems.map(\.description), [])
    let parts = try XCTUnwrap(catalogue.requirements.first?.parts)
    XCTAssertEqual(parts.map(\.id), ["scan", "run"])
    XCTAssertEqual(parts.map(\.proof), [.checks, .attestation])
    XCTAssertEqual(catalogue.requirements.first?.checks, ["a.b"])
    XCTAssertEqual(catalogue.requirements.first?.attestable, true)
  }

  func testATextNotQuotedFromTheStatementIsRefused() throws {
    XCTAssertEqual(
      try problems("      - {id: x, text: \"Les images sont signées.\", proof: attestation}\n"),
      ["cat.yaml:14:23: error: R-1.parts[0]: text is not quoted from the statement"])
  }

  func testProofAndChecksMustAgree() throws {
    XCTAssertEqual(
      try problems("      - {id: x, text: \"Les images sont scannées.\", proof: checks}\n"),
      ["cat.yaml:14:59: error: R-1.parts[0]: proof 'checks' needs at least one check"])
    XCTAssertEqual(
      try problems("      - {id: x, text: \"Les images sont scannées.\", proof: attestation, checks: [a.b]}\n"),
      ["cat.yaml:14:80: error: R-1.parts[0]: proof 'attestation' takes no checks"])
    XCTAssertEqual(
      try problems("      - {id: x, text: \"Les images sont scannées.\", proof: maybe}\n"),
      ["cat.yaml:14:59: error: R-1.parts[0]: unknown proof 'maybe' (expected checks, attestation, both or either)"])
  }

  func testAnEmptyPartsListIsRefused() throws {
    XCTAssertEqual(
      try problems("      []\n"),
      ["cat.yaml:14:7: error: R-1: 'parts' is empty: the requirement could never be proven (give at least one part)"])
  }
}
