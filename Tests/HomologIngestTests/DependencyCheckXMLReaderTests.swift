import Foundation
import HomologIngest
import HomologModel
import XCTest

final class DependencyCheckXMLReaderTests: XCTestCase {
  private func read(_ name: String) throws -> ReadResult {
    let url = Fixtures.real("dependency-check/\(name)")
    XCTAssertTrue(DependencyCheckXMLReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try DependencyCheckXMLReader.read(Fixtures.input(url))
  }

  // SOURCES.md: dependencies 66; vulnerability elements 34 — and the JSON report of the same scan:
  // vulnerabilities 34 (MEDIUM 20, HIGH 11, LOW 2, CRITICAL 1).
  func testGolangScanFigures() throws {
    let result = try read("dependency-check-6.4.1-golang.xml")
    XCTAssertEqual(result.findings.count, 34)
    XCTAssertEqual(result.counts(.vulnerability), ["MEDIUM": 20, "HIGH": 11, "LOW": 2, "CRITICAL": 1])
    XCTAssertEqual(result.tool, ToolInfo(name: "Dependency-Check", version: "6.4.1"))
    XCTAssertEqual(result.generatedAt, "2021-10-27T11:05:47.650672Z")
    let first = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(first.ruleId, "CVE-2007-1420")
    XCTAssertEqual(first.cve, ["CVE-2007-1420"])
    XCTAssertEqual(first.cwe, [])  // NVD-CWE-Other is not a CWE id
    XCTAssertEqual(first.severity, .low)
    XCTAssertEqual(first.package, PackageRef(name: "github.com/go-sql-driver/mysql", installedVersion: "1.6.0"))
    // The title is the description's first sentence, cut to 200 characters.
    XCTAssertTrue(first.title.hasPrefix("MySQL 5.x before 5.0.36 allows local users"), first.title)
    XCTAssertEqual(first.title.count, 200)
    // CVE-2021-3121 is CRITICAL (OSS Index) on gogo/protobuf but HIGH (NVD) on golang_protobuf_extensions.
    let gogo = result.findings.filter { $0.ruleId == "CVE-2021-3121" }.map { [$0.package?.name ?? "", $0.originalSeverity] }
    XCTAssertEqual(
      gogo,
      [["github.com/gogo/protobuf", "CRITICAL"], ["github.com/matttproud/golang_protobuf_extensions", "HIGH"]])
  }

  /// The XML and JSON reports of one scan give the same findings with the same fingerprints
  /// (package identity: the purl's name and version, else the dependency's file name).
  func testGolangScanMatchesTheJSONReportOfTheSameScan() throws {
    let xml = try read("dependency-check-6.4.1-golang.xml")
    let jsonURL = Fixtures.real("dependency-check/dependency-check-6.4.1-golang.json")
    XCTAssertEqual(xml.findings.count, 34)
    // Distinct fingerprints: the same CVE on two dependencies is two findings.
    XCTAssertEqual(Set(xml.findings.map(\.fingerprint)).count, 34)

    // Once a JSON reader is registered, it must agree with this one finding for finding.
    let head = try XCTUnwrap(FileHead.read(jsonURL))
    let jsonReader = try XCTUnwrap(AllReaders.detect(head))
    do {
      let fromJSON = try jsonReader.read(Fixtures.input(jsonURL)).findings
      XCTAssertEqual(
        fromJSON.map { $0.fingerprint + " " + $0.originalSeverity }.sorted(),
        xml.findings.map { $0.fingerprint + " " + $0.originalSeverity }.sorted(),
        "\(jsonReader.format) and \(DependencyCheckXMLReader.format) disagree on the same scan")
    }
  }

  // SOURCES.md: dependency-check.2.5.xsd; dependencies 1; vulnerability elements 1.
  func testVersion653() throws {
    let result = try read("dependency-check-6.5.3.xml")
    XCTAssertEqual(result.findings.count, 1)
    let finding = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(finding.ruleId, "CVE-2020-9488")
    XCTAssertEqual(finding.originalSeverity, "LOW")
    XCTAssertEqual(finding.cwe, ["CWE-295"])
    XCTAssertEqual(finding.package, PackageRef(name: "org.apache.logging.log4j:log4j-api", installedVersion: "2.12.4"))
    XCTAssertEqual(finding.title, "Improper validation of certificate with host mismatch in Apache Log4j SMTP appender")
    XCTAssertEqual(finding.tool, "Dependency-Check")
    XCTAssertEqual(result.tool?.version, "6.5.3")
  }

  func testOtherNamespacesSuppressedAndRelatedEntriesAndSeverityFallback() throws {
    let xml = """
      <?xml version="1.0"?>
      <dc:analysis xmlns:dc="https://jeremylong.github.io/DependencyCheck/dependency-check.1.8.xsd">
        <dc:dependencies>
          <dc:dependency>
            <dc:fileName>app.jar</dc:fileName>
            <dc:relatedDependencies><dc:relatedDependency><dc:fileName>other.jar</dc:fileName></dc:relatedDependency></dc:relatedDependencies>
            <dc:identifiers><dc:package><dc:id>pkg:maven/g/app@1.0%2Bx?type=jar</dc:id></dc:package></dc:identifiers>
            <dc:vulnerabilities>
              <dc:vulnerability source="NVD"><dc:name>CVE-1</dc:name><dc:cvssV3><dc:baseSeverity>HIGH</dc:baseSeverity></dc:cvssV3></dc:vulnerability>
              <dc:suppressedVulnerability><dc:name>CVE-2</dc:name><dc:severity>CRITICAL</dc:severity></dc:suppressedVulnerability>
            </dc:vulnerabilities>
          </dc:dependency>
        </dc:dependencies>
      </dc:analysis>
      """
    let findings = try DependencyCheckXMLReader.read(Fixtures.temporary(xml, name: "dc.xml")).findings
    XCTAssertEqual(findings.map(\.ruleId), ["CVE-1"])
    XCTAssertEqual(findings.first?.originalSeverity, "HIGH")
    XCTAssertEqual(findings.first?.package, PackageRef(name: "g:app", installedVersion: "1.0+x"))
  }

  func testVulnerabilityWithoutNameIsALocatedError() throws {
    let xml = "<analysis>\n<dependencies><dependency><fileName>a</fileName><vulnerabilities>\n<vulnerability>\n<severity>LOW</severity></vulnerability></vulnerabilities></dependency></dependencies></analysis>"
    let input = try Fixtures.temporary(xml, name: "noname.xml")
    SadInputs.assertLocatedError(try DependencyCheckXMLReader.read(input), file: "noname.xml", line: 3, message: "<name>")
  }

  func testTruncatedReportIsALocatedError() throws {
    let cut = try SadInputs.truncated(Fixtures.real("dependency-check/dependency-check-6.4.1-golang.xml"))
    SadInputs.assertLocatedError(
      try DependencyCheckXMLReader.read(cut.input), file: cut.input.path, line: cut.lines, message: "XML")
  }
}
