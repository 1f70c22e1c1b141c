import HomologModel

/// Aggregates applications' dossiers into one table: verdict, score, expiring and expired derogations,
/// open critical and high vulnerabilities. Linear in the number of dossiers.
public enum PortfolioSummary {
  /// The row of one dossier, `file` relative to the portfolio folder.
  public static func row(_ dossier: Dossier, file: String) -> PortfolioRow {
    let expiring = dossier.derogations.filter { $0.state == .expiring }.sorted { ($0.expiresOn, $0.id) < ($1.expiresOn, $1.id) }
    var critical = 0
    var high = 0
    for finding in dossier.findings where finding.kind == .vulnerability && finding.suppression == nil {
      if finding.severity == .critical { critical += 1 } else if finding.severity == .high { high += 1 }
    }
    return PortfolioRow(
      application: dossier.project.name, version: dossier.project.version, organisation: dossier.project.organisation, file: file,
      asOf: dossier.asOf, catalogueVersion: dossier.catalogue.version, verdict: dossier.verdict.status,
      eliminating: dossier.verdict.eliminating, score: dossier.score.important, nonEvalue: dossier.counts.nonEvalue,
      expiringDerogations: expiring.map(\.id), nextExpiry: expiring.first?.expiresOn,
      expiredDerogations: dossier.derogations.filter { $0.state == .expired }.map(\.id), criticalVulnerabilities: critical,
      highVulnerabilities: high)
  }

  /// The portfolio of these rows, sorted by application name then file, with totals.
  public static func portfolio(_ rows: [PortfolioRow], unreadable: [IgnoredFile] = []) -> Portfolio {
    let sorted = rows.sorted { ($0.application, $0.file) < ($1.application, $1.file) }
    var totals = PortfolioTotals()
    for row in sorted {
      totals.applications += 1
      switch row.verdict {
      case .eliminatoire: totals.eliminatoire += 1
      case .conformeAvecDerogations: totals.conformeAvecDerogations += 1
      case .conforme: totals.conforme += 1
      }
      totals.expiringDerogations += row.expiringDerogations.count
      totals.expiredDerogations += row.expiredDerogations.count
      totals.criticalVulnerabilities += row.criticalVulnerabilities
    }
    return Portfolio(totals: totals, rows: sorted, unreadable: unreadable.sorted { $0.path < $1.path })
  }
}
