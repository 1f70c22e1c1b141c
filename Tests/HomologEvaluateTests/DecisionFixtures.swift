import HomologModel

@testable import HomologEvaluate

/// Small dossiers built in code for the decision tests (regression, comparison, portfolio, gate).
enum DecisionFixtures {
  static func requirement(
    _ id: String, _ level: Level, _ category: String = "Architecture", status: RequirementStatus, weight: Double = 1
  ) -> RequirementResult {
    RequirementResult(
      id: id, sourceId: id, level: level, category: category, title: "Title of \(id)", statement: "Statement of \(id).",
      weight: weight, status: status, basis: .checks, applicability: nil, checks: [], attestation: nil, derogation: nil,
      attestable: false)
  }

  static func finding(_ rule: String, _ severity: Severity, tool: String = "Trivy", kind: FindingKind = .vulnerability) -> Finding {
    Finding(
      tool: tool, kind: kind, ruleId: rule, severity: severity, originalSeverity: severity.rawValue.uppercased(),
      title: "\(rule) title", location: FindingLocation(target: "app:1.0"), package: PackageRef(name: "libfoo", installedVersion: "1.0"),
      fingerprint: "fp-\(tool)-\(rule)")
  }

  static func coverage(_ component: String, _ percent: Double) -> ComponentCoverage {
    ComponentCoverage(
      component: component, role: .backend, lines: CoverageCounter(total: 1000, covered: Int(percent * 10)), branches: nil,
      percent: percent, threshold: 80, files: ["reports/\(component)/coverage.xml"])
  }

  static func derogation(_ id: String, requirement: String, state: DerogationState, expiresOn: String = "2026-12-15") -> DerogationEntry {
    DerogationEntry(
      id: id, requirement: requirement, justification: "Because.", compensatingMeasures: ["Review"], approvedBy: "Board",
      approvedOn: "2026-01-01", expiresOn: expiresOn, scope: nil, state: state, daysToExpiry: 20, unused: false)
  }

  /// A dossier whose verdict, score and counts follow from its requirements, as the evaluator computes them.
  static func dossier(
    name: String = "Demo", asOf: String = "2026-11-22", requirements: [RequirementResult], findings: [Finding] = [],
    coverage: [ComponentCoverage] = [], derogations: [DerogationEntry] = [], catalogueVersion: String = "27.05.2024",
    policy: Policy = Policy()
  ) -> Dossier {
    var counts = StatusCounts()
    for requirement in requirements { counts.add(requirement.status) }
    return Dossier(
      generator: ToolInfo(name: "homolog", version: "0.1.0"), asOf: asOf, lang: "en",
      project: ProjectSummary(
        name: name, version: "1.0", organisation: "Ministry", context: ProjectContext(),
        components: [ComponentSummary(name: "api", role: .backend)]),
      catalogue: CatalogueSummary(id: "cct", title: "CCT", version: catalogueVersion, sha256: "sha-\(catalogueVersion)"),
      verdict: Scoring.verdict(requirements), score: Scoring.score(requirements), counts: counts, requirements: requirements,
      derogations: derogations, evidence: [], ignored: [], unreadable: [], findings: findings, coverage: coverage, tests: [],
      policy: policy)
  }
}
