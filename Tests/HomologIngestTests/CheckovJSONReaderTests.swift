import Foundation
import HomologIngest
import HomologModel
import XCTest

/// Checkov JSON on its genuine sample, with the figures of its own summary (SOURCES.md). A configuration scan declares no scan scope.
final class CheckovJSONReaderTests: XCTestCase {
  private func read<Reader: EvidenceReader>(_ reader: Reader.Type, _ relative: String, mode: FindingMode = .keep) throws -> ReadResult {
    try Fixtures.read(reader, relative, mode: mode)
  }

  func testCheckovFailedChecks() throws {
    let result = try read(CheckovJSONReader.self, "checkov/checkov-3.3.30-online-boutique.json")
    XCTAssertEqual(result.tool, ToolInfo(name: "Checkov", version: "3.3.30"))
    XCTAssertEqual(result.findings.count, 113)
    XCTAssertEqual(Set(result.findings.map(\.kind)), [.misconfiguration])
    XCTAssertEqual(result.scans, [])
    let perRule = result.findings.reduce(into: [String: Int]()) { $0[$1.ruleId, default: 0] += 1 }
    XCTAssertEqual(perRule["CKV_K8S_21"], 35)
    XCTAssertEqual(perRule["CKV_K8S_43"], 12)
    XCTAssertEqual(perRule.count, 13)  // the SARIF of the same run lists 13 rules
    // Checkov states no severity without a platform key: info, original empty.
    XCTAssertEqual(result.severityCounts, [.info: 113])
    let first = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(first.ruleId, "CKV_K8S_43")
    XCTAssertEqual(first.title, "Image should use digest")
    XCTAssertEqual(
      first.location, FindingLocation(path: "kubernetes-manifests.yaml", line: 21, endLine: 113, target: "Deployment.default.frontend"))
  }

  func testCountModeCountsWithoutKeeping() throws {
    let checkov = try read(CheckovJSONReader.self, "checkov/checkov-3.3.30-online-boutique.json", mode: .count)
    XCTAssertTrue(checkov.findings.isEmpty)
    XCTAssertEqual(checkov.findingCounts.kinds, [.misconfiguration: 113])
  }

  func testWrongTypeNamesFileAndJSONPath() throws {
    let json = #"{"check_type":"kubernetes","results":{"failed_checks":[{"check_id":"CKV_K8S_8","file_line_range":"1-2"}]}}"#
    assertJSONPathError(
      try CheckovJSONReader.read(try Fixtures.temporary(json, name: "checkov.json")), file: "checkov.json",
      path: "$.results.failed_checks[0].file_line_range")
  }
}
