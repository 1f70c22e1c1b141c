import Foundation
import HomologIngest
import HomologModel
import XCTest

final class JaCoCoXMLReaderTests: XCTestCase {
  private func read(_ name: String) throws -> ReadResult {
    let url = Fixtures.real("jacoco/\(name)")
    XCTAssertTrue(JaCoCoXMLReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try JaCoCoXMLReader.read(Fixtures.input(url))
  }

  // SOURCES.md: report counters (missed/covered) LINE 29/294, BRANCH 7/109.
  func testCodingStyleTotalsAreTheReportCounters() throws {
    let result = try read("jacoco-codingstyle.xml")
    let report = try XCTUnwrap(result.coverage)
    XCTAssertEqual(report.lines, CoverageCounter(total: 29 + 294, covered: 294))
    XCTAssertEqual(report.branches, CoverageCounter(total: 7 + 109, covered: 109))
    XCTAssertEqual(result.tool, ToolInfo(name: "JaCoCo"))
    XCTAssertEqual(result.generatedAt, "2021-07-10T15:38:47Z")  // <sessioninfo start="1625931527713">
    // Per file: the <sourcefile> counters, path = package + "/" + file name.
    XCTAssertEqual(report.files.count, 10)
    let ensure = try XCTUnwrap(report.files.first { $0.path == "edu/hm/hafner/util/Ensure.java" })
    XCTAssertEqual(ensure.lines, CoverageCounter(total: 125, covered: 100))
    XCTAssertEqual(ensure.branches, CoverageCounter(total: 46, covered: 40))
    let generated = try XCTUnwrap(report.files.first { $0.path == "edu/hm/hafner/util/Generated.java" })
    XCTAssertEqual(generated.lines, CoverageCounter())
    XCTAssertNil(generated.branches)
    // The single package holds every file, so the sourcefile sums equal the report counters.
    XCTAssertEqual(report.files.reduce(CoverageCounter()) { $0 + $1.lines }, report.lines)
    XCTAssertEqual(report.files.reduce(CoverageCounter()) { $0 + ($1.branches ?? CoverageCounter()) }, report.branches)
  }

  // SOURCES.md: report counters (missed/covered) LINE 0/225, BRANCH 4/124.
  func testGradleGroovyTotalsAreTheReportCounters() throws {
    let result = try read("jacoco-gradle-groovy-shared-library.xml")
    let report = try XCTUnwrap(result.coverage)
    XCTAssertEqual(report.lines, CoverageCounter(total: 225, covered: 225))
    XCTAssertEqual(report.branches, CoverageCounter(total: 128, covered: 124))
    XCTAssertEqual(result.generatedAt, "2023-03-26T22:35:47Z")  // start="1679870147641"
    XCTAssertEqual(report.files.count, 9)
    let docker = try XCTUnwrap(report.files.first { $0.path == "org/aboe026/DockerUtil.groovy" })
    XCTAssertEqual(docker.lines, CoverageCounter(total: 35, covered: 35))
    XCTAssertEqual(docker.branches, CoverageCounter(total: 20, covered: 16))
  }

  func testPackageAndClassCountersAreNotTotals() throws {
    let xml = """
      <?xml version="1.0"?>
      <report name="r">
        <group name="g"><package name="a/b">
          <class name="a/b/C" sourcefilename="C.java"><counter type="LINE" missed="50" covered="50"/></class>
          <sourcefile name="C.java"><counter type="LINE" missed="1" covered="3"/></sourcefile>
          <counter type="LINE" missed="40" covered="40"/>
        </package><counter type="LINE" missed="30" covered="30"/></group>
        <counter type="LINE" missed="2" covered="6"/>
      </report>
      """
    let report = try XCTUnwrap(JaCoCoXMLReader.read(Fixtures.temporary(xml, name: "j.xml")).coverage)
    XCTAssertEqual(report.lines, CoverageCounter(total: 8, covered: 6))
    XCTAssertNil(report.branches)
    XCTAssertEqual(report.files, [FileCoverage(path: "a/b/C.java", lines: CoverageCounter(total: 4, covered: 3))])
  }

  /// The genuine file beside a hostile `report.dtd`: were the DTD loaded, its entity declaration would be refused.
  func testDoctypeIsNeverFetched() throws {
    let genuine = Fixtures.real("jacoco/jacoco-codingstyle.xml")
    let input = try Fixtures.temporary(String(decoding: try Data(contentsOf: genuine), as: UTF8.self), name: "jacoco.xml")
    let folder = input.url.deletingLastPathComponent()
    let hostile = "<!ENTITY leak SYSTEM \"file:///etc/passwd\">\n<!ATTLIST report name CDATA \"x\">\n"
    try Data(hostile.utf8).write(to: folder.appendingPathComponent("report.dtd"))
    let beside = InputFile(url: input.url, path: input.url.path)
    XCTAssertEqual(try JaCoCoXMLReader.read(beside).coverage?.lines, CoverageCounter(total: 323, covered: 294))

    let absolute = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "\(folder.appendingPathComponent("report.dtd").absoluteString)">
      <report name="r"><counter type="LINE" missed="1" covered="1"/></report>
      """
    let named = try Fixtures.temporary(absolute, name: "absolute.xml")
    XCTAssertEqual(try JaCoCoXMLReader.read(named).coverage?.lines, CoverageCounter(total: 2, covered: 1))
  }

  func testExternalEntityIsRefused() throws {
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE report [
        <!ENTITY xxe SYSTEM "file:///etc/passwd">
      ]>
      <report name="&xxe;"><counter type="LINE" missed="0" covered="1"/></report>
      """
    let input = try Fixtures.temporary(xml, name: "xxe.xml")
    SadInputs.assertLocatedError(try JaCoCoXMLReader.read(input), file: "xxe.xml", line: 3, message: "external entity")
  }

  func testTruncatedReportIsALocatedError() throws {
    let cut = try SadInputs.truncated(Fixtures.real("jacoco/jacoco-codingstyle.xml"))
    SadInputs.assertLocatedError(try JaCoCoXMLReader.read(cut.input), file: cut.input.path, line: cut.lines, message: "XML")
  }

  func testCounterWithoutNumbersIsALocatedError() throws {
    let xml = "<report name=\"r\">\n<counter type=\"LINE\" missed=\"x\" covered=\"1\"/>\n</report>"
    let input = try Fixtures.temporary(xml, name: "bad.xml")
    SadInputs.assertLocatedError(try JaCoCoXMLReader.read(input), file: "bad.xml", line: 2, message: "missed and covered")
  }

  func testOtherReportRootsAreNotJaCoCo() {
    XCTAssertFalse(JaCoCoXMLReader.sniff(FileHead(bytes: Data("<report><stats/></report>".utf8), fileName: "r.xml")))
  }
}
