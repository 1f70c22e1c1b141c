import Foundation
import HomologModel
import XCTest

@testable import HomologRender

/// A small, fixed dossier covering every status, finding shape and derogation state, for the report goldens.
enum ReportFixtures {
  static func requirement(
    _ id: String, _ level: Level, _ category: String, _ status: RequirementStatus, checks: [CheckResult] = [],
    derogation: String? = nil, applicability: String? = nil
  ) -> RequirementResult {
    var result = RequirementResult(
      id: id, sourceId: id, level: level, category: category, title: "Title <\(id)> & \"more\"",
      statement: "Statement of \(id).", weight: 1, status: status, basis: checks.isEmpty ? .none : .checks,
      applicability: applicability.map { Message("applicability.test", [MessageArg("text", $0)]) }, checks: checks,
      attestation: nil, derogation: derogation, attestable: false)
    result.applicabilityText = applicability
    return result
  }

  static func check(_ id: String, _ outcome: CheckOutcome, _ summary: String, observations: [Observation] = [], evidence: [String] = [])
    -> CheckResult
  {
    var result = CheckResult(id: id, outcome: outcome, summary: Message("\(id).\(outcome.rawValue)"), observations: observations, evidence: evidence)
    result.summaryText = summary
    return result
  }

  static func observation(_ text: String, problem: Bool, location: SourceLocation? = nil, evidence: String? = nil) -> Observation {
    var observation = Observation(Message("test"), problem: problem, evidence: evidence, location: location)
    observation.text = text
    return observation
  }

  static var dossier: Dossier {
    let requirements = [
      requirement(
        "EXI-ORG-1", .primordial, "Operations", .nonConforme,
        checks: [
          check(
            "vuln.thresholds", .fail, "vulnerabilities over limits: 1 critical",
            observations: [observation("CVE-2024-0001 in libfoo 1.0 (fixed in 1.1)", problem: true, evidence: "reports/trivy.json")],
            evidence: ["reports/trivy.json"])
        ]),
      requirement(
        "EXI-ORG-7", .primordial, "Operations", .conforme,
        checks: [check("tests.passing", .pass, "42 tests pass", evidence: ["reports/junit.xml"])]),
      requirement(
        "EXI-ORG-10", .important, "Code", .derogation,
        checks: [
          check(
            "coverage.backend", .fail, "back-end coverage below 100 %",
            observations: [observation("api: 98.3 % of lines covered", problem: true, location: SourceLocation(file: "reports/api/coverage.xml"))],
            evidence: ["reports/api/coverage.xml"])
        ], derogation: "DER-1"),
      requirement("EXI-ARCH-3", .important, "Code", .nonEvalue),
      requirement("EXI-G-1", .important, "Norms", .nonApplicable, applicability: "applies only to a bid in a call for tenders"),
      requirement(
        "EXI-ARCH-22", .important, "Code", .nonConforme,
        checks: [
          check(
            "secrets.none", .fail, "1 secret found",
            observations: [
              observation("generic-api-key in src/config.py", problem: true, location: SourceLocation(file: "src/config.py", line: 12))
            ], evidence: ["reports/gitleaks.json"])
        ]),
    ]
    var counts = StatusCounts()
    for requirement in requirements { counts.add(requirement.status) }
    let findings = [
      Finding(
        tool: "Trivy", kind: .vulnerability, ruleId: "CVE-2024-0001", severity: .critical, originalSeverity: "CRITICAL",
        title: "libfoo: remote code execution", location: FindingLocation(target: "registry.example/app:1.0 (alpine 3.19)"),
        package: PackageRef(name: "libfoo", installedVersion: "1.0", fixedVersion: "1.1"), cve: ["CVE-2024-0001"], cwe: ["CWE-94"],
        fingerprint: "0001aaaa", evidence: "reports/trivy.json", requirements: ["EXI-ORG-1"]),
      Finding(
        tool: "Gitleaks", kind: .secret, ruleId: "generic-api-key", severity: .high, originalSeverity: "high",
        title: "Generic API key", location: FindingLocation(path: "src/config.py", line: 12, endLine: 12), fingerprint: "0002bbbb",
        evidence: "reports/gitleaks.json", requirements: ["EXI-ARCH-22"]),
      Finding(
        tool: "Semgrep", kind: .codeIssue, ruleId: "python.lang.eval", severity: .medium, originalSeverity: "WARNING",
        title: "=HYPERLINK(\"x\") eval of user input", location: FindingLocation(path: "src/app dir/main.py", line: 3),
        cwe: ["CWE-95"], fingerprint: "0003cccc", evidence: "reports/semgrep.sarif"),
      Finding(
        tool: "Trivy", kind: .vulnerability, ruleId: "CVE-2024-0002", severity: .low, originalSeverity: "LOW", title: "minor issue",
        package: PackageRef(name: "libbar"), fingerprint: "0004dddd", suppression: "not_affected", evidence: "reports/trivy.json"),
      Finding(
        tool: "Grype", kind: .vulnerability, ruleId: "CVE-2024-0003", severity: .info, originalSeverity: "Negligible",
        title: "no place at all", fingerprint: "0005eeee"),
    ]
    return Dossier(
      generator: ToolInfo(name: "homolog", version: "0.1.0"), asOf: "2026-11-22", lang: "en",
      project: ProjectSummary(
        name: "Registre <RHab>", version: "1.4.2", organisation: "Ministère", context: ProjectContext(),
        components: [ComponentSummary(name: "api", role: .backend)]),
      catalogue: CatalogueSummary(id: "cct-cloud-pi-native", title: "CCT Cloud Pi Native", version: "27.05.2024", sha256: "abc123"),
      verdict: Verdict(eliminatory: true, status: .eliminatoire, eliminating: ["EXI-ORG-1"]),
      score: Score(
        important: 33.3, importantWithoutDerogations: 0, met: 1, metWithoutDerogations: 0, applicable: 3, formula: "f",
        categories: [CategoryScore(category: "Code", important: 33.3, importantWithoutDerogations: 0, met: 1, metWithoutDerogations: 0, applicable: 3)]),
      counts: counts, requirements: requirements,
      derogations: [
        DerogationEntry(
          id: "DER-1", requirement: "EXI-ORG-10", justification: "Export module rewrite planned.",
          compensatingMeasures: ["Two-person review", "Daily end-to-end tests"], approvedBy: "Board", approvedOn: "2026-06-01",
          expiresOn: "2026-12-15", scope: "api", state: .expiring, daysToExpiry: 23, unused: false),
        DerogationEntry(
          id: "DER-0", requirement: "EXI-ARCH-3", justification: "Old.", compensatingMeasures: [], approvedBy: "Board",
          approvedOn: "2025-01-01", expiresOn: "2026-05-03", scope: nil, state: .expired, daysToExpiry: -203, unused: false),
      ],
      evidence: [], ignored: [], unreadable: [], findings: findings, coverage: [], tests: [], policy: Policy())
  }

  static func context(lang: String = "en") throws -> RenderContext {
    let source = TemplateSource()
    return RenderContext(templates: source, table: try TranslationTable.load(lang: lang, from: source))
  }

  /// Compares output with `Tests/Golden/<scenario>/expected/<name>`; `HOMOLOG_UPDATE_GOLDEN=1` rewrites it.
  static func assertGolden(_ data: Data, scenario: String, name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let tests = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent()
    let expected = tests.appendingPathComponent("Golden/\(scenario)/expected/\(name)")
    if ProcessInfo.processInfo.environment["HOMOLOG_UPDATE_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(at: expected.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: expected)
      return
    }
    guard let golden = try? Data(contentsOf: expected) else {
      return XCTFail("missing golden \(expected.path): run with HOMOLOG_UPDATE_GOLDEN=1", file: file, line: line)
    }
    if golden != data {
      let goldenLines = String(decoding: golden, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      let actualLines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      let first = Array(zip(goldenLines, actualLines)).firstIndex { $0.0 != $0.1 } ?? min(goldenLines.count, actualLines.count)
      XCTFail(
        "\(name) differs from its golden at line \(first + 1):\n expected: \(first < goldenLines.count ? String(goldenLines[first]) : "<end>")\n"
          + "   actual: \(first < actualLines.count ? String(actualLines[first]) : "<end>")", file: file, line: line)
    }
  }
}
