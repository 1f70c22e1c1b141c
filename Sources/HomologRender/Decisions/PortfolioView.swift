import HomologModel

/// A portfolio prepared for `templates/portfolio.*.mustache`: labels localized, figures formatted, every dossier
/// string passed through `escape` (Markdown escaping, or none for HTML where Mustache escapes).
struct PortfolioView: Encodable {
  struct Labels: Encodable {
    var title, unreadable: String
    /// What ends a label before its value: ` :` in French, `:` in English.
    var colon: String
  }
  struct Row: Encodable {
    var application: String
    var version: String
    var asOf: String
    var eliminatoire: Bool
    var verdict: String
    /// The number of Primordial requirements not met, empty when none.
    var eliminatingCount: String
    var score: String
    var expiring: String
    /// The earliest expiry of the expiring derogations, empty when none.
    var nextExpiry: String
    var expired: String
    var critical: String
    var high: String
    var file: String
  }
  struct Unreadable: Encodable {
    var path: String
    var reason: String
  }

  var lang: String
  var labels: Labels
  var totals: String
  /// The column headings, in order.
  var header: [String]
  var rows: [Row]
  var hasUnreadable: Bool
  var unreadable: [Unreadable]

  init(_ portfolio: Portfolio, table: TranslationTable, escape: (String) -> String) {
    let t = { (key: String) in table.text(key) }
    let count = { (value: Int) in NumberFormatting.grouped(value, style: table.style) }
    lang = table.lang
    labels = Labels(title: t("portfolio.title"), unreadable: t("portfolio.unreadable"), colon: t("punctuation.colon"))
    let sums = portfolio.totals
    totals = table.text(
      "portfolio.totals",
      [
        .number("applications", Double(sums.applications), decimals: 0), .number("eliminatoire", Double(sums.eliminatoire), decimals: 0),
        .number("derogations", Double(sums.conformeAvecDerogations), decimals: 0), .number("conforme", Double(sums.conforme), decimals: 0),
        .number("expiring", Double(sums.expiringDerogations), decimals: 0), .number("expired", Double(sums.expiredDerogations), decimals: 0),
        .number("critical", Double(sums.criticalVulnerabilities), decimals: 0),
      ])
    header = [
      "portfolio.application", "portfolio.version", "portfolio.as-of", "portfolio.verdict", "portfolio.score",
      "portfolio.expiring", "portfolio.expired", "portfolio.critical", "portfolio.high", "portfolio.file",
    ].map(t)
    rows = portfolio.rows.map { row in
      Row(
        application: escape(row.application), version: escape(row.version ?? ""), asOf: escape(row.asOf),
        eliminatoire: row.verdict == .eliminatoire, verdict: t("decision.verdict.\(row.verdict.rawValue)"),
        eliminatingCount: row.eliminating.isEmpty ? "" : count(row.eliminating.count),
        score: row.score.map { NumberFormatting.text($0, style: table.style) } ?? "—", expiring: count(row.expiringDerogations.count),
        nextExpiry: row.expiringDerogations.isEmpty ? "" : escape(row.nextExpiry ?? ""), expired: count(row.expiredDerogations.count),
        critical: count(row.criticalVulnerabilities), high: count(row.highVulnerabilities), file: escape(row.file))
    }
    hasUnreadable = !portfolio.unreadable.isEmpty
    unreadable = portfolio.unreadable.map { Unreadable(path: escape($0.path), reason: escape(table.reason($0))) }
  }
}
