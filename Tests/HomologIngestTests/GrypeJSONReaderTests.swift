import Foundation
import HomologIngest
import HomologModel
import XCTest

final class GrypeJSONReaderTests: XCTestCase {
  private func read(_ name: String) throws -> ReadResult {
    let url = Fixtures.real("grype/\(name)")
    XCTAssertTrue(GrypeJSONReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try GrypeJSONReader.read(Fixtures.input(url))
  }

  // Figures below are the ones SOURCES.md reads off each file (Grype's own matches).
  func testAmazonLinux2MatchesPerSeverity() throws {
    let result = try read("grype-amazonlinux2.json")
    XCTAssertEqual(result.counts(.vulnerability), ["Medium": 6, "High": 6, "Unknown": 3, "Low": 1])
    XCTAssertEqual(result.tool, ToolInfo(name: "Grype", version: "0.79.3"))
    XCTAssertEqual(result.generatedAt, "2024-08-29T13:47:41.623667-04:00")
    XCTAssertEqual(result.findings.filter { $0.originalSeverity == "Unknown" }.map(\.severity), [.info, .info, .info])
    XCTAssertEqual(
      result.images, [ImageInfo(name: "cloudwatch_to_s3:latest", osFamily: "amazonlinux", osName: "2", endOfLife: false)])
  }

  func testAdvisoryIdKeepsRelatedCVEAndFixedVersion() throws {
    let first = try XCTUnwrap(try read("grype-amazonlinux2.json").findings.first)
    XCTAssertEqual(first.ruleId, "ALAS-2024-2607")
    XCTAssertEqual(first.cve, ["CVE-2024-39689"])
    XCTAssertEqual(
      first.package,
      PackageRef(name: "ca-certificates", installedVersion: "2023.2.64-1.amzn2.0.1", fixedVersion: "2023.2.68-1.amzn2.0.1"))
    XCTAssertEqual(first.location?.target, "cloudwatch_to_s3:latest")
  }

  func testRHEL87MatchesPerSeverityIncludingOneWithoutSeverity() throws {
    let result = try read("grype-0.96-rhel-8.7.json")
    // SOURCES.md counts "None 1": the match has no `severity` key; its original is kept empty.
    XCTAssertEqual(result.counts(.vulnerability), ["High": 18, "Medium": 13, "Low": 2, "": 1, "Critical": 1])
    XCTAssertEqual(result.tool?.version, "0.96.0")
    XCTAssertEqual(result.images.first?.osFamily, "redhat")
    XCTAssertEqual(result.images.first?.osName, "8.7")
    // Counted as info, as Grype's own table shows it, whatever its related records say.
    let unrated = try XCTUnwrap(result.findings.first { $0.originalSeverity.isEmpty })
    XCTAssertEqual(unrated.ruleId, "CVE-2024-26308")
    XCTAssertEqual(unrated.package?.name, "commons-compress")
    XCTAssertEqual(unrated.severity, .info)
  }

  func testFingerprintsAreUniqueAndStable() throws {
    let a = try read("grype-0.96-rhel-8.7.json").findings.map(\.fingerprint)
    XCTAssertEqual(a, try read("grype-0.96-rhel-8.7.json").findings.map(\.fingerprint))
    XCTAssertEqual(Set(a).count, a.count)
  }

  func testDirectoryScanTargetIsAString() throws {
    let json = #"{"matches":[{"vulnerability":{"id":"CVE-1","severity":"Negligible"},"artifact":{"name":"a","version":"1"}}],"source":{"type":"directory","target":"./src"},"descriptor":{"name":"grype","version":"0.80.0"}}"#
    let result = try GrypeJSONReader.read(try Fixtures.temporary(json, name: "dir.json"))
    XCTAssertEqual(result.findings.first?.location?.target, "./src")
    XCTAssertEqual(result.findings.first?.severity, .info)
    XCTAssertEqual(result.images, [])
  }

  func testWrongTypeNamesFileAndJSONPath() throws {
    let json = #"{"matches":[{"vulnerability":{"id":"CVE-1"},"artifact":{"name":"a","version":7}}],"descriptor":{"name":"grype"}}"#
    assertJSONPathError(
      try GrypeJSONReader.read(try Fixtures.temporary(json, name: "bad.json")), file: "bad.json",
      path: "$.matches[0].artifact.version")
  }
}
