import Foundation
import HomologIngest
import HomologModel
import XCTest

/// Polaris audit JSON on its genuine samples (SOURCES.md): failed checks at every level are findings. A configuration scan declares no scan scope.
final class PolarisJSONReaderTests: XCTestCase {
  private func read<Reader: EvidenceReader>(_ reader: Reader.Type, _ relative: String, mode: FindingMode = .keep) throws -> ReadResult {
    try Fixtures.read(reader, relative, mode: mode)
  }

  func testPolarisFailedChecksAtEveryLevel() throws {
    let result = try read(PolarisJSONReader.self, "polaris/polaris-many.json")
    XCTAssertEqual(result.findings.count, 21)
    XCTAssertEqual(result.counts(.misconfiguration), ["warning": 17, "danger": 4])
    XCTAssertEqual(result.severityCounts, [.medium: 17, .high: 4])
    let tag = try XCTUnwrap(result.findings.first { $0.ruleId == "tagNotSpecified" })
    XCTAssertEqual(tag.location?.target, "Deployment/generic-app (container server)")
    let replicas = try XCTUnwrap(result.findings.first { $0.ruleId == "deploymentMissingReplicas" })
    XCTAssertEqual(replicas.location?.target, "Deployment/generic-app")
    XCTAssertEqual(result.generatedAt, "2026-07-31T00:00:00Z")
    XCTAssertEqual(result.scans, [])
  }

  func testPolarisCleanAudit() throws {
    let result = try read(PolarisJSONReader.self, "polaris/polaris-audit-deploy-example.json")
    XCTAssertEqual(result.findings.count, 0)
    XCTAssertNil(result.generatedAt)
  }

  func testCountModeCountsWithoutKeeping() throws {
    let polaris = try read(PolarisJSONReader.self, "polaris/polaris-many.json", mode: .count)
    XCTAssertTrue(polaris.findings.isEmpty)
    XCTAssertEqual(polaris.findingCounts.severities[.high], 4)
  }

  func testWrongTypeNamesFileAndJSONPath() throws {
    let json = #"{"PolarisOutputVersion":"1.0","Results":[{"Kind":"Deployment","Results":{"x":{"ID":"x","Success":"no"}}}]}"#
    assertJSONPathError(
      try PolarisJSONReader.read(try Fixtures.temporary(json, name: "polaris.json")), file: "polaris.json",
      path: "$.Results[0].Results.x.Success")
  }
}
