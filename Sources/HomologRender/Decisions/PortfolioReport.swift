import Foundation
import HomologModel

/// The outputs of `homolog portfolio`: one table of many applications as Markdown and HTML (from
/// `templates/portfolio.*.mustache`), CSV or JSON.
public struct PortfolioReport: Sendable {
  public var portfolio: Portfolio
  public var context: RenderContext
  public var table: TranslationTable { context.table }

  public init(_ portfolio: Portfolio, context: RenderContext) {
    self.portfolio = portfolio
    self.context = context
  }

  /// Every format, with its file name.
  public static let files: [(format: String, fileName: String)] = [
    ("md", "portfolio.md"), ("html", "portfolio.html"), ("csv", "portfolio.csv"), ("json", "portfolio.json"),
  ]

  /// The bytes of one format (`md`, `html`, `csv`, `json`).
  public func render(_ format: String) throws(InputError) -> Data {
    switch format {
    case "md", "html":
      let view = PortfolioView(portfolio, table: table, escape: DecisionPage.escape(for: format))
      return try DecisionPage.render("portfolio", format: format, view: view, context: context)
    case "csv": return Data(csv().utf8)
    case "json":
      do {
        var data = try JSONRenderer.encoder.encode(portfolio)
        data.append(0x0A)
        return data
      } catch {
        throw InputError("cannot encode the portfolio: \(error)")
      }
    default: throw InputError("unknown portfolio format '\(format)' (expected md, html, csv, json)")
    }
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
        row.eliminating.joined(separator: " "), CSVWriting.number(row.score), String(row.nonEvalue),
        row.expiringDerogations.joined(separator: " "), row.nextExpiry ?? "", row.expiredDerogations.joined(separator: " "),
        String(row.criticalVulnerabilities), String(row.highVulnerabilities),
      ])
    }
    return CSVWriting.document(rows)
  }
}
