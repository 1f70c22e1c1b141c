import HomologEvaluate
import HomologModel
import XCTest

/// A check that finds nothing to judge concludes "no evidence", never "pass": a report proves an absence only for
/// what its tool scanned.
final class AbsenceOfEvidenceTests: XCTestCase {
  private func file(_ format: FormatID, scans: Set<ScanScope> = [], tests: TestReport? = nil) -> EvidenceFile {
    EvidenceFile(provenance: Provenance(path: "r.json", sha256: "x", bytes: 1, format: format), tests: tests, scans: scans)
  }

  private func outcome(_ check: some Check, _ files: [EvidenceFile]) -> CheckOutcome {
    check.evaluate(EvidenceSet(files: files)).outcome
  }

  func testASonarQubeGateStatusProvesNoStaticAnalysis() {
    XCTAssertEqual(outcome(SastNoBlockingCheck(), [file("sonarqube-json")]), .noEvidence)
    XCTAssertEqual(outcome(SastNoBlockingCheck(), [file("sarif", scans: [.codeAnalysis])]), .pass)
  }

  func testATrivyConfigScanProvesNoAbsenceOfVulnerabilitiesNorSecrets() {
    XCTAssertEqual(outcome(VulnThresholdsCheck(), [file("trivy-json")]), .noEvidence)
    XCTAssertEqual(outcome(SecretsNoneCheck(), [file("trivy-json", scans: [.vulnerabilities])]), .noEvidence)
    XCTAssertEqual(outcome(VulnThresholdsCheck(), [file("trivy-json", scans: [.vulnerabilities])]), .pass)
  }

  func testAPlainSBOMProvesNoAbsenceOfVulnerableDependencies() {
    XCTAssertEqual(outcome(DepsVulnerabilitiesCheck(), [file("cyclonedx-json")]), .noEvidence)
    XCTAssertEqual(outcome(DepsVulnerabilitiesCheck(), [file("cyclonedx-json", scans: [.vulnerabilities])]), .pass)
  }

  func testAReportThatRanNoTestProvesNothing() {
    let empty = TestReport(total: 0, failed: 0, errored: 0, skipped: 0, suites: 1, failures: [])
    let result = TestsPassingCheck().evaluate(EvidenceSet(files: [file("junit-xml", tests: empty)]))
    XCTAssertEqual(result.outcome, .noEvidence)
    XCTAssertEqual(result.summary.key, "tests.passing.no_test")
  }
}
