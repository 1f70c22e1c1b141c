import Foundation
import HomologIngest
import HomologModel
import XCTest

/// The same vulnerability (id, package, installed version) gets the same fingerprint whichever tool reports it.
final class CrossToolFingerprintTests: XCTestCase {
  private func trivyAlpineFingerprints() throws -> Set<String> {
    let url = Fixtures.real("trivy/trivy-image-alpine-3.10-golden.json")
    return Set(try TrivyJSONReader.read(Fixtures.input(url)).findings.map(\.fingerprint))
  }

  func testTrivyJSONAndTrivySARIFOfTheSameScanAgree() throws {
    let url = Fixtures.real("sarif/trivy-alpine-3.10-golden.sarif")
    let sarif = Set(try SARIFReader.read(Fixtures.input(url)).findings.map(\.fingerprint))
    XCTAssertEqual(sarif, try trivyAlpineFingerprints())
  }

  func testGrypeAndCycloneDXAgreeWithTrivy() throws {
    let grype = """
      {"matches":[{"vulnerability":{"id":"GHSA-0000-0000-0000","severity":"Medium"},
        "relatedVulnerabilities":[{"id":"CVE-2019-1549","severity":"Medium"}],
        "artifact":{"name":"libcrypto1.1","version":"1.1.1c-r0"}}],
       "descriptor":{"name":"grype","version":"0.80.0"}}
      """
    let cyclonedx = """
      {"bomFormat":"CycloneDX","specVersion":"1.5",
       "components":[{"bom-ref":"p1","type":"library","name":"libcrypto1.1","version":"1.1.1c-r0",
         "purl":"pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?distro=3.10.2"}],
       "vulnerabilities":[{"id":"CVE-2019-1549","ratings":[{"severity":"medium"}],"affects":[{"ref":"p1"}]}]}
      """
    let fromGrype = try XCTUnwrap(try GrypeJSONReader.read(try Fixtures.temporary(grype, name: "g.json")).findings.first)
    let fromCycloneDX = try XCTUnwrap(
      try CycloneDXJSONReader.read(try Fixtures.temporary(cyclonedx, name: "c.json")).findings.first)
    let trivy = try trivyAlpineFingerprints()
    XCTAssertEqual(fromGrype.fingerprint, fromCycloneDX.fingerprint)
    XCTAssertTrue(trivy.contains(fromGrype.fingerprint))
  }
}
