import HomologModel

extension DossierView {
  /// Open vulnerabilities (not suppressed) per severity against the policy's limits: the rows, the findings
  /// of severities over their limit (residual risks) and the others (within limits or unlimited).
  static func risks(
    _ dossier: Dossier, ui: UILabels, escape: (String) -> String
  ) -> (rows: [SeverityRow], above: [FindingRow], within: [FindingRow]) {
    let open = dossier.findings.filter(\.isOpenVulnerability)
    var counts = SeverityCounts()
    for finding in open { counts.add(finding.severity) }
    let limits = dossier.policy.vulnerabilities
    let rows = Severity.allCases.map { severity in
      SeverityRow(
        severity: severity.rawValue, label: ui["severity.\(severity.rawValue)"], count: counts[severity],
        limit: limits[severity].map(String.init) ?? ui["risks.no_limit"], hasLimit: limits[severity] != nil,
        exceeded: limits[severity].map { counts[severity] > $0 } ?? false)
    }
    let exceeded = Set(rows.filter(\.exceeded).map(\.severity))
    let above = open.filter { exceeded.contains($0.severity.rawValue) }.map { findingRow($0, ui: ui, escape: escape) }
    let within = open.filter { !exceeded.contains($0.severity.rawValue) }.map { findingRow($0, ui: ui, escape: escape) }
    return (rows, above, within)
  }

  /// A finding as one table row, every text escaped.
  static func findingRow(_ finding: Finding, ui: UILabels, escape: (String) -> String) -> FindingRow {
    var location: String?
    if let path = finding.location?.path {
      location = path + (finding.location?.line.map { ":\($0)" } ?? "")
    } else {
      location = finding.location?.target
    }
    return FindingRow(
      severity: finding.severity.rawValue, severityLabel: ui["severity.\(finding.severity.rawValue)"],
      kindLabel: ui["kind.\(finding.kind.rawValue)"], ruleId: escape(finding.ruleId), title: escape(finding.title),
      tool: escape(finding.tool), package: finding.package.map { escape($0.name) },
      installed: finding.package?.installedVersion.map(escape), fixed: finding.package?.fixedVersion.map(escape),
      location: location.map(escape))
  }
}
