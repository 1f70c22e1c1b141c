import Foundation
import HomologIngest
import HomologModel
import XCTest

final class IstanbulSummaryJSONReaderTests: XCTestCase {
  private func read(_ name: String) throws -> CoverageReport {
    let url = Fixtures.real("istanbul/\(name)")
    XCTAssertTrue(IstanbulSummaryJSONReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try XCTUnwrap(IstanbulSummaryJSONReader.read(Fixtures.input(url)).coverage)
  }

  // SOURCES.md: total lines 109/118 (92.37%), branches 92/100 (92%).
  func testNycSummaryTotalsAsStated() throws {
    let report = try read("nyc-15.1.0-node-ini-3.0.1-foo.coverage-summary.json")
    XCTAssertEqual(report.lines, CoverageCounter(total: 118, covered: 109))
    XCTAssertEqual(report.branches, CoverageCounter(total: 100, covered: 92))
    XCTAssertEqual(try XCTUnwrap(report.lines.percent), 92.37, accuracy: 0.005)
    XCTAssertEqual(report.files.count, 1)
  }

  // SOURCES.md: total lines 15/15 (100%), branches 0/0; two Windows paths; `pct: "Unknown"` in branchesTrue.
  func testJestWindowsSummary() throws {
    let report = try read("jest-ts-jest-template-windows.coverage-summary.json")
    XCTAssertEqual(report.lines, CoverageCounter(total: 15, covered: 15))
    XCTAssertEqual(report.branches, CoverageCounter(total: 0, covered: 0))
    XCTAssertEqual(report.files.map(\.lines), [CoverageCounter(total: 8, covered: 8), CoverageCounter(total: 7, covered: 7)])
    XCTAssertTrue(report.files[0].path.hasSuffix(#"src\functions.ts"#))
  }

  func testWrongTypeNamesFileAndJSONPath() throws {
    let json = #"{"total":{"lines":{"total":"ten","covered":1,"pct":10},"statements":{"total":1,"covered":1,"pct":100}}}"#
    assertJSONPathError(
      try IstanbulSummaryJSONReader.read(try Fixtures.temporary(json, name: "bad.json")), file: "bad.json",
      path: "$.total.lines.total")
  }
}
