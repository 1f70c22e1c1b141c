import Foundation
import HomologIngest
import HomologModel
import XCTest

final class TrivyJSONReaderTests: XCTestCase {
  private func read(_ name: String) throws -> ReadResult {
    let url = Fixtures.real("trivy/\(name)")
    XCTAssertTrue(TrivyJSONReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try TrivyJSONReader.read(Fixtures.input(url))
  }

  // Figures below are the ones SOURCES.md reads off each file (Trivy's own results).
  func testImageAlpine310CountsAndEndOfLifeOS() throws {
    let result = try read("trivy-image-alpine-3.10-golden.json")
    XCTAssertEqual(result.counts(.vulnerability), ["MEDIUM": 4])
    XCTAssertEqual(result.tool, ToolInfo(name: "Trivy", version: "dev"))
    XCTAssertEqual(result.generatedAt, "2021-08-25T12:20:30.000000005Z")
    XCTAssertEqual(result.images, [ImageInfo(name: "testdata/fixtures/images/alpine-310.tar.gz", osFamily: "alpine", osName: "3.10.2", endOfLife: true)])
    let first = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(first.package?.name, "libcrypto1.1")
    XCTAssertNotNil(first.package?.installedVersion)
    XCTAssertFalse(first.cve.isEmpty)
  }

  func testTeamdojoImageCounts() throws {
    let result = try read("trivy-image-teamdojo-alpine-3.9.json")
    XCTAssertEqual(result.counts(.vulnerability), ["MEDIUM": 3, "HIGH": 1, "CRITICAL": 1])
    XCTAssertEqual(result.images.first?.endOfLife, false)
    XCTAssertEqual(result.images.first?.osName, "3.9.4")
  }

  func testConfigScanCountsFailedMisconfigurationsOnly() throws {
    let result = try read("trivy-config-helm-chart-golden.json")
    XCTAssertEqual(result.findings.filter { $0.kind == .misconfiguration }.count, 18)
    XCTAssertEqual(result.counts(.vulnerability), [:])
  }

  func testFilesystemScanWithVulnerabilitiesMisconfigurationsAndSecrets() throws {
    let result = try read("trivy-fs-vulns-misconfig-secrets.json")
    XCTAssertEqual(result.counts(.vulnerability), ["HIGH": 1, "MEDIUM": 1])
    XCTAssertEqual(result.findings.filter { $0.kind == .misconfiguration }.count, 1)
    XCTAssertEqual(result.findings.filter { $0.kind == .secret }.count, 2)
    XCTAssertEqual(result.findings.first { $0.kind == .secret }?.location?.line, 24)
  }

  func testKubernetesClusterReport() throws {
    let result = try read("trivy-k8s-cluster-eks.json")
    XCTAssertEqual(result.counts(.vulnerability), ["LOW": 8, "MEDIUM": 2])
    XCTAssertEqual(result.findings.filter { $0.kind == .misconfiguration }.count, 10)
  }

  func testKubernetesClusterReportStatesEachImageOSFromItsTarget() throws {
    let result = try read("trivy-k8s-cluster-eks.json")
    XCTAssertEqual(
      result.images,
      [
        ImageInfo(name: "gcr.io/google_samples/gb-redis-follower:v2", osFamily: "debian", osName: "10.4", endOfLife: false),
        ImageInfo(name: "docker.io/redis:6.0.5", osFamily: "debian", osName: "10.4", endOfLife: false),
      ])
  }

  func testLegacyTopLevelArrayStatesTheDebianImageFromItsTarget() throws {
    let result = try read("trivy-legacy-list-debian-10.8.json")
    XCTAssertEqual(result.images, [ImageInfo(name: "debian", osFamily: "debian", osName: "10.8", endOfLife: false)])
  }

  func testScanWithMetadataOSListsItsImageOnceAndFilesystemScanNone() throws {
    XCTAssertEqual(try read("trivy-image-teamdojo-alpine-3.9.json").images.map(\.name), ["teamdojo:latest"])
    XCTAssertEqual(try read("trivy-fs-vulns-misconfig-secrets.json").images, [])
    XCTAssertEqual(try read("trivy-config-helm-chart-golden.json").images, [])
  }

  func testAmazonTargetKeepsTheVersionWithItsCodename() throws {
    let text = """
      [{"Target": "app:1 (amazon 2 (Karoo))", "Type": "amazon", "Vulnerabilities": []},
       {"Target": "app/package-lock.json", "Type": "npm", "Vulnerabilities": []}]
      """
    let result = try TrivyJSONReader.read(try Fixtures.temporary(text, name: "trivy.json"))
    XCTAssertEqual(result.images, [ImageInfo(name: "app:1", osFamily: "amazon", osName: "2 (Karoo)", endOfLife: false)])
  }

  func testSecretsGolden() throws {
    let result = try read("trivy-fs-secrets-golden.json")
    XCTAssertEqual(result.findings.filter { $0.kind == .secret }.count, 2)
    XCTAssertEqual(result.counts(.vulnerability), [:])
  }

  func testLegacyTopLevelArray() throws {
    let result = try read("trivy-legacy-list-debian-10.8.json")
    XCTAssertEqual(result.counts(.vulnerability), ["LOW": 65, "HIGH": 18, "MEDIUM": 9, "UNKNOWN": 1])
    XCTAssertEqual(result.findings.first { $0.originalSeverity == "UNKNOWN" }?.severity, .info)
  }

  func testFingerprintsAreStableAndDistinct() throws {
    let a = try read("trivy-legacy-list-debian-10.8.json").findings.map(\.fingerprint)
    let b = try read("trivy-legacy-list-debian-10.8.json").findings.map(\.fingerprint)
    XCTAssertEqual(a, b)
    XCTAssertEqual(Set(a).count, a.count)
  }

  func testTruncatedReportNamesFileAndPosition() throws {
    let data = try Data(contentsOf: Fixtures.real("trivy/trivy-image-alpine-3.10-golden.json"))
    let input = try Fixtures.temporary(String(decoding: data.prefix(3000), as: UTF8.self), name: "cut.json")
    XCTAssertThrowsError(try TrivyJSONReader.read(input)) { error in
      let error = error as! InputError
      XCTAssertEqual(error.location?.file, "cut.json")
      XCTAssertTrue(error.message.contains("invalid JSON"), error.message)
    }
  }

  func testWrongTypeNamesTheJSONPath() throws {
    let input = try Fixtures.temporary(#"{"SchemaVersion":2,"ArtifactName":"x","Results":[{"Target":"t","Vulnerabilities":[{"VulnerabilityID":7}]}]}"#, name: "bad.json")
    XCTAssertThrowsError(try TrivyJSONReader.read(input)) { error in
      XCTAssertEqual((error as! InputError).location?.jsonPath, "$.Results[0].Vulnerabilities[0].VulnerabilityID")
    }
  }
}
