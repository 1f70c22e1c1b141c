import Foundation
import HomologIngest
import HomologModel
import XCTest

final class CycloneDXJSONReaderTests: XCTestCase {
  private func read(_ name: String) throws -> ReadResult {
    let url = Fixtures.real("cyclonedx/\(name)")
    XCTAssertTrue(CycloneDXJSONReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try CycloneDXJSONReader.read(Fixtures.input(url))
  }

  // SOURCES.md: CycloneDX 1.5; components 167; vulnerabilities 87.
  func testDependencyTrackExport() throws {
    let result = try read("dependency-track-4.11.4-dropwizard-vulns.cdx.json")
    XCTAssertEqual(result.findings.count, 87)
    XCTAssertEqual(result.tool, ToolInfo(name: "Dependency-Track", version: "4.11.4"))
    XCTAssertEqual(result.generatedAt, "2024-07-08T17:30:28Z")
    // Highest rating per entry (one entry rates medium and info: medium).
    XCTAssertEqual(
      result.counts(.vulnerability), ["high": 49, "medium": 19, "critical": 10, "low": 7, "unknown": 1, "info": 1])
    let first = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(first.ruleId, "GHSA-5mg8-w23w-74h3")
    XCTAssertEqual(first.package, PackageRef(name: "com.google.guava:guava", installedVersion: "24.1.1-jre"))
    XCTAssertEqual(first.cwe, ["CWE-173", "CWE-200", "CWE-378", "CWE-732"])
  }

  // SOURCES.md: CycloneDX 1.7 (metadata.tools as an object); components 13; vulnerabilities 1.
  func testTrivyGolden() throws {
    let result = try read("trivy-npm-golden.cdx.json")
    XCTAssertEqual(result.findings.count, 1)
    XCTAssertEqual(result.tool, ToolInfo(name: "trivy", version: "dev"))
    let finding = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(finding.cve, ["CVE-2019-11358"])
    XCTAssertEqual(finding.severity, .medium)
    XCTAssertEqual(finding.package, PackageRef(name: "jquery", installedVersion: "3.3.9"))
  }

  // SOURCES.md: CycloneDX 1.4; components 1; vulnerabilities 8.
  func testGrypeExportInTriageIsNotSuppressed() throws {
    let result = try read("grype-0.41.0-log4j.cdx.json")
    XCTAssertEqual(result.findings.count, 8)
    XCTAssertEqual(result.tool, ToolInfo(name: "grype", version: "0.41.0"))
    XCTAssertEqual(result.counts(.vulnerability), ["critical": 4, "medium": 3, "high": 1])
    XCTAssertEqual(Set(result.findings.compactMap(\.package?.name)), ["org.apache.logging.log4j:log4j-core"])
    XCTAssertNil(result.findings.first { $0.suppression != nil })  // analysis.state in_triage
  }

  func testVEXStatesSuppressAndSBOMWithoutVulnerabilitiesIsRead() throws {
    let vex = """
      {"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
       "components":[{"type":"library","bom-ref":"c1","name":"lib","version":"1.0","components":[{"bom-ref":"c2","name":"inner","version":"2.0"}]}],
       "vulnerabilities":[
        {"id":"CVE-1","ratings":[{"score":9.8,"method":"CVSSv31"}],"affects":[{"ref":"c1"},{"ref":"c2"}],"analysis":{"state":"not_affected","justification":"code_not_reachable"}},
        {"id":"CVE-2","ratings":[{"severity":"low"}],"affects":[{"ref":"c2"}],"analysis":{"state":"exploitable"}}]}
      """
    let result = try CycloneDXJSONReader.read(try Fixtures.temporary(vex, name: "vex.json"))
    XCTAssertEqual(result.findings.map(\.ruleId), ["CVE-1", "CVE-1", "CVE-2"])
    XCTAssertEqual(result.findings.map(\.package?.name), ["lib", "inner", "inner"])
    XCTAssertEqual(result.findings.map(\.severity), [.critical, .critical, .low])
    XCTAssertEqual(result.findings.map(\.suppression), ["not_affected: code_not_reachable", "not_affected: code_not_reachable", nil])

    let sbom = #"{"bomFormat":"CycloneDX","specVersion":"1.4","metadata":{"tools":[{"vendor":"anchore","name":"syft","version":"1.0"}]},"components":[]}"#
    let input = try Fixtures.temporary(sbom, name: "sbom.json")
    XCTAssertTrue(CycloneDXJSONReader.sniff(try XCTUnwrap(FileHead.read(input.url))))
    let read = try CycloneDXJSONReader.read(input)
    XCTAssertEqual(read.findings, [])
    XCTAssertEqual(read.tool, ToolInfo(name: "syft", version: "1.0"))
  }

  // SOURCES.md: cyclonedx-py 7.5.0, keys sorted: `bomFormat` at byte 119,326, past the 64 KiB head; components 93.
  func testSortedKeysPutBomFormatAfterTheComponentsAndTheFileIsStillDetected() throws {
    let url = Fixtures.real("cyclonedx/cyclonedx-py-7.5.0-environment.cdx.json")
    let data = try Data(contentsOf: url)
    XCTAssertEqual(data.range(of: Data(#""bomFormat""#.utf8))?.lowerBound, 119_326)
    XCTAssertNil(AllReaders.detect(FileHead(bytes: data, fileName: url.lastPathComponent)), "the first 64 KiB alone do not tell")
    let head = try XCTUnwrap(FileHead.read(url))
    XCTAssertEqual(AllReaders.detect(head)?.format, "cyclonedx-json")
    let result = try CycloneDXJSONReader.read(Fixtures.input(url))
    XCTAssertEqual(result.tool, ToolInfo(name: "cyclonedx-py", version: "7.5.0"))
    XCTAssertEqual(result.generatedAt, "2026-12-02T02:11:01.247753+00:00")
    XCTAssertEqual(result.findings, [])
    XCTAssertEqual(result.scans, [], "a plain SBOM proves no scan")
  }

  func testWrongTypeNamesFileAndJSONPath() throws {
    let json = #"{"bomFormat":"CycloneDX","specVersion":"1.5","vulnerabilities":[{"id":"CVE-1","ratings":[{"score":"high"}]}]}"#
    assertJSONPathError(
      try CycloneDXJSONReader.read(try Fixtures.temporary(json, name: "bad.json")), file: "bad.json",
      path: "$.vulnerabilities[0].ratings[0].score")
  }
}
