import Foundation
import HomologIngest
import HomologModel
import XCTest

final class CloverXMLReaderTests: XCTestCase {
  private func read(_ name: String) throws -> ReadResult {
    let url = Fixtures.real("clover/\(name)")
    let head = try XCTUnwrap(FileHead.read(url))
    XCTAssertTrue(CloverXMLReader.sniff(head), "\(name) not detected")
    XCTAssertFalse(CoberturaXMLReader.sniff(head), "\(name) taken for Cobertura")
    return try CloverXMLReader.read(Fixtures.input(url))
  }

  // SOURCES.md: project statements 2/18, conditionals 1/2.
  func testMavenCloverTotalsAreTheProjectMetrics() throws {
    let result = try read("clover-maven-1.3.13.xml")
    let report = try XCTUnwrap(result.coverage)
    XCTAssertEqual(report.lines, CoverageCounter(total: 18, covered: 2))
    XCTAssertEqual(report.branches, CoverageCounter(total: 2, covered: 1))
    XCTAssertEqual(result.tool, ToolInfo(name: "Clover", version: "1.3.13"))
    XCTAssertEqual(result.generatedAt, "2007-07-03T08:11:40Z")  // generated="1183450300322"
    // Four <file>s inside a <package>; their own metrics, not their classes'.
    XCTAssertEqual(report.files.count, 4)
    let parser = try XCTUnwrap(report.files.first { $0.path.hasSuffix("CloverCoverageParser.java") })
    XCTAssertEqual(parser.lines, CoverageCounter(total: 6, covered: 2))
    XCTAssertEqual(parser.branches, CoverageCounter(total: 2, covered: 1))
    let publisher = try XCTUnwrap(report.files.first { $0.path.hasSuffix("CloverPublisher.java") })
    XCTAssertEqual(publisher.lines, CoverageCounter(total: 11, covered: 0))
    XCTAssertNil(publisher.branches)
    XCTAssertEqual(report.files.reduce(CoverageCounter()) { $0 + $1.lines }, report.lines)
  }

  // SOURCES.md: project statements 9/10; gcovr writes its timestamp where Clover writes its version.
  func testGcovrCloverTimestampIsNotAVersion() throws {
    let result = try read("gcovr-8.8-clamp.clover.xml")
    let report = try XCTUnwrap(result.coverage)
    XCTAssertEqual(report.lines, CoverageCounter(total: 10, covered: 9))
    XCTAssertEqual(result.tool, ToolInfo(name: "Clover", version: nil))  // clover="1796171916"
    XCTAssertEqual(result.generatedAt, "2026-12-02T00:38:36Z")  // generated="1796171916"
    XCTAssertEqual(report.files.map(\.path), ["clamp.c"])
  }

  // SOURCES.md: project statements 109/118, conditionals 92/100 (same run as the nyc LCOV one).
  func testNycCloverTotalsAreTheProjectMetrics() throws {
    let result = try read("nyc-15.1.0-node-ini-3.0.1-foo.clover.xml")
    let report = try XCTUnwrap(result.coverage)
    XCTAssertEqual(report.lines, CoverageCounter(total: 118, covered: 109))
    XCTAssertEqual(report.branches, CoverageCounter(total: 100, covered: 92))
    XCTAssertEqual(result.tool, ToolInfo(name: "Clover", version: "3.2.0"))
    XCTAssertEqual(result.generatedAt, "2026-11-22T13:37:35Z")
    // A <file> directly under <project>, named by its path attribute.
    XCTAssertEqual(
      report.files,
      [
        FileCoverage(
          path: "/tmp/gen/js/node-ini-3.0.1/lib/ini.js", lines: CoverageCounter(total: 118, covered: 109),
          branches: CoverageCounter(total: 100, covered: 92))
      ])
  }

  func testTestProjectFilesAreNotCounted() throws {
    let xml = """
      <coverage generated="1" clover="4.4.1">
        <project name="p"><metrics statements="4" coveredstatements="3" conditionals="0" coveredconditionals="0"/>
          <package name="a"><metrics statements="99" coveredstatements="0"/>
            <file name="A.java" path="src/A.java"><metrics statements="4" coveredstatements="3"/></file>
          </package>
        </project>
        <testproject name="t"><metrics statements="7" coveredstatements="7"/>
          <file name="ATest.java" path="test/ATest.java"><metrics statements="7" coveredstatements="7"/></file>
        </testproject>
      </coverage>
      """
    let report = try XCTUnwrap(CloverXMLReader.read(Fixtures.temporary(xml, name: "clover.xml")).coverage)
    XCTAssertEqual(report.lines, CoverageCounter(total: 4, covered: 3))
    XCTAssertEqual(report.files.map(\.path), ["src/A.java"])
  }

  func testMetricsWithoutStatementsIsALocatedError() throws {
    let xml = "<coverage clover=\"4\">\n<project>\n<metrics coveredstatements=\"1\"/>\n</project></coverage>"
    let input = try Fixtures.temporary(xml, name: "bad-clover.xml")
    SadInputs.assertLocatedError(try CloverXMLReader.read(input), file: "bad-clover.xml", line: 3, message: "statements")
  }

  func testTruncatedReportIsALocatedError() throws {
    let cut = try SadInputs.truncated(Fixtures.real("clover/clover-maven-1.3.13.xml"))
    SadInputs.assertLocatedError(try CloverXMLReader.read(cut.input), file: cut.input.path, line: cut.lines, message: "XML")
  }
}
