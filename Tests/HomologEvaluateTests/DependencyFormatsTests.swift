import HomologEvaluate
import HomologModel
import XCTest

/// A GitLab dependency scanning report is judged with the dependency scanners, its container scanning sibling with images.
final class DependencyFormatsTests: XCTestCase {
  private func file(_ format: FormatID) -> EvidenceFile {
    EvidenceFile(provenance: Provenance(path: "gl.json", sha256: "x", bytes: 1, format: format), scans: [.vulnerabilities])
  }

  func testGitLabDependencyScanningFeedsDepsVulnerabilitiesOnly() {
    let dependencies = EvidenceSet(files: [file("gitlab-dependency-scanning-json")])
    XCTAssertEqual(DepsVulnerabilitiesCheck().evaluate(dependencies).outcome, .pass)
    XCTAssertEqual(VulnThresholdsCheck().evaluate(dependencies).outcome, .noEvidence)
    let containers = EvidenceSet(files: [file("gitlab-security-json")])
    XCTAssertEqual(DepsVulnerabilitiesCheck().evaluate(containers).outcome, .noEvidence)
    XCTAssertEqual(VulnThresholdsCheck().evaluate(containers).outcome, .pass)
  }
}
