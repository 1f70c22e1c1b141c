import Foundation
import XCTest

/// docs/verdicts.md embeds the catalogue's mapping table exactly as `homolog catalogue mapping` prints it.
final class VerdictsDocTests: XCTestCase {
  func testVerdictsDocEmbedsTheCurrentMappingTable() throws {
    let result = try CLI.run(["catalogue", "mapping"])
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
    let result = try CLI.run(["catalogue", "mapping"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.contains("| `check-labels` | `k8s.labels` | validate | admission seulement / admission only |"))
    XCTAssertTrue(result.stdout.contains("| `disallow-latest` | `k8s.image-tag-pinned` | validate | EXI-ARCH-27 |"))
    let requirementRows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("| EXI-") }
    let ids = Set(requirementRows.map { $0.dropFirst(2).prefix { $0 != " " } })
    XCTAssertEqual(ids.count, 55)
  }
}
