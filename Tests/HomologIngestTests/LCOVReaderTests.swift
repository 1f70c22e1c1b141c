import Foundation
import HomologIngest
import HomologModel
import XCTest

final class LCOVReaderTests: XCTestCase {
  private func read(_ name: String) throws -> CoverageReport {
    let url = Fixtures.real("lcov/\(name)")
    XCTAssertTrue(LCOVReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try XCTUnwrap(LCOVReader.read(Fixtures.input(url)).coverage)
  }

  // SOURCES.md: records 3; LH/LF 1897/1908; BRH/BRF 743/758 (the same run's Cobertura header says the same).
  func testCoveragePy() throws {
    let report = try read("coverage-py-7.17.3-more-itertools-10.5.0.lcov")
    XCTAssertEqual(report.lines, CoverageCounter(total: 1908, covered: 1897))
    XCTAssertEqual(report.branches, CoverageCounter(total: 758, covered: 743))
    XCTAssertEqual(report.files.map(\.path), ["more_itertools/__init__.py", "more_itertools/more.py", "more_itertools/recipes.py"])
    // __init__.py's record has no BRF/BRH and no BRDA: no branch figures for it.
    XCTAssertEqual(report.files[0], FileCoverage(path: "more_itertools/__init__.py", lines: CoverageCounter(total: 3, covered: 3)))
    XCTAssertEqual(report.files[1].lines, CoverageCounter(total: 1602, covered: 1598))
    XCTAssertEqual(report.files[1].branches, CoverageCounter(total: 656, covered: 642))
  }

  // SOURCES.md: records 2; LH/LF 1788/2009; BRH/BRF 1082/1374 (as the gcovr Cobertura of the same build).
  func testLcovCJSON() throws {
    let report = try read("lcov-1.16-cjson-1.7.15.info")
    XCTAssertEqual(report.lines, CoverageCounter(total: 2009, covered: 1788))
    XCTAssertEqual(report.branches, CoverageCounter(total: 1374, covered: 1082))
    XCTAssertEqual(report.files.count, 2)
    XCTAssertEqual(report.files[0].path, "/tmp/gen/c/cjson-1.7.15/cJSON.c")
    XCTAssertEqual(report.files[0].lines, CoverageCounter(total: 1385, covered: 1226))
    XCTAssertEqual(report.files[1].branches, CoverageCounter(total: 450, covered: 376))
  }

  // SOURCES.md: records 1; LH/LF 109/118; BRH/BRF 92/100.
  func testNyc() throws {
    let report = try read("nyc-15.1.0-node-ini-3.0.1-foo.lcov.info")
    XCTAssertEqual(report.lines, CoverageCounter(total: 118, covered: 109))
    XCTAssertEqual(report.branches, CoverageCounter(total: 100, covered: 92))
    XCTAssertEqual(report.files.map(\.path), ["lib/ini.js"])
  }

  func testCRLFRecordsWithoutSummariesAndRepeatedPaths() throws {
    let text = [
      "TN:unit", "SF:src/a.c", "DA:1,1", "DA:2,0", "DA:3,12,abcdef", "BRDA:1,0,0,1", "BRDA:1,0,1,-", "end_of_record",
      "TN:integration", "SF:src/a.c", "LF:3", "LH:1", "end_of_record",
      "SF:src/b.c", "LF:0", "LH:0", "end_of_record", "",
    ].joined(separator: "\r\n")
    let report = try XCTUnwrap(LCOVReader.read(Fixtures.temporary(text, name: "crlf.info")).coverage)
    // Totals are the sums of every record (the DA/BRDA counts stand in for missing LF/LH/BRF/BRH).
    XCTAssertEqual(report.lines, CoverageCounter(total: 6, covered: 3))
    XCTAssertEqual(report.branches, CoverageCounter(total: 2, covered: 1))
    XCTAssertEqual(
      report.files,
      [
        FileCoverage(path: "src/a.c", lines: CoverageCounter(total: 6, covered: 3), branches: CoverageCounter(total: 2, covered: 1)),
        FileCoverage(path: "src/b.c", lines: CoverageCounter()),
      ])
  }

  /// Lines far longer than the reading chunk, and records split across chunks, read the same.
  func testLinesSpanningChunks() throws {
    let longPath = "src/" + String(repeating: "deep/", count: 60_000) + "x.c"
    var text = "SF:\(longPath)\nLF:2\nLH:1\nend_of_record\n"
    for index in 0..<20_000 { text += "SF:f\(index).c\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\n" }
    let report = try XCTUnwrap(LCOVReader.read(Fixtures.temporary(text, name: "big.info")).coverage)
    XCTAssertEqual(report.lines, CoverageCounter(total: 40_002, covered: 20_001))
    XCTAssertEqual(report.files.count, 20_001)
    XCTAssertTrue(report.files.contains { $0.path == longPath })
  }

  func testNonNumericCountNamesTheLine() throws {
    let input = try Fixtures.temporary("TN:\nSF:a.c\nDA:1,1\nLF:1\nLH:x\nend_of_record\n", name: "bad.info")
    SadInputs.assertLocatedError(try LCOVReader.read(input), file: "bad.info", line: 5, message: "after LH:, found 'x'")
  }

  func testMalformedDataLineNamesTheLine() throws {
    let input = try Fixtures.temporary("SF:a.c\nDA:one,1\nend_of_record\n", name: "bad-da.info")
    SadInputs.assertLocatedError(try LCOVReader.read(input), file: "bad-da.info", line: 2, message: "DA:<line>,<count>")
  }

  func testRecordWithoutEndIsALocatedError() throws {
    let missingEnd = try Fixtures.temporary("SF:a.c\nLF:1\nLH:1\nSF:b.c\nend_of_record\n", name: "open.info")
    SadInputs.assertLocatedError(try LCOVReader.read(missingEnd), file: "open.info", line: 4, message: "end_of_record")
    let unfinished = try Fixtures.temporary("SF:a.c\nLF:1\n", name: "unfinished.info")
    SadInputs.assertLocatedError(try LCOVReader.read(unfinished), file: "unfinished.info", line: 2, message: "ends inside")
    // Cut in the middle of a line: the cut line is the one reported (here a DA: without its count).
    let cut = try SadInputs.truncated(Fixtures.real("lcov/lcov-1.16-cjson-1.7.15.info"))
    SadInputs.assertLocatedError(try LCOVReader.read(cut.input), file: cut.input.path, line: cut.lines, message: "expected")
  }

  func testHitAboveFoundIsALocatedError() throws {
    let input = try Fixtures.temporary("SF:a.c\nLF:1\nLH:2\nend_of_record\n", name: "over.info")
    SadInputs.assertLocatedError(try LCOVReader.read(input), file: "over.info", line: 4, message: "LH (2) not above LF (1)")
  }

  func testSniffNeedsRecordLines() {
    XCTAssertTrue(LCOVReader.sniff(FileHead(bytes: Data("SF:a.c\nDA:1,1\nend_of_record\n".utf8), fileName: "x")))
    XCTAssertFalse(LCOVReader.sniff(FileHead(bytes: Data("SF: a memo\nthis is prose\nmore prose\n".utf8), fileName: "x")))
    XCTAssertFalse(LCOVReader.sniff(FileHead(bytes: Data("mode: set\n".utf8), fileName: "x")))
  }
}
