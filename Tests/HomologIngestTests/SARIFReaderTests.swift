import Foundation
import HomologIngest
import HomologModel
import XCTest

final class SARIFReaderTests: XCTestCase {
  private func read(_ name: String) throws -> ReadResult {
    let url = Fixtures.real("sarif/\(name)")
    XCTAssertTrue(SARIFReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try SARIFReader.read(Fixtures.input(url))
  }

  /// Findings counted per original severity (the resolved SARIF level, or the security-severity that decided).
  private func originals(_ result: ReadResult) -> [String: Int] {
    result.findings.reduce(into: [:]) { $0[$1.originalSeverity, default: 0] += 1 }
  }

  // Result counts per level are SOURCES.md's; "(none)" is an absent level, resolved as SARIF says:
  // the rule's defaultConfiguration.level, else warning.
  func testBanditResultsPerLevel() throws {
    let result = try read("bandit-1.9.4-examples.sarif")
    XCTAssertEqual(result.findings.count, 597)
    // (none) 303 → warning (Bandit's rules state no default level), note 160, error 134.
    XCTAssertEqual(originals(result), ["warning": 303, "note": 160, "error": 134])
    XCTAssertEqual(result.severityCounts, [.medium: 303, .info: 160, .high: 134])
    XCTAssertEqual(result.tool, ToolInfo(name: "Bandit"))
    XCTAssertEqual(result.generatedAt, "2026-11-22T13:33:52Z")
    XCTAssertEqual(Set(result.findings.map(\.kind)), [.codeIssue])
    let first = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(first.ruleId, "B101")
    XCTAssertEqual(first.location, FindingLocation(path: "examples/assert.py", line: 1))
  }

  func testCodeQLResultsTakeTheirRulesDefaultLevel() throws {
    let result = try read("codeql-2.5.4.sarif")
    XCTAssertEqual(result.findings.count, 72)
    // (none) 72: every level comes from the rule (149 rules: error, warning or note).
    XCTAssertEqual(originals(result), ["note": 57, "error": 11, "warning": 4])
    XCTAssertEqual(result.tool, ToolInfo(name: "CodeQL", version: "2.5.4"))
    let first = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(first.title, "Empty except")
    XCTAssertEqual(first.cwe, ["CWE-390"])
    XCTAssertEqual(first.location?.path, "good/db_init.py")
  }

  func testCheckovResultsAreMisconfigurations() throws {
    let result = try read("checkov-3.3.30-online-boutique.sarif")
    XCTAssertEqual(originals(result), ["error": 113])
    XCTAssertEqual(result.tool, ToolInfo(name: "Checkov", version: "3.3.30"))
    XCTAssertEqual(Set(result.findings.map(\.kind)), [.misconfiguration])
    XCTAssertEqual(result.findings.first?.title, "Image should use digest")
  }

  func testDependencyCheckResultsAreVulnerabilities() throws {
    let result = try read("dependency-check-6.1.2.sarif")
    XCTAssertEqual(originals(result), ["error": 13])
    XCTAssertEqual(result.tool, ToolInfo(name: "dependency-check", version: "6.1.2"))
    XCTAssertEqual(Set(result.findings.map(\.kind)), [.vulnerability])
    // The `file://` scheme is dropped from artifact uris.
    XCTAssertEqual(
      result.findings.first?.location?.path,
      "/src/.venv/lib/python3.9/site-packages/tastypie_swagger/static/tastypie_swagger/js/lib/handlebars-1.0.0.js")
  }

  func testGitleaks7ResultsAreSecretsWithoutRuleIds() throws {
    let result = try read("gitleaks-7.4.0.sarif")
    XCTAssertEqual(originals(result), ["warning": 8])  // (none) 8
    XCTAssertEqual(result.tool, ToolInfo(name: "Gitleaks", version: "v7.4.0"))
    XCTAssertEqual(Set(result.findings.map(\.kind)), [.secret])
    XCTAssertEqual(Set(result.findings.map(\.fingerprint)).count, 8)
    XCTAssertFalse(result.findings.contains { $0.title.contains("AKIA") })
  }

  func testGitleaks8ResultUsesItsPartialFingerprints() throws {
    let result = try read("gitleaks-8-simple-golden.sarif")
    XCTAssertEqual(originals(result), ["warning": 1])  // (none) 1
    XCTAssertEqual(result.tool, ToolInfo(name: "gitleaks", version: "v8.0.0"))
    let finding = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(finding.kind, .secret)
    XCTAssertEqual(finding.location, FindingLocation(path: "auth.py", line: 1, endLine: 2))
    XCTAssertFalse(finding.title.contains("a secret"))
  }

  func testSemgrepSecuritySeverityWordsDecide() throws {
    let result = try read("semgrep-oss-1.69.0.sarif")
    XCTAssertEqual(result.findings.count, 77)  // (none) 77
    XCTAssertEqual(originals(result), ["MEDIUM": 42, "CRITICAL": 34, "HIGH": 1])
    XCTAssertEqual(result.tool, ToolInfo(name: "Semgrep OSS", version: "1.69.0"))
    // The one rule about a hard-coded JWT secret is a secret; the rest is code.
    XCTAssertEqual(result.findings.filter { $0.kind == .secret }.map(\.ruleId).count, 1)
    XCTAssertEqual(result.findings.filter { $0.kind == .codeIssue }.count, 76)
    XCTAssertEqual(Set(result.findings.map(\.fingerprint)).count, 77)
  }

  func testTrivyResultsUseTheCVSSScoreAndThePackageOfTheMessage() throws {
    let result = try read("trivy-alpine-3.10-golden.sarif")
    XCTAssertEqual(result.findings.count, 4)  // warning 4, 2 rules
    XCTAssertEqual(originals(result), ["5.3": 4])
    XCTAssertEqual(result.severityCounts, [.medium: 4])
    let first = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(first.kind, .vulnerability)
    XCTAssertEqual(first.cve, ["CVE-2019-1549"])
    XCTAssertEqual(first.package, PackageRef(name: "libcrypto1.1", installedVersion: "1.1.1c-r0", fixedVersion: "1.1.1d-r0"))
  }

  func testSeveralRunsAndLevelRules() throws {
    let json = """
      {"version":"2.1.0","runs":[
       {"tool":{"driver":{"name":"A","version":"1","rules":[{"id":"r1","defaultConfiguration":{"level":"note"},"properties":{"security-severity":9.1}},{"id":"r2","defaultConfiguration":{"level":"error"}}]}},
        "results":[{"ruleId":"r1","message":{"text":"m"}},{"ruleId":"r2","message":{"text":"m"}},{"ruleId":"r2","kind":"review","message":{"text":"m"}},{"ruleId":"r2","kind":"pass","message":{"text":"m"}}]},
       {"tool":{"driver":{"name":"B"}},"results":[{"ruleId":"x","level":"none","message":{"text":"m"},
        "suppressions":[{"kind":"inSource","status":"accepted"}]}]}]}
      """
    let result = try SARIFReader.read(try Fixtures.temporary(json, name: "runs.sarif"))
    XCTAssertEqual(result.tool, ToolInfo(name: "A, B"))
    XCTAssertEqual(result.findings.map(\.originalSeverity), ["9.1", "error", "none", "none"])
    XCTAssertEqual(result.findings.map(\.severity), [.critical, .high, .info, .info])
    XCTAssertEqual(result.findings.map(\.tool), ["A", "A", "A", "B"])
    XCTAssertEqual(result.findings.last?.suppression, "suppressed: inSource")
  }

  func testWrongTypeNamesFileAndJSONPath() throws {
    let json = #"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"locations":[{"physicalLocation":{"region":{"startLine":"ten"}}}]}]}]}"#
    assertJSONPathError(
      try SARIFReader.read(try Fixtures.temporary(json, name: "bad.sarif")), file: "bad.sarif",
      path: "$.runs[0].results[0].locations[0].physicalLocation.region.startLine")
  }

  func testOtherSARIFVersionIsRefused() throws {
    let json = #"{"version":"1.0.0","runs":[]}"#
    assertJSONPathError(
      try SARIFReader.read(try Fixtures.temporary(json, name: "old.sarif")), file: "old.sarif", path: "$.version")
  }
}
