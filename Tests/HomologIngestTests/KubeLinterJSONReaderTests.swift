import Foundation
import HomologIngest
import HomologModel
import XCTest

/// kube-linter JSON on its genuine sample (SOURCES.md): each report is a finding on its object. A configuration scan declares no scan scope.
final class KubeLinterJSONReaderTests: XCTestCase {
  private func read<Reader: EvidenceReader>(_ reader: Reader.Type, _ relative: String, mode: FindingMode = .keep) throws -> ReadResult {
    try Fixtures.read(reader, relative, mode: mode)
  }

  func testKubeLinterReports() throws {
    let result = try read(KubeLinterJSONReader.self, "kube-linter/kube-linter-many.json")
    XCTAssertEqual(result.tool, ToolInfo(name: "kube-linter", version: "0.8.3"))
    XCTAssertEqual(
      result.findings.map(\.ruleId),
      ["latest-tag", "no-read-only-root-fs", "privilege-escalation-container", "privileged-container", "run-as-non-root",
       "unset-cpu-requirements", "unset-memory-requirements"])
    XCTAssertEqual(result.severityCounts, [.info: 7])
    XCTAssertEqual(result.findings.first?.location, FindingLocation(path: "manifests/many.yaml", target: "Deployment/generic-app"))
    XCTAssertEqual(result.scans, [])
  }

  func testWrongTypeNamesFileAndJSONPath() throws {
    let json = #"{"Reports":[{"Check":7}],"Summary":{}}"#
    assertJSONPathError(
      try KubeLinterJSONReader.read(try Fixtures.temporary(json, name: "kube-linter.json")), file: "kube-linter.json",
      path: "$.Reports[0].Check")
  }

  func testACleanRunWithNullReportsIsAReportWithoutFinding() throws {
    let json = #"{"Checks":[],"Reports":null,"Summary":{"ChecksStatus":"Passed","KubeLinterVersion":"0.8.3"}}"#
    let result = try KubeLinterJSONReader.read(try Fixtures.temporary(json, name: "kube-linter.json"))
    XCTAssertEqual(result.findings.count, 0)
    XCTAssertEqual(result.tool?.version, "0.8.3")
    XCTAssertThrowsError(try KubeLinterJSONReader.read(try Fixtures.temporary(#"{"Checks":[]}"#, name: "kube-linter.json")))
  }
}
