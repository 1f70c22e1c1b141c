import Foundation
import HomologIngest
import HomologModel
import XCTest

final class HarborJSONReaderTests: XCTestCase {
  private func read(_ name: String) throws -> ReadResult {
    let url = Fixtures.real("harbor/\(name)")
    let head = try XCTUnwrap(FileHead.read(url))
    XCTAssertTrue(AllReaders.detect(head) == HarborJSONReader.self, "\(name) not detected as Harbor")
    return try HarborJSONReader.read(Fixtures.input(url))
  }

  // Figures below are the ones SOURCES.md reads off each file (the scanner's own entries).
  func testAPIResponseUnderTheVersion11MimeType() throws {
    let result = try read("harbor-trivy-0.44.0-report-1.1.json")
    XCTAssertEqual(result.tool, ToolInfo(name: "Trivy", version: "v0.44.0"))
    XCTAssertEqual(result.generatedAt, "2023-09-08T00:19:11.258693685Z")
    // The report states severity Critical while its 3 entries peak at High (SOURCES.md): the list is incomplete, and
    // the missing worst vulnerability is counted at Critical beside the 3 listed.
    XCTAssertEqual(result.counts(.vulnerability), ["Low": 2, "High": 1, "Critical": 1])
    XCTAssertEqual(result.scans, [.vulnerabilities])
    let unlisted = try XCTUnwrap(result.findings.last)
    XCTAssertEqual(unlisted.ruleId, HarborJSONReader.unlistedRule)
    XCTAssertEqual(unlisted.severity, .critical)
    XCTAssertEqual(
      unlisted.title,
      "Harbor states the report's severity Critical but the worst listed is High: the list is incomplete; one unlisted vulnerability counted at Critical")
    let first = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(first.ruleId, "CVE-2022-1304")
    XCTAssertEqual(first.cve, ["CVE-2022-1304"])
    XCTAssertEqual(first.cwe, ["CWE-125", "CWE-787"])
    XCTAssertEqual(first.package, PackageRef(name: "e2fsprogs", installedVersion: "1.46.2-2", fixedVersion: nil))
    // The image: the artifact digest the vulnerabilities carry (the response names no `artifact`).
    XCTAssertEqual(first.location?.target, "sha256:711103cfce07dc03d61f51e819fad7d6fbbad20fc99caa039cc8da77e7a1c51b")
    // Harbor states no OS: no image for the end-of-life check.
    XCTAssertEqual(result.images, [])
  }

  func testAdapterMimeTypeWithClairSeverities() throws {
    let result = try read("harbor-clair-2.x-five-vulns.json")
    XCTAssertEqual(result.tool, ToolInfo(name: "Clair", version: "2.x"))
    XCTAssertEqual(result.counts(.vulnerability), ["High": 2, "Critical": 2, "Negligible": 1])
    XCTAssertEqual(result.severityCounts, [.high: 2, .critical: 2, .info: 1])
  }

  func testBareReportWithoutTheMimeTypeEnvelope() throws {
    let result = try read("harbor-trivy-0.44.0-bare-report-sanitised.json")
    XCTAssertEqual(result.tool, ToolInfo(name: "Trivy", version: "v0.44.0"))
    XCTAssertEqual(result.counts(.vulnerability), ["Medium": 1, "High": 1])
  }

  func testArtifactNamesTheImageAndACleanReportIsStillAVulnerabilityScan() throws {
    let input = try Fixtures.temporary(
      """
      {"application/vnd.security.vulnerability.report; version=1.1": {"generated_at": "2024-01-01T00:00:00Z",
       "artifact": {"repository": "projet/api", "tag": "1.4.2", "digest": "sha256:abc", "mime_type": "x"},
       "scanner": {"name": "Trivy", "vendor": "Aqua Security", "version": "v0.50.1"}, "severity": "Critical",
       "vulnerabilities": [{"id": "CVE-2024-1", "package": "openssl", "version": "3.0.1", "fix_version": "3.0.2",
       "severity": "Critical"}]}}
      """, name: "harbor.json")
    let result = try HarborJSONReader.read(input)
    XCTAssertEqual(result.findings.map(\.location?.target), ["projet/api:1.4.2@sha256:abc"])
    XCTAssertEqual(result.findings.first?.package?.fixedVersion, "3.0.2")
    XCTAssertEqual(result.severityCounts, [.critical: 1])
    let clean = try Fixtures.temporary(
      #"{"generated_at": "x", "scanner": {"name": "Trivy", "version": "v1"}, "severity": "None", "vulnerabilities": []}"#,
      name: "clean.json")
    XCTAssertEqual(try HarborJSONReader.read(clean).scans, [.vulnerabilities])
    XCTAssertEqual(try HarborJSONReader.read(clean).findings, [])
  }

  func testAVulnerabilityWithoutIdIsRefusedAtItsPath() throws {
    let input = try Fixtures.temporary(
      #"{"generated_at": "x", "scanner": {"name": "Trivy"}, "vulnerabilities": [{"package": "p", "severity": "High"}]}"#,
      name: "broken.json")
    assertJSONPathError(try HarborJSONReader.read(input), file: "broken.json", path: "$.vulnerabilities[0]")
    XCTAssertThrowsError(try HarborJSONReader.read(input)) { XCTAssertTrue("\($0)".contains("missing required key \"id\""), "\($0)") }
  }
}
