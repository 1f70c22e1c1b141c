import Foundation
import HomologIngest
import HomologModel
import XCTest

final class DependencyCheckJSONReaderTests: XCTestCase {
  private func read(_ name: String) throws -> ReadResult {
    let url = Fixtures.real("dependency-check/\(name)")
    XCTAssertTrue(DependencyCheckJSONReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try DependencyCheckJSONReader.read(Fixtures.input(url))
  }

  // SOURCES.md: engine 6.4.1; dependencies 66; vulnerabilities 34 (MEDIUM 20, HIGH 11, LOW 2, CRITICAL 1).
  func testGolangReportVulnerabilitiesPerSeverity() throws {
    let result = try read("dependency-check-6.4.1-golang.json")
    XCTAssertEqual(result.counts(.vulnerability), ["MEDIUM": 20, "HIGH": 11, "LOW": 2, "CRITICAL": 1])
    XCTAssertEqual(result.tool, ToolInfo(name: "Dependency-Check", version: "6.4.1"))
    XCTAssertEqual(result.generatedAt, "2021-10-27T11:05:46.478005Z")
    XCTAssertNil(result.findings.first { $0.suppression != nil })
  }

  func testPackageComesFromThePackageURL() throws {
    let first = try XCTUnwrap(try read("dependency-check-6.4.1-golang.json").findings.first)
    XCTAssertEqual(first.ruleId, "CVE-2007-1420")
    XCTAssertEqual(first.cve, ["CVE-2007-1420"])
    XCTAssertEqual(first.package, PackageRef(name: "github.com/go-sql-driver/mysql", installedVersion: "1.6.0"))
    XCTAssertEqual(first.location?.target, "github.com/go-sql-driver/mysql:1.6.0")
  }

  func testSameCVEInTwoDependenciesHasTwoFingerprints() throws {
    let findings = try read("dependency-check-6.4.1-golang.json").findings
    // CVE-2021-3121 affects both gogo/protobuf and golang_protobuf_extensions.
    XCTAssertEqual(Set(findings.filter { $0.ruleId == "CVE-2021-3121" }.map(\.fingerprint)).count, 2)
    XCTAssertEqual(Set(findings.map(\.fingerprint)).count, findings.count)
  }

  func testSuppressedVulnerabilitiesAreKeptSuppressed() throws {
    let json = """
      {"reportSchema":"1.1","scanInfo":{"engineVersion":"8.0.0"},"projectInfo":{"name":"p","reportDate":"2024-01-01T00:00:00Z"},
       "dependencies":[{"fileName":"commons-text-1.9.jar","filePath":"/app/lib/commons-text-1.9.jar",
        "packages":[{"id":"pkg:maven/org.apache.commons/commons-text@1.9"}],
        "vulnerabilities":[{"source":"NVD","name":"CVE-2022-42889","cvssv3":{"baseScore":9.8,"baseSeverity":"CRITICAL"}}],
        "suppressedVulnerabilities":[{"source":"NVD","name":"CVE-2000-0001","severity":"LOW"}]}]}
      """
    let result = try DependencyCheckJSONReader.read(try Fixtures.temporary(json, name: "dc.json"))
    XCTAssertEqual(result.findings.map(\.severity), [.critical, .low])
    XCTAssertEqual(result.findings.map(\.suppression), [nil, "suppressed in Dependency-Check"])
    XCTAssertEqual(result.findings.first?.package?.name, "org.apache.commons:commons-text")
  }

  func testWrongTypeNamesFileAndJSONPath() throws {
    let json = #"{"reportSchema":"1.1","scanInfo":{"engineVersion":"6"},"dependencies":[{"fileName":"a","vulnerabilities":[{"name":1}]}]}"#
    assertJSONPathError(
      try DependencyCheckJSONReader.read(try Fixtures.temporary(json, name: "bad.json")), file: "bad.json",
      path: "$.dependencies[0].vulnerabilities[0].name")
  }
}
