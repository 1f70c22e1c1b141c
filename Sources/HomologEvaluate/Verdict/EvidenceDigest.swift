import HomologModel

/// The evidence sections of the dossier: provenance with per-file figures, findings, coverage and tests per component.
enum EvidenceDigest {
  static func summaries(_ evidence: EvidenceSet) -> [EvidenceSummary] {
    evidence.files.map { file in
      let components = evidence.components.filter { $0.files.contains(file.id) }.map(\.name)
      var counts: SeverityCounts?
      if !file.findings.isEmpty || [FormatID](
        ["trivy-json", "grype-json", "sarif", "gitleaks-json", "gitlab-security-json", "gitlab-dependency-scanning-json", "checkov-json", "kubescape-json", "kube-linter-json", "polaris-json"]).contains(file.provenance.format) {
        var tally = SeverityCounts()
        for finding in file.findings { tally.add(finding.severity) }
        counts = tally
      }
      return EvidenceSummary(
        provenance: file.provenance, components: components, findings: counts,
        coverage: file.coverage.map { CoverageSummary(lines: $0.lines, branches: $0.branches) },
        tests: file.tests.map { TestSummary(total: $0.total, failed: $0.failed, errored: $0.errored, skipped: $0.skipped) },
        qualityGate: file.qualityGate?.status, kubernetesObjects: file.kubernetes.isEmpty ? nil : file.kubernetes.count)
    }
  }

  /// Every finding once (by fingerprint), most severe first, then by rule id and location, with the file it
  /// came from and the requirements whose checks judged it (a check judging its kind that read its file), or, for a
  /// configuration scanner's rule in `ScannerCheckMapping`, the requirements citing the check it matches.
  static func findings(_ evidence: EvidenceSet, requirements: [RequirementResult] = []) -> [Finding] {
    var judging: [String: [FindingKind]] = [:]
    for check in AllChecks.list { judging[check.id] = type(of: check).doc.judges }
    var seen = Set<String>()
    var unique: [Finding] = []
    for file in evidence.files {
      var tagsByKind: [FindingKind: [String]] = [:]
      for kind in Set(file.findings.map(\.kind)) {
        tagsByKind[kind] = requirements.filter { requirement in
          requirement.checks.contains { result in
            (judging[result.id] ?? []).contains(kind) && result.evidence.contains(file.id)
          }
        }.map(\.id)
      }
      for var finding in file.findings where seen.insert(finding.fingerprint).inserted {
        finding.evidence = finding.evidence ?? file.id
        if let tags = tagsByKind[finding.kind], !tags.isEmpty {
          finding.requirements = tags
        } else if let check = ScannerCheckMapping.check(tool: finding.tool, rule: finding.ruleId) {
          // A configuration scanner's rule that fails on what a homolog check fails on: that check's requirements.
          let cited = requirements.filter { $0.checks.contains { $0.id == check } }.map(\.id)
          if !cited.isEmpty { finding.requirements = cited }
        }
        unique.append(finding)
      }
    }
    return unique.sorted { a, b in
      if a.severity != b.severity { return a.severity > b.severity }
      if a.ruleId != b.ruleId { return a.ruleId < b.ruleId }
      return a.fingerprint < b.fingerprint
    }
  }

  static func coverage(_ evidence: EvidenceSet) -> [ComponentCoverage] {
    evidence.components.compactMap { component in
      let reports = evidence.files(of: component).filter { $0.coverage != nil }
      guard !reports.isEmpty else { return nil }
      let lines = reports.reduce(CoverageCounter()) { $0 + $1.coverage!.lines }
      let branchReports = reports.compactMap { $0.coverage?.branches }
      let branches = branchReports.isEmpty ? nil : branchReports.reduce(CoverageCounter(), +)
      let percent = NumberFormatting.percent(lines.covered, of: lines.total)
      return ComponentCoverage(
        component: component.name, role: component.role, lines: lines, branches: branches, percent: percent,
        threshold: evidence.policy.coverageMinimum(for: component.role), files: reports.map(\.id))
    }
  }

  static func tests(_ evidence: EvidenceSet) -> [ComponentTests] {
    evidence.components.compactMap { component in
      let reports = evidence.files(of: component).compactMap { file in file.tests.map { (file.id, $0) } }
      guard !reports.isEmpty else { return nil }
      let summary = reports.reduce(TestSummary(total: 0, failed: 0, errored: 0, skipped: 0)) { sum, entry in
        TestSummary(
          total: sum.total + entry.1.total, failed: sum.failed + entry.1.failed, errored: sum.errored + entry.1.errored,
          skipped: sum.skipped + entry.1.skipped)
      }
      return ComponentTests(component: component.name, role: component.role, summary: summary, files: reports.map(\.0))
    }
  }
}
