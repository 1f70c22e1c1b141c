import Foundation
import HomologModel

/// The outputs of `homolog portfolio`: one table of many applications as Markdown, CSV or JSON.
public struct PortfolioReport: Sendable {
  public var portfolio: Portfolio
  public var table: TranslationTable

  public init(_ portfolio: Portfolio, table: TranslationTable) {
    self.portfolio = portfolio
    self.table = table
  }

  /// Every format, with its file name.
  public static let files: [(format: String, fileName: String)] = [
    ("md", "portfolio.md"), ("csv", "portfolio.csv"), ("json", "portfolio.json"),
  ]

  /// The bytes of one format (`md`, `csv`, `json`).
  public func render(_ format: String) throws(InputError) -> Data {
    switch format {
    case "md": return Data(markdown().utf8)
    case "csv": return Data(csv().utf8)
    case "json":
      do {
        var data = try JSONRenderer.encoder.encode(portfolio)
        data.append(0x0A)
        return data
      } catch {
        throw InputError("cannot encode the portfolio: \(error)")
      }
    default: throw InputError("unknown portfolio format '\(format)' (expected md, csv, json)")
    }
  }

  func t(_ key: String, _ args: [MessageArg] = []) -> String { table.text(Message(key, args)) }

  func score(_ value: Double?) -> String {
    guard let value else { return "—" }
    return NumberFormatting.text(value, style: NumberFormatting.Style(lang: table.lang))
  }

  /// Totals, then one line per application.
  public func markdown() -> String {
    let e = MarkdownEscaping.escape
    let totals = portfolio.totals
    var lines = [
      "## \(t("portfolio.title"))", "",
      t(
        "portfolio.totals",
        [
          MessageArg("applications", "\(totals.applications)"), MessageArg("eliminatoire", "\(totals.eliminatoire)"),
          MessageArg("derogations", "\(totals.conformeAvecDerogations)"), MessageArg("conforme", "\(totals.conforme)"),
          MessageArg("expiring", "\(totals.expiringDerogations)"), MessageArg("expired", "\(totals.expiredDerogations)"),
          MessageArg("critical", "\(totals.criticalVulnerabilities)"),
        ]), "",
    ]
    let header = [
      "portfolio.application", "portfolio.version", "portfolio.as-of", "portfolio.verdict", "portfolio.score",
      "portfolio.expiring", "portfolio.expired", "portfolio.critical", "portfolio.high", "portfolio.file",
    ].map { t($0) }
    lines.append("| " + header.joined(separator: " | ") + " |")
    lines.append("|" + String(repeating: "---|", count: header.count))
    for row in portfolio.rows {
      let verdict = t("decision.verdict.\(row.verdict.rawValue)")
        + (row.eliminating.isEmpty ? "" : " (\(row.eliminating.count))")
      let expiring = row.expiringDerogations.isEmpty ? "0" : "\(row.expiringDerogations.count) (\(e(row.nextExpiry ?? "")))"
      let cells = [
        e(row.application), e(row.version ?? ""), e(row.asOf), (row.verdict == .eliminatoire ? "⛔ " : "") + verdict, score(row.score),
        expiring, "\(row.expiredDerogations.count)", "\(row.criticalVulnerabilities)", "\(row.highVulnerabilities)", e(row.file),
      ]
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    if !portfolio.unreadable.isEmpty {
      lines += ["", "### \(t("portfolio.unreadable"))", ""]
      for file in portfolio.unreadable { lines.append("- \(e(file.path)): \(e(table.reason(file)))") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One row per application, machine-readable columns; cells neutralized against formula injection.
  public func csv() -> String {
    var rows = [
      [
        "application", "version", "organisation", "file", "as_of", "catalogue_version", "verdict", "eliminating", "score",
        "non_evalue", "expiring_derogations", "next_expiry", "expired_derogations", "critical_vulnerabilities",
        "high_vulnerabilities",
      ]
    ]
    for row in portfolio.rows {
      rows.append([
        row.application, row.version ?? "", row.organisation ?? "", row.file, row.asOf, row.catalogueVersion, row.verdict.rawValue,
        row.eliminating.joined(separator: " "), CSVWriting.number(row.score), "\(row.nonEvalue)",
        row.expiringDerogations.joined(separator: " "), row.nextExpiry ?? "", row.expiredDerogations.joined(separator: " "),
        "\(row.criticalVulnerabilities)", "\(row.highVulnerabilities)",
      ])
    }
    return CSVWriting.document(rows)
  }
}
