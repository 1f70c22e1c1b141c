import Foundation
import HomologModel

/// What `homolog diff` prints: both dossiers' headline figures and the regression between them.
public struct DiffReport: Codable, Sendable {
  /// Schema identifier of the JSON shape.
  public static let schemaID = "homolog-diff/1"

  /// A dossier's headline, as the diff shows it.
  public struct Side: Codable, Sendable {
    public var project: String
    public var asOf: String
    public var catalogueVersion: String
    public var verdict: VerdictStatus
    public var score: Double?
    public init(_ dossier: Dossier) {
      project = dossier.project.name
      asOf = dossier.asOf
      catalogueVersion = dossier.catalogue.version
      verdict = dossier.verdict.status
      score = dossier.score.important
    }
  }

  public var schema: String
  public var baseline: Side
  public var current: Side
  public var isRegression: Bool
  public var regression: Regression

  public init(baseline: Dossier, current: Dossier, regression: Regression) {
    schema = Self.schemaID
    self.baseline = Side(baseline)
    self.current = Side(current)
    isRegression = regression.isRegression
    self.regression = regression
  }

  /// The report as JSON (sorted keys, snake_case, like the dossier).
  public func json() throws(InputError) -> Data {
    do {
      var data = try JSONRenderer.encoder.encode(self)
      data.append(0x0A)
      return data
    } catch {
      throw InputError("cannot encode the diff: \(error)")
    }
  }

  /// Findings listed per table before "… and N more".
  static let listedFindings = 50

  /// The report as Markdown, labels in the table's language, evidence text escaped.
  public func markdown(_ table: TranslationTable) -> String {
    let e = MarkdownEscaping.escape
    func t(_ key: String) -> String { table.text(Message(key)) }
    func status(_ value: RequirementStatus) -> String { t("decision.status.\(value.rawValue)") }
    let style = NumberFormatting.Style(lang: table.lang)
    func number(_ value: Double?) -> String { value.map { NumberFormatting.text($0, style: style) } ?? "—" }
    var lines: [String] = []
    lines.append("## \(t("diff.title"))")
    lines.append("")
    lines.append("**\(e(current.project))**")
    lines.append("")
    lines.append("| | \(t("diff.baseline")) | \(t("diff.current")) |")
    lines.append("|---|---|---|")
    lines.append("| \(t("diff.as-of")) | \(e(baseline.asOf)) | \(e(current.asOf)) |")
    lines.append("| \(t("diff.verdict")) | \(t("decision.verdict.\(baseline.verdict.rawValue)")) | \(t("decision.verdict.\(current.verdict.rawValue)")) |")
    lines.append("| \(t("diff.score")) | \(number(baseline.score)) | \(number(current.score)) |")
    lines.append("")
    if isRegression {
      lines.append("⛔ **\(t("diff.regression"))**")
      lines.append("")
      lines.append("### \(t("diff.reasons"))")
      lines.append("")
      for reason in regression.reasons { lines.append("- \(e(table.text(reason)))") }
    } else {
      lines.append("✅ \(t("diff.no-regression"))")
    }
    func findings(_ title: String, _ list: [Finding]) {
      lines.append("")
      lines.append("### \(title) (\(list.count))")
      lines.append("")
      guard !list.isEmpty else {
        lines.append("_\(t("diff.none"))_")
        return
      }
      lines.append("| \(t("diff.severity")) | \(t("diff.rule")) | \(t("diff.tool")) | \(t("diff.finding")) | \(t("diff.location")) |")
      lines.append("|---|---|---|---|---|")
      for finding in list.prefix(Self.listedFindings) {
        let place = finding.location.map { location in
          [location.path.map { path in location.line.map { "\(path):\($0)" } ?? path }, location.target].compactMap { $0 }.first ?? ""
        } ?? ""
        lines.append(
          "| \(table.text(Message("severity.\(finding.severity.rawValue)"))) | \(e(finding.ruleId)) | \(e(finding.tool)) | \(e(finding.title)) | \(e(place)) |")
      }
      if list.count > Self.listedFindings {
        lines.append("")
        lines.append(table.text(Message("diff.more", [MessageArg("count", "\(list.count - Self.listedFindings)")])))
      }
    }
    findings(t("diff.new-findings"), regression.newFindings)
    findings(t("diff.fixed-findings"), regression.fixedFindings)
    if !regression.coverageChanges.isEmpty {
      lines.append("")
      lines.append("### \(t("diff.coverage"))")
      lines.append("")
      lines.append("| \(t("diff.component")) | \(t("diff.before")) | \(t("diff.after")) |")
      lines.append("|---|---|---|")
      for change in regression.coverageChanges {
        lines.append("| \(e(change.component)) | \(number(change.before)) | \(number(change.after)) |")
      }
    }
    if !regression.statusChanges.isEmpty {
      lines.append("")
      lines.append("### \(t("diff.status-changes"))")
      lines.append("")
      lines.append("| \(t("diff.requirement")) | \(t("diff.before")) | \(t("diff.after")) |")
      lines.append("|---|---|---|")
      for change in regression.statusChanges {
        lines.append("| \(e(change.requirement)) | \(status(change.before)) | \(status(change.after)) |")
      }
    }
    for (key, ids) in [("diff.derogations-added", regression.derogationsAdded), ("diff.derogations-expired", regression.derogationsExpired)]
    where !ids.isEmpty {
      lines.append("")
      lines.append("**\(t(key))**: \(ids.map(e).joined(separator: ", "))")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
