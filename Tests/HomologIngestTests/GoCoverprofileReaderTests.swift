import Foundation
import HomologIngest
import HomologModel
import XCTest

final class GoCoverprofileReaderTests: XCTestCase {
  private func read(_ name: String) throws -> CoverageReport {
    let url = Fixtures.real("go-coverprofile/\(name)")
    XCTAssertTrue(GoCoverprofileReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try XCTUnwrap(GoCoverprofileReader.read(Fixtures.input(url)).coverage)
  }

  // SOURCES.md: mode: set; 193 blocks; statements covered 277/316 = 87.7% (go tool cover -func's total).
  func testGoogleUUID() throws {
    let report = try read("go-1.19-google-uuid-1.3.0.coverage.out")
    XCTAssertEqual(report.lines, CoverageCounter(total: 316, covered: 277))
    XCTAssertEqual(try XCTUnwrap(report.lines.percent), 87.7, accuracy: 0.05)
    XCTAssertNil(report.branches)
    XCTAssertEqual(report.files.count, 12)
    XCTAssertTrue(report.files.allSatisfy { $0.path.hasPrefix("github.com/google/uuid/") })
    XCTAssertEqual(report.files.reduce(CoverageCounter()) { $0 + $1.lines }, report.lines)
  }

  // SOURCES.md: mode: count; 192 blocks; statements covered 274/297 = 92.3%.
  func testGoDifflib() throws {
    let report = try read("go-1.19-pmezard-go-difflib-1.0.0.coverage.out")
    XCTAssertEqual(report.lines, CoverageCounter(total: 297, covered: 274))
    XCTAssertEqual(try XCTUnwrap(report.lines.percent), 92.3, accuracy: 0.05)
    XCTAssertEqual(report.files.map(\.path), ["github.com/pmezard/go-difflib/difflib/difflib.go"])
  }

  /// A block listed by several packages' profiles counts once, covered if any entry ran it.
  func testRepeatedBlocksCountOnce() throws {
    let text = """
      mode: atomic\r
      example.com/m/a.go:3.10,5.2 2 0\r
      example.com/m/a.go:7.10,9.2 3 0\r
      example.com/m/b.go:1.1,2.2 4 1\r
      mode: atomic\r
      example.com/m/a.go:3.10,5.2 2 5\r
      example.com/m/a.go:7.10,9.2 3 0\r
      C:/work/m/c.go:1.1,1.9 1 18446744073709551616\r

      """
    let report = try XCTUnwrap(GoCoverprofileReader.read(Fixtures.temporary(text, name: "c.out")).coverage)
    XCTAssertEqual(report.lines, CoverageCounter(total: 10, covered: 7))
    XCTAssertEqual(
      report.files,
      [
        FileCoverage(path: "C:/work/m/c.go", lines: CoverageCounter(total: 1, covered: 1)),
        FileCoverage(path: "example.com/m/a.go", lines: CoverageCounter(total: 5, covered: 2)),
        FileCoverage(path: "example.com/m/b.go", lines: CoverageCounter(total: 4, covered: 4)),
      ])
  }

  func testMalformedBlockNamesTheLine() throws {
    let input = try Fixtures.temporary("mode: set\na.go:1.1,2.2 1 1\na.go:3.1-4.2 1 1\n", name: "bad.out")
    SadInputs.assertLocatedError(try GoCoverprofileReader.read(input), file: "bad.out", line: 3, message: "a.go:3.1-4.2 1 1")
  }

  func testInconsistentStatementCountNamesTheLine() throws {
    let input = try Fixtures.temporary("mode: set\na.go:1.1,2.2 1 1\na.go:1.1,2.2 2 0\n", name: "twice.out")
    SadInputs.assertLocatedError(try GoCoverprofileReader.read(input), file: "twice.out", line: 3, message: "same statement count")
  }

  func testMissingModeLineIsALocatedError() throws {
    let input = try Fixtures.temporary("a.go:1.1,2.2 1 1\n", name: "nomode.out")
    SadInputs.assertLocatedError(try GoCoverprofileReader.read(input), file: "nomode.out", line: 1, message: "mode:")
    let other = try Fixtures.temporary("mode: sometimes\n", name: "mode.out")
    SadInputs.assertLocatedError(try GoCoverprofileReader.read(other), file: "mode.out", line: 1, message: "set, count or atomic")
  }
}
