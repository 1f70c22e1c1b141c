import Foundation
import XCTest

/// docs/verdicts.md (French first) embeds the catalogue's mapping table exactly as `homolog catalogue mapping --lang fr`
/// prints it.
final class VerdictsDocTests: XCTestCase {
  func testVerdictsDocEmbedsTheCurrentMappingTable() throws {
    let result = try CLI.run(["catalogue", "mapping", "--lang", "fr"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let doc = try String(contentsOf: CLI.repository.appendingPathComponent("docs/verdicts.md"), encoding: .utf8)
    let begin = "<!-- mapping:begin -->\n"
    let end = "<!-- mapping:end -->"
    guard let start = doc.range(of: begin), let stop = doc.range(of: end, range: start.upperBound..<doc.endIndex) else {
      return XCTFail("docs/verdicts.md has no mapping markers")
    }
    let embedded = String(doc[start.upperBound..<stop.lowerBound])
    XCTAssertEqual(embedded, result.stdout, "docs/verdicts.md is stale: run scripts/update-verdicts-doc.sh")
  }

  func testMappingTableQuotesEveryPartOfEveryRequirement() throws {
    let result = try CLI.run(["catalogue", "mapping", "--lang", "fr"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.contains("| `check-labels` | `k8s.labels` | validate | admission seulement |"))
    XCTAssertTrue(result.stdout.contains("| `disallow-latest` | `k8s.image-tag-pinned` | validate | EXI-ARCH-27 |"))
    let requirementRows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("| EXI-") }
    let ids = Set(requirementRows.map { $0.dropFirst(2).prefix { $0 != " " } })
    XCTAssertEqual(ids.count, 55)
  }

  func testMappingSpeaksTheRunLanguage() throws {
    let english = try CLI.run(["catalogue", "mapping", "--lang", "en"])
    XCTAssertEqual(english.status, 0, english.stderr)
    XCTAssertTrue(english.stdout.hasPrefix("Catalogue `cct-cloud-pi-native` version 27.05.2024 — 55 requirements.\n\n"
      + "| Requirement | Level | Part | Quoted text | Proof | Checks | Basis |\n"), english.stdout)
    XCTAssertTrue(english.stdout.contains("| `check-labels` | `k8s.labels` | validate | admission only |"))
    let french = try CLI.run(["catalogue", "mapping"])
    XCTAssertTrue(french.stdout.hasPrefix("Référentiel `cct-cloud-pi-native` version 27.05.2024 — 55 exigences.\n\n"
      + "| Exigence | Niveau | Partie | Texte cité | Preuve | Contrôles | Fondement |\n"), french.stdout)
  }
}
