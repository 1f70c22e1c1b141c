import Foundation
import HomologIngest
import HomologModel
import XCTest

final class IstanbulJSONReaderTests: XCTestCase {
  private func read(_ name: String) throws -> CoverageReport {
    let url = Fixtures.real("istanbul/\(name)")
    XCTAssertTrue(IstanbulJSONReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try XCTUnwrap(IstanbulJSONReader.read(Fixtures.input(url)).coverage)
  }

  // SOURCES.md: 1 file, statements 111/120; the json-summary of the same nyc run states lines 109/118
  // and branches 92/100, which counting lines as Istanbul does must reproduce.
  func testLinesAndBranchesMatchTheSummaryOfTheSameRun() throws {
    let report = try read("nyc-15.1.0-node-ini-3.0.1-foo.coverage-final.json")
    XCTAssertEqual(report.lines, CoverageCounter(total: 118, covered: 109))
    XCTAssertEqual(report.branches, CoverageCounter(total: 100, covered: 92))
    XCTAssertEqual(report.files.map(\.path), ["/tmp/gen/js/node-ini-3.0.1/lib/ini.js"])

    let summaryURL = Fixtures.real("istanbul/nyc-15.1.0-node-ini-3.0.1-foo.coverage-summary.json")
    let summary = try XCTUnwrap(try IstanbulSummaryJSONReader.read(Fixtures.input(summaryURL)).coverage)
    XCTAssertEqual(report.lines, summary.lines)
    XCTAssertEqual(report.branches, summary.branches)
    XCTAssertEqual(report.files, summary.files)
  }

  func testOldLineMapAndDataWrapper() throws {
    let json = """
      {"/a.js":{"data":{"path":"/a.js","statementMap":{"0":{"start":{"line":1,"column":0},"end":{"line":1,"column":5}}},
       "s":{"0":0},"l":{"1":0,"2":3},"b":{"0":[1,0]}}}}
      """
    let report = try XCTUnwrap(try IstanbulJSONReader.read(try Fixtures.temporary(json, name: "old.json")).coverage)
    XCTAssertEqual(report.lines, CoverageCounter(total: 2, covered: 1))
    XCTAssertEqual(report.branches, CoverageCounter(total: 2, covered: 1))
  }

  func testWrongTypeNamesFileAndJSONPath() throws {
    let json = #"{"/a.js":{"path":"/a.js","statementMap":{},"s":{"0":"one"}}}"#
    assertJSONPathError(
      try IstanbulJSONReader.read(try Fixtures.temporary(json, name: "bad.json")), file: "bad.json", path: "$['/a.js'].s['0']")
  }
}
