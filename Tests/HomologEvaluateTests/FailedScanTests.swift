import Foundation
import HomologEvaluate
import HomologIngest
import HomologModel
import XCTest

/// A GitLab report whose `scan.status` is `failure` proves no absence: the scope checks cite its `scan.messages` and
/// never pass on it alone. The failed reports are genuine ones (Tests/Fixtures/real/gitlab-security/) whose status this
/// test changes to `failure`, with a `fatal` message added as GitLab's schema writes them (`scan.messages[]`).
final class FailedScanTests: XCTestCase {
  private static let real = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/real/gitlab-security")
  private static let message = "analyzer exited: could not clone the repository"

  /// The genuine report `name`, its status set to `failure`, its vulnerabilities filtered by `keep`, collected.
  private func failed(_ name: String, keep: ([String: Any]) -> Bool = { _ in false }) throws -> EvidenceFile {
    let data = try Data(contentsOf: Self.real.appendingPathComponent(name))
    var report = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var scan = try XCTUnwrap(report["scan"] as? [String: Any])
    XCTAssertEqual(scan["status"] as? String, "success")
    scan["status"] = "failure"
    scan["messages"] = [["level": "fatal", "value": Self.message]]
    report["scan"] = scan
    report["vulnerabilities"] = try XCTUnwrap(report["vulnerabilities"] as? [[String: Any]]).filter(keep)
    let folder = try TemporaryFolders.make("homolog-failed-scan")
    let url = folder.appendingPathComponent(name)
    try JSONSerialization.data(withJSONObject: report).write(to: url)
    return try XCTUnwrap(try EvidenceCollector(baseDirectory: folder).collect([url]).files.first)
  }

  private func genuine(_ name: String) throws -> EvidenceFile {
    try XCTUnwrap(try EvidenceCollector(baseDirectory: Self.real).collect([Self.real.appendingPathComponent(name)]).files.first)
  }

  private func assertCitesTheFailure(_ result: CheckResult, _ path: String, line: UInt = #line) {
    let cited = result.observations.filter { $0.message.key == "scan.failed" }
    XCTAssertEqual(cited.count, 1, line: line)
    XCTAssertEqual(cited.first?.message.arg("messages"), "fatal: \(Self.message)", line: line)
    XCTAssertEqual(cited.first?.evidence, path, line: line)
    XCTAssertEqual(cited.first?.problem, true, line: line)
  }

  func testAFailedSecretScanWithNoFindingIsNoEvidenceCitingItsMessages() throws {
    let file = try failed("gitlab-secret-detection-14.0-gitleaks-7.5.0.json")
    XCTAssertEqual(file.provenance.format, "gitlab-security-json")
    XCTAssertEqual(file.scans, [])
    XCTAssertEqual(file.scanFailures.map(\.scope), [.secrets])
    let result = SecretsNoneCheck().evaluate(EvidenceSet(files: [file]))
    XCTAssertEqual(result.outcome, .noEvidence)
    assertCitesTheFailure(result, "gitlab-secret-detection-14.0-gitleaks-7.5.0.json")
  }

  // SOURCES.md: the genuine report holds 3 secrets; found by a failed scan, they still fail the check.
  func testSecretsAFailedScanFoundStillFail() throws {
    let file = try failed("gitlab-secret-detection-14.0-gitleaks-7.5.0.json") { _ in true }
    let result = SecretsNoneCheck().evaluate(EvidenceSet(files: [file]))
    XCTAssertEqual(result.outcome, .fail)
    XCTAssertEqual(result.summary.arg("count"), "3")
    assertCitesTheFailure(result, "gitlab-secret-detection-14.0-gitleaks-7.5.0.json")
  }

  // SOURCES.md: 97 vulnerabilities, Low among them; a failed scan's Low findings alone prove no absence of the rest.
  func testAFailedContainerScanNeverPassesOnItsOwn() throws {
    let file = try failed("gitlab-container-scanning-15.0.6-trivy-0.36.1.json") { ($0["severity"] as? String) == "Low" }
    XCTAssertFalse(file.findings.isEmpty)
    let result = VulnThresholdsCheck().evaluate(EvidenceSet(files: [file]))
    XCTAssertEqual(result.outcome, .noEvidence)
    assertCitesTheFailure(result, "gitlab-container-scanning-15.0.6-trivy-0.36.1.json")
    // Judged again from the stored measurement, the failure is still cited.
    let again = try XCTUnwrap(VulnThresholdsCheck().rejudge(result, policy: Policy()))
    XCTAssertEqual(again.outcome, .noEvidence)
    assertCitesTheFailure(again, "gitlab-container-scanning-15.0.6-trivy-0.36.1.json")
  }

  func testAFailedSASTBesideASuccessfulOneIsCitedNotCounted() throws {
    let failedSAST = try failed("gitlab-sast-15.1.4-semgrep-sage.json")
    let result = SastNoBlockingCheck().evaluate(
      EvidenceSet(files: [failedSAST, try genuine("gitlab-sast-3.0-find-sec-bugs-4.2.0.json")]))
    XCTAssertEqual(result.evidence, ["gitlab-sast-3.0-find-sec-bugs-4.2.0.json"])
    assertCitesTheFailure(result, "gitlab-sast-15.1.4-semgrep-sage.json")
  }
}
