import HomologModel

/// A diff between two dossiers prepared for `templates/diff.*.mustache`: labels localized, figures formatted,
/// every dossier string passed through `escape` (Markdown escaping, or none for HTML where Mustache escapes).
struct DiffView: Encodable {
  struct Labels: Encodable {
    var title, baseline, current, asOf, verdict, score, regression, noRegression, reasons, coverage, component: String
    var before, after, statusChanges, requirement, severity, rule, tool, finding, location, none: String
    /// What ends a label before its value: ` :` in French, `:` in English.
    var colon: String
  }
  struct Side: Encodable {
    var asOf: String
    var verdict: String
    var score: String
  }
  struct FindingRow: Encodable {
    var severity: String
    /// The severity's code (`critical`…), a class name.
    var severityCode: String
    var rule: String
    var tool: String
    var title: String
    var place: String
  }
  /// New or fixed findings: the first `DiffReport.listedFindings`, then how many more.
  struct FindingSection: Encodable {
    var heading: String
    var count: String
    var hasFindings: Bool
    var findings: [FindingRow]
    /// `… and N more`, empty when every finding is listed.
    var more: String
  }
  struct Coverage: Encodable {
    var component: String
    var before: String
    var after: String
  }
  struct Status: Encodable {
    var requirement: String
    var before: String
    var beforeCode: String
    var after: String
    var afterCode: String
  }
  struct Derogations: Encodable {
    var label: String
    var ids: String
  }

  var lang: String
  var labels: Labels
  var project: String
  var baseline: Side
  var current: Side
  var isRegression: Bool
  var reasons: [String]
  var findingSections: [FindingSection]
  var hasCoverage: Bool
  var coverage: [Coverage]
  var hasStatusChanges: Bool
  var statusChanges: [Status]
  var hasDerogationLists: Bool
  var derogationLists: [Derogations]

  init(_ report: DiffReport, table: TranslationTable, escape: @escaping (String) -> String) {
    let t = { (key: String) in table.text(key) }
    let number = { (value: Double?) in value.map { NumberFormatting.text($0, style: table.style) } ?? "—" }
    let count = { (value: Int) in NumberFormatting.grouped(value, style: table.style) }
    lang = table.lang
    labels = Labels(
      title: t("diff.title"), baseline: t("diff.baseline"), current: t("diff.current"), asOf: t("diff.as-of"), verdict: t("diff.verdict"),
      score: t("diff.score"), regression: t("diff.regression"), noRegression: t("diff.no-regression"), reasons: t("diff.reasons"),
      coverage: t("diff.coverage"), component: t("diff.component"), before: t("diff.before"), after: t("diff.after"),
      statusChanges: t("diff.status-changes"), requirement: t("diff.requirement"), severity: t("diff.severity"), rule: t("diff.rule"),
      tool: t("diff.tool"), finding: t("diff.finding"), location: t("diff.location"), none: t("diff.none"),
      colon: t("punctuation.colon"))
    project = escape(report.current.project)
    let side = { (side: DiffReport.Side) in
      Side(asOf: escape(side.asOf), verdict: t("decision.verdict.\(side.verdict.rawValue)"), score: number(side.score))
    }
    baseline = side(report.baseline)
    current = side(report.current)
    let regression = report.regression
    isRegression = report.isRegression
    reasons = regression.reasons.map { escape(table.text($0)) }
    findingSections = [(t("diff.new-findings"), regression.newFindings), (t("diff.fixed-findings"), regression.fixedFindings)].map { heading, list in
      let rows = list.prefix(DiffReport.listedFindings).map { finding in
        let place =
          finding.location.map { location in
            [location.path.map { path in location.line.map { "\(path):\($0)" } ?? path }, location.target].compactMap { $0 }.first ?? ""
          } ?? ""
        return FindingRow(
          severity: t("severity.\(finding.severity.rawValue)"), severityCode: finding.severity.rawValue, rule: escape(finding.ruleId),
          tool: escape(finding.tool), title: escape(finding.title), place: escape(place))
      }
      let hidden = list.count - rows.count
      return FindingSection(
        heading: heading, count: count(list.count), hasFindings: !rows.isEmpty, findings: Array(rows),
        more: hidden > 0 ? table.text("diff.more", [.number("count", Double(hidden), decimals: 0)]) : "")
    }
    coverage = regression.coverageChanges.map { Coverage(component: escape($0.component), before: number($0.before), after: number($0.after)) }
    hasCoverage = !coverage.isEmpty
    let status = { (value: RequirementStatus) in t("decision.status.\(value.rawValue)") }
    statusChanges = regression.statusChanges.map { change in
      Status(
        requirement: escape(change.requirement), before: status(change.before), beforeCode: change.before.rawValue,
        after: status(change.after), afterCode: change.after.rawValue)
    }
    hasStatusChanges = !statusChanges.isEmpty
    derogationLists = [("diff.derogations-added", regression.derogationsAdded), ("diff.derogations-expired", regression.derogationsExpired)]
      .filter { !$0.1.isEmpty }
      .map { Derogations(label: t($0.0), ids: $0.1.map(escape).joined(separator: ", ")) }
    hasDerogationLists = !derogationLists.isEmpty
  }
}
