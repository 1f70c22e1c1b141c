import Foundation
import HomologIngest
import HomologModel
import XCTest

final class CoberturaXMLReaderTests: XCTestCase {
  private func read(_ name: String) throws -> CoverageReport {
    let url = Fixtures.real("cobertura/\(name)")
    XCTAssertTrue(CoberturaXMLReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try XCTUnwrap(CoberturaXMLReader.read(Fixtures.input(url)).coverage)
  }

  // Each file's own header: lines-covered/lines-valid, branches-covered/branches-valid and line-rate.
  func testCoveragePyTotalsMatchTheHeader() throws {
    let report = try read("coverage-py-7.17.3-more-itertools-10.5.0.xml")
    XCTAssertEqual(report.lines, CoverageCounter(total: 1908, covered: 1897))
    XCTAssertEqual(report.branches, CoverageCounter(total: 758, covered: 743))
    XCTAssertEqual(try XCTUnwrap(report.lines.percent) / 100, 0.9942, accuracy: 0.00005)
    XCTAssertEqual(report.files.reduce(CoverageCounter()) { $0 + $1.lines }, report.lines)
  }

  func testGcovrTotalsAndPerFileSums() throws {
    let report = try read("gcovr-8.8-cjson-1.7.15.xml")
    XCTAssertEqual(report.lines, CoverageCounter(total: 2009, covered: 1788))
    XCTAssertEqual(report.branches, CoverageCounter(total: 1374, covered: 1082))
    XCTAssertEqual(try XCTUnwrap(report.lines.percent) / 100, 0.8899950223992036, accuracy: 1e-12)
    XCTAssertEqual(report.files.count, 2)
    XCTAssertEqual(report.files.reduce(CoverageCounter()) { $0 + $1.lines }, report.lines)
  }

  func testCoverletTotals() throws {
    let report = try read("coverlet-csharp.cobertura.xml")
    XCTAssertEqual(report.lines, CoverageCounter(total: 402, covered: 289))
    XCTAssertEqual(report.branches, CoverageCounter(total: 170, covered: 87))
    XCTAssertEqual(try XCTUnwrap(report.lines.percent) / 100, 0.7189, accuracy: 0.00005)
  }

  func testIstanbulTotals() throws {
    let report = try read("istanbul-typescript-jenkins.cobertura.xml")
    XCTAssertEqual(report.lines, CoverageCounter(total: 156, covered: 63))
    XCTAssertEqual(report.branches, CoverageCounter(total: 41, covered: 25))
    XCTAssertEqual(try XCTUnwrap(report.lines.percent) / 100, 0.40380000000000005, accuracy: 0.00005)
  }

  func testToolAndVersionComeFromTheHeader() throws {
    let url = Fixtures.real("cobertura/gcovr-8.8-cjson-1.7.15.xml")
    XCTAssertEqual(try CoberturaXMLReader.read(Fixtures.input(url)).tool, ToolInfo(name: "gcovr", version: "8.8"))
  }

  func testExternalEntityIsRefusedWithFileAndLine() throws {
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE coverage [
        <!ENTITY x SYSTEM "file:///etc/passwd">
      ]>
      <coverage line-rate="1" lines-valid="1" lines-covered="1"><packages>&x;</packages></coverage>
      """
    let input = try Fixtures.temporary(xml, name: "evil.xml")
    XCTAssertThrowsError(try CoberturaXMLReader.read(input)) { error in
      let error = error as! InputError
      XCTAssertEqual(error.location?.file, "evil.xml")
      XCTAssertEqual(error.location?.line, 3)
      XCTAssertTrue(error.message.contains("external entity"), error.message)
    }
  }

  func testLineWithoutHitsIsALocatedError() throws {
    let xml = "<coverage line-rate=\"1\">\n<packages><package><classes>\n<class filename=\"a.py\"><lines>\n<line number=\"1\"/>\n</lines></class></classes></package></packages></coverage>"
    let input = try Fixtures.temporary(xml, name: "c.xml")
    XCTAssertThrowsError(try CoberturaXMLReader.read(input)) { error in
      XCTAssertEqual((error as! InputError).location?.line, 4)
    }
  }

  /// Without lines-valid/lines-covered on the root, totals are the distinct (file, line) pairs:
  /// a line listed under two <class>es of one file counts once, covered if either entry has hits.
  func testTotalsWithoutHeaderCountEachFileLineOnce() throws {
    let xml = """
      <?xml version="1.0"?>
      <coverage line-rate="0.5" version="1">
        <packages><package name="p"><classes>
          <class name="A" filename="src/a.kt"><lines>
            <line number="1" hits="1"/><line number="2" hits="0"/>
            <line number="3" hits="0" branch="true" condition-coverage="50% (1/2)"/>
          </lines></class>
          <class name="A$Inner" filename="src/a.kt"><methods><method name="m"><lines><line number="9" hits="1"/></lines></method></methods><lines>
            <line number="2" hits="4"/><line number="3" hits="0" branch="true" condition-coverage="50% (1/2)"/><line number="4" hits="0"/>
          </lines></class>
          <class name="B" filename="src/b.kt"><lines><line number="1" hits="0"/><line number="300" hits="2"/></lines></class>
        </classes></package></packages>
      </coverage>
      """
    let report = try XCTUnwrap(CoberturaXMLReader.read(Fixtures.temporary(xml, name: "dup.xml")).coverage)
    XCTAssertEqual(report.lines, CoverageCounter(total: 6, covered: 3))
    XCTAssertEqual(report.branches, CoverageCounter(total: 2, covered: 1))
    XCTAssertEqual(
      report.files,
      [
        FileCoverage(path: "src/a.kt", lines: CoverageCounter(total: 4, covered: 2), branches: CoverageCounter(total: 2, covered: 1)),
        FileCoverage(path: "src/b.kt", lines: CoverageCounter(total: 2, covered: 1)),
      ])
  }

  /// Every genuine file: the per-file figures (each distinct line once) add up to the header.
  func testPerFileLinesAddUpToTheHeaderInEveryGenuineFile() throws {
    for url in Fixtures.realFiles("cobertura") {
      let report = try XCTUnwrap(CoberturaXMLReader.read(Fixtures.input(url)).coverage)
      XCTAssertEqual(report.files.reduce(CoverageCounter()) { $0 + $1.lines }, report.lines, url.lastPathComponent)
    }
  }

  func testTruncatedReportIsALocatedError() throws {
    let cut = try SadInputs.truncated(Fixtures.real("cobertura/gcovr-8.8-cjson-1.7.15.xml"))
    SadInputs.assertLocatedError(try CoberturaXMLReader.read(cut.input), file: cut.input.path, line: cut.lines, message: "XML")
  }
}
