import Foundation
import HomologModel
import HomologRender

/// Dossiers built by hand for the schema tests: the least one (every optional field absent) and the fullest one
/// (every optional field present, every variant of the encoded enums with payloads).
enum SchemaTestDossiers {
  /// A dossier with no optional field set, as the model's initializer leaves it.
  static func least() -> Dossier {
    Dossier(
      generator: ToolInfo(name: "homolog"), asOf: "2026-11-22", lang: "fr",
      project: ProjectSummary(name: "App", version: nil, organisation: nil, context: ProjectContext(), components: []),
      catalogue: CatalogueSummary(id: "cct", title: "CCT", version: "1", sha256: String(repeating: "0", count: 64)),
      verdict: Verdict(eliminatory: false, status: .conforme, eliminating: []),
      score: Score(important: nil, importantWithoutDerogations: nil, met: 0, metWithoutDerogations: 0, applicable: 0, formula: "f", categories: []),
      counts: StatusCounts(), requirements: [], derogations: [], evidence: [], ignored: [], unreadable: [], findings: [], coverage: [],
      tests: [], policy: Policy())
  }

  /// A dossier with every optional field of every type set at least once.
  static func fullest() -> Dossier {
    let hex = String(repeating: "ab", count: 32)
    let location = SourceLocation(file: "reports/trivy.json", line: 3, column: 5, jsonPath: "$.Results[0]")
    let object = ObjectRef(kind: "Deployment", namespace: "app", name: "api", container: "api", helmSource: "chart/templates/api.yaml")
    var number = MessageArg.number("count", 2.5, decimals: 2)
    number.decimals = 2
    let message = Message("check.summary", [MessageArg("name", "api"), number])
    var observation = Observation(message, problem: true, severity: .high, evidence: "reports/trivy.json", location: location, object: object, enforced: true)
    observation.text = "texte"
    let measured = MeasuredFinding(
      ruleId: "CVE-1", severity: .critical, title: "t", tool: "Trivy", package: "openssl", installedVersion: "1", fixedVersion: "2",
      evidence: "reports/trivy.json", location: location)
    var severities = SeverityCounts()
    severities.add(.critical)
    let findings = FindingMeasurement(
      files: ["reports/trivy.json"], counts: severities, listed: [measured],
      scanFailures: [ScanFailure(scope: .codeAnalysis, messages: ["error: crashed"], evidence: "reports/sast.json")])
    func check(_ id: String, _ measurement: CheckMeasurement?) -> CheckResult {
      var result = CheckResult(id: id, outcome: .fail, summary: message, observations: [observation], evidence: ["reports/trivy.json"])
      result.summaryText = "résumé"
      result.measurement = measurement
      return result
    }
    let coverage = CoverageMeasurement(
      role: .backend, components: [.init(name: "api", lines: CoverageCounter(total: 10, covered: 5), files: ["cov.xml"])])
    var attestation = AttestationRecord(
      requirement: "EXI-1", statement: "s", author: "a", date: "2026-01-01",
      evidence: [AttestedFile(path: "doc.pdf", sha256: hex, bytes: 3)], links: ["https://example.org"], valid: false,
      problem: Message("attestation.stale"))
    attestation.parts = ["a"]
    attestation.problemText = "périmée"
    var requirement = RequirementResult(
      id: "EXI-1", sourceId: "EXI-ORG-1", level: .important, category: "Code", title: "T", statement: "S", weight: 1.5,
      status: .derogation, basis: .both, applicability: Message("applicability.exposure"),
      parts: [
        PartResult(id: "a", text: "x", proof: .either, checks: ["vuln.thresholds"], note: "n", status: .failed, basis: .none, reasons: [message])
      ],
      checks: [
        check("vuln.thresholds", .vulnerabilities(findings)), check("sast.no-blocking", .staticAnalysis(findings)),
        check("coverage.backend", .coverage(coverage)),
      ],
      attestation: attestation, attestations: [attestation], derogation: "DER-1", attestable: true)
    requirement.applicabilityText = "s'applique"
    requirement.parts[0].reasonTexts = ["raison"]
    let finding: Finding = {
      var finding = Finding(
        tool: "Trivy", kind: .vulnerability, ruleId: "CVE-1", severity: .critical, originalSeverity: "CRITICAL", title: "t",
        location: FindingLocation(path: "go.sum", line: 1, endLine: 2, target: "image"),
        package: PackageRef(name: "openssl", installedVersion: "1", fixedVersion: "2"), cve: ["CVE-1"], cwe: ["CWE-79"],
        fingerprint: "fp", suppression: "not_affected", evidence: "reports/trivy.json", requirements: ["EXI-1"])
      finding.workload = object
      finding.components = ["api"]
      return finding
    }()
    let lines = CoverageCounter(total: 10, covered: 8)
    var dossier = Dossier(
      generator: ToolInfo(name: "homolog", version: "0.1.0"), asOf: "2026-11-22", lang: "en",
      project: ProjectSummary(
        name: "App", version: "1.0", organisation: "Org",
        context: ProjectContext(
          exposure: .internet, dataSensitivity: .dr, personalData: true, hosting: .cloudPi, procurement: false, roles: [.backend],
          deployment: .consoleArgoCD, environments: ["prod"]),
        components: [ComponentSummary(name: "api", role: .backend)]),
      catalogue: CatalogueSummary(id: "cct", title: "CCT", version: "1", sha256: hex),
      verdict: Verdict(eliminatory: false, status: .conformeAvecDerogations, eliminating: []),
      score: Score(
        important: 75, importantWithoutDerogations: 50, met: 1.5, metWithoutDerogations: 1, applicable: 2, formula: "f",
        categories: [
          CategoryScore(category: "Code", important: 75, importantWithoutDerogations: 50, met: 1.5, metWithoutDerogations: 1, applicable: 2)
        ]),
      counts: StatusCounts(), requirements: [requirement],
      derogations: [
        DerogationEntry(
          id: "DER-1", requirement: "EXI-1", justification: "j", compensatingMeasures: ["m"], approvedBy: "RSSI", approvedOn: "2026-01-01",
          expiresOn: "2026-12-01", scope: "api", state: .expiring, daysToExpiry: 9, unused: false, owner: "Équipe API")
      ],
      evidence: [
        EvidenceSummary(
          provenance: Provenance(
            path: "reports/trivy.json", sha256: hex, bytes: 10, format: "trivy-json", tool: ToolInfo(name: "Trivy", version: "0.50"),
            generatedAt: "2026-11-21T10:00:00Z"),
          components: ["api"], findings: severities, coverage: CoverageSummary(lines: lines, branches: lines),
          tests: TestSummary(total: 3, failed: 1, errored: 0, skipped: 1), qualityGate: .error, kubernetesObjects: 4)
      ],
      ignored: [
        IgnoredFile(path: "a", reason: .empty, bytes: 10, limit: 5), IgnoredFile(path: "b", reason: .unknownXML(root: "project")),
        IgnoredFile(path: "c", reason: .platformReports(kind: "ClusterVulnerabilityReport", count: 2)),
      ],
      unreadable: [IgnoredFile(path: "d", reason: "broken at line 3")], findings: [finding],
      coverage: [
        ComponentCoverage(component: "api", role: .backend, lines: lines, branches: lines, percent: 80, threshold: 100, files: ["cov.xml"])
      ],
      tests: [ComponentTests(component: "api", role: .backend, summary: TestSummary(total: 3, failed: 1, errored: 0, skipped: 1), files: ["junit.xml"])],
      policy: Policy(vulnerabilities: SeverityLimits(critical: 0, high: 0, medium: 5, low: 10, info: 20)),
      admission: [
        AdmissionRule(
          policy: "disallow-latest", check: "k8s.image-tag-pinned", action: .validate, requirement: "EXI-1", outcome: .refusedInProduction,
          entries: [AdmissionEntry(observation: observation, action: .validate)])
      ],
      regression: Regression(
        baselineAsOf: "2026-11-01", newFindings: [finding], fixedFindings: [], coverageChanges: [
          CoverageChange(component: "api", before: 90, after: 80, linesBefore: CoverageCounter(total: 10, covered: 9), linesAfter: lines)
        ], scoreBefore: 80, scoreAfter: 75, statusChanges: [StatusChange(requirement: "EXI-1", before: .conforme, after: .derogation)],
        derogationsAdded: ["DER-1"], derogationsExpired: [], reasons: [message]))
    dossier.counts.add(.derogation)
    dossier.ignored[0].reasonText = "fichier vide"
    dossier.policySha256 = hex
    dossier.gate = ["eliminatory"]
    dossier.regression?.reasonTexts = ["raison"]
    var result = PolicyResult(
      policy: "require-labels", rule: "check", status: .fail, object: object, message: "m", source: "kyverno", evidence: "pr.yaml", location: location)
    result.components = ["api"]
    var counts = PolicyStatusCounts()
    counts.add(.fail)
    dossier.admissionReported = [ReportedPolicy(policy: "require-labels", check: "k8s.labels", counts: counts, results: [result])]
    dossier.decision = HomologationDecision(
      proposal: .favorableWithReservations, validityMonths: 6, validUntil: "2026-12-01",
      reasons: [
        .scoreBand(score: 75, minimum: 75, months: 24), .criticalVulnerabilities(count: 1, months: 6),
        .highVulnerabilities(count: 2, months: 12), .derogationExpiry(derogation: "DER-1", expiresOn: "2026-12-01"),
      ],
      blocking: [DecisionItem(kind: .requirementNotMet, requirement: "EXI-2", level: .primordial, status: .nonConforme)],
      reservations: [
        DecisionItem(
          kind: .derogation, requirement: "EXI-1", level: .important, status: .derogation, derogation: "DER-1", expiresOn: "2026-12-01",
          owner: "Équipe API", due: "2026-12-01")
      ],
      authority: DecisionPerson(name: "Préfète", function: "Autorité d'homologation"),
      signatories: [DecisionPerson(name: "A. Martin", function: "RSSI")],
      policy: DecisionPolicy(actions: [PlannedAction(requirement: "EXI-1", owner: "Équipe API", due: Day("2026-12-01"))]))
    dossier.staleDeclarations = [
      StaleDeclaration(file: "attestations.yaml", line: 3, kind: .attestation, id: nil, requirement: "EXI-G-5", likely: "EXI-G-50"),
      StaleDeclaration(file: "derogations.yaml", line: 4, kind: .derogation, id: "DER-2026-04", requirement: "EXI-ORG-10", likely: nil),
    ]
    dossier.declarations = [
      DeclarationFile(path: "homolog.yaml", kind: .project, sha256: hex, bytes: 120),
      DeclarationFile(path: "derogations.yaml", kind: .derogations, sha256: hex, bytes: 64),
    ]
    return dossier
  }

  /// Writes a dossier as evaluate does, then lets `edit` change its JSON (to fake another version).
  static func write(_ dossier: Dossier, to url: URL, edit: (inout [String: Any]) -> Void = { _ in }) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    var json = try JSONSerialization.jsonObject(with: JSONRenderer.encoder.encode(dossier)) as! [String: Any]
    edit(&json)
    try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: url)
  }
}
