import Foundation
import HomologModel

/// The outputs of `homolog compare`: the ranking as Markdown, HTML, CSV and JSON, labels in the table's
/// language, every string from dossiers escaped for its format.
public struct ComparisonReport: Sendable {
  public var comparison: BidComparison
  public var table: TranslationTable

  public init(_ comparison: BidComparison, table: TranslationTable) {
    self.comparison = comparison
    self.table = table
  }

  /// Every format, with its file name.
  public static let files: [(format: String, fileName: String)] = [
    ("md", "comparison.md"), ("html", "comparison.html"), ("csv", "comparison.csv"), ("json", "comparison.json"),
  ]

  /// The bytes of one format (`md`, `html`, `csv`, `json`).
  public func render(_ format: String) throws(InputError) -> Data {
    switch format {
    case "md": return Data(markdown().utf8)
    case "html": return Data(html().utf8)
    case "csv": return Data(csv().utf8)
    case "json":
      do {
        var data = try JSONRenderer.encoder.encode(comparison)
        data.append(0x0A)
        return data
      } catch {
        throw InputError("cannot encode the comparison: \(error)")
      }
    default: throw InputError("unknown comparison format '\(format)' (expected md, html, csv, json)")
    }
  }

  func t(_ key: String, _ args: [MessageArg] = []) -> String { table.text(Message(key, args)) }

  func score(_ value: Double?) -> String {
    guard let value else { return "—" }
    let decimals = BidComparison.markDecimals(scale: comparison.scale)
    return NumberFormatting.text(value, decimals: decimals, style: NumberFormatting.Style(lang: table.lang))
  }

  static let icons: [RequirementStatus: String] = [
    .conforme: "✅", .nonConforme: "❌", .derogation: "⚠️", .nonApplicable: "➖", .nonEvalue: "❔",
  ]

  /// Short status codes for HTML cells (emoji fonts are not everywhere an evaluator prints).
  static let codes: [RequirementStatus: String] = [
    .conforme: "C", .nonConforme: "NC", .derogation: "D", .nonApplicable: "NA", .nonEvalue: "NE",
  ]

  func subtitle() -> String {
    var parts = [
      t("compare.catalogue", [MessageArg("title", comparison.catalogue.title), MessageArg("version", comparison.catalogue.version)]),
      t("compare.scale", [MessageArg.number("scale", comparison.scale, decimals: NumberFormatting.givenDecimals)]),
    ]
    if comparison.commonOnly { parts.append(t("compare.common", [MessageArg("count", "\(comparison.requirements.count)")])) }
    return parts.joined(separator: " · ")
  }

  func verdict(_ bid: RankedBid) -> String {
    bid.eliminated ? t("compare.eliminated", [MessageArg("requirements", bid.eliminating.joined(separator: ", "))]) : t("compare.admissible")
  }

  /// The policy the ranking used, then one line per bid: what changed when judged again under the evaluator's
  /// policy, or a warning when bids were judged under different policies. Printed on stderr and in the reports.
  public func policyLines() -> [String] {
    let sha = { (hash: String) in MessageArg("sha", String(hash.prefix(12))) }
    switch comparison.policyBasis {
    case .common:
      return [t("compare.policy.common", [sha(comparison.policySha256 ?? "")])]
    case .evaluator:
      var lines = [t("compare.policy.evaluator", [sha(comparison.policySha256 ?? "")])]
      for bid in comparison.bids {
        let name = MessageArg("bid", bid.name)
        if bid.statusChanges.isEmpty {
          lines.append(t("compare.policy.bid-unchanged", [name, sha(bid.ownPolicySha256)]))
        } else {
          let changes = bid.statusChanges.map { change in
            t(
              "compare.policy.change",
              [
                MessageArg("requirement", change.requirement), MessageArg("before", change.before.rawValue),
                MessageArg("after", change.after.rawValue),
              ])
          }
          lines.append(t("compare.policy.bid-changes", [name, sha(bid.ownPolicySha256), MessageArg("changes", changes.joined(separator: ", "))]))
        }
        if !bid.notRejudged.isEmpty {
          lines.append(t("compare.policy.not-rejudged", [name, MessageArg("checks", bid.notRejudged.joined(separator: ", "))]))
        }
      }
      return lines
    case .mixed:
      var lines = [t("compare.policy.mixed")]
      for bid in comparison.bids {
        let name = MessageArg("bid", bid.name)
        if bid.policyDifferences.isEmpty {
          lines.append(t("compare.policy.bid-default", [name, sha(bid.ownPolicySha256)]))
        } else {
          let differences = bid.policyDifferences.map { difference in
            t(
              "compare.policy.difference",
              [MessageArg("key", difference.key), MessageArg("value", difference.value), MessageArg("reference", difference.reference)])
          }
          lines.append(
            t("compare.policy.bid-mixed", [name, sha(bid.ownPolicySha256), MessageArg("differences", differences.joined(separator: "; "))]))
        }
      }
      return lines
    }
  }

  func legend() -> String {
    RequirementStatus.allCases.map { "\(Self.icons[$0] ?? "") \(t("decision.status.\($0.rawValue)"))" }.joined(separator: " · ")
  }

  /// The ranking and the status grid in Markdown.
  public func markdown() -> String {
    let e = MarkdownEscaping.escape
    var lines = ["## \(t("compare.title"))", "", e(subtitle()), "", "### \(t("compare.policy"))", ""]
    lines += policyLines().map { "- " + e($0) }
    lines.append("")
    let header = [t("compare.rank"), t("compare.bid"), t("compare.verdict"), t("compare.score")] + comparison.categories.map(e)
    lines.append("| " + header.joined(separator: " | ") + " |")
    lines.append("|" + String(repeating: "---|", count: header.count))
    for bid in comparison.bids {
      let cells = [bid.rank.map(String.init) ?? "—", e(bid.name), (bid.eliminated ? "⛔ " : "✅ ") + e(verdict(bid)), score(bid.score)]
        + bid.categories.map { score($0.score) }
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    lines += ["", "### \(t("compare.statuses"))", "", legend(), ""]
    let grid = [t("compare.requirement"), t("compare.level")] + comparison.bids.map { e($0.name) }
    lines.append("| " + grid.joined(separator: " | ") + " |")
    lines.append("|" + String(repeating: "---|", count: grid.count))
    for requirement in comparison.requirements {
      let cells = [e(requirement.id), requirement.level.rawValue] + comparison.bids.map { bid in
        bid.statuses[requirement.id].map { Self.icons[$0] ?? $0.rawValue } ?? "—"
      }
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One self-contained page: inline CSS, no external request, every dossier string escaped.
  public func html() -> String {
    let x = XMLEscaping.escape
    var page = """
      <!DOCTYPE html>
      <html lang="\(x(table.lang))">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(x(t("compare.title")))</title>
      <style>
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#161616}
      table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
      th{background:#f0f0f5}td.num{text-align:right}tr.eliminated td{background:#fdecea}
      td.verdict{min-width:16rem}.out{color:#b00020;font-weight:bold}.in{color:#1b6e20;font-weight:bold}
      .scroll{overflow-x:auto}caption{text-align:left;font-weight:bold;padding:.3rem 0}
      td.status{text-align:center;font-weight:bold;font-size:.85rem}ul.mixed{color:#b00020;font-weight:bold}
      .conforme{background:#e3f4e4}.non_conforme{background:#fbd9d7}.derogation{background:#fff1c9}
      .non_applicable{background:#eeeeee;color:#555}.non_evalue{background:#e6e9f7}
      @media print{body{margin:0}}
      </style>
      </head>
      <body>
      <h1>\(x(t("compare.title")))</h1>
      <p>\(x(subtitle()))</p>
      <h2>\(x(t("compare.policy")))</h2>
      <ul class="policy\(comparison.policyBasis == .common ? "" : " \(comparison.policyBasis.rawValue)")">
      \(policyLines().map { "<li>\(x($0))</li>" }.joined(separator: "\n"))
      </ul>
      <div class="scroll"><table>
      <caption>\(x(t("compare.ranking")))</caption>
      <thead><tr><th scope="col">\(x(t("compare.rank")))</th><th scope="col">\(x(t("compare.bid")))</th><th scope="col">\(x(t("compare.verdict")))</th><th scope="col">\(x(t("compare.score")))</th>
      """
    for category in comparison.categories { page += "<th scope=\"col\">\(x(category))</th>" }
    page += "</tr></thead>\n<tbody>\n"
    for bid in comparison.bids {
      page += "<tr\(bid.eliminated ? " class=\"eliminated\"" : "")><td class=\"num\">\(bid.rank.map(String.init) ?? "—")</td>"
      page += "<th scope=\"row\">\(x(bid.name))</th><td class=\"verdict \(bid.eliminated ? "out" : "in")\">\(x(verdict(bid)))</td>"
      page += "<td class=\"num\">\(x(score(bid.score)))</td>"
      for mark in bid.categories { page += "<td class=\"num\">\(x(score(mark.score)))</td>" }
      page += "</tr>\n"
    }
    page += "</tbody>\n</table></div>\n<div class=\"scroll\"><table>\n<caption>\(x(t("compare.statuses")))</caption>\n"
    page += "<thead><tr><th scope=\"col\">\(x(t("compare.requirement")))</th><th scope=\"col\">\(x(t("compare.level")))</th>"
    for bid in comparison.bids { page += "<th scope=\"col\">\(x(bid.name))</th>" }
    page += "</tr></thead>\n<tbody>\n"
    for requirement in comparison.requirements {
      page += "<tr><th scope=\"row\" title=\"\(x(requirement.title))\">\(x(requirement.id))</th><td>\(requirement.level.rawValue)</td>"
      for bid in comparison.bids {
        let status = bid.statuses[requirement.id]
        let label = status.map { t("decision.status.\($0.rawValue)") } ?? "—"
        page += "<td class=\"status \(status?.rawValue ?? "")\" title=\"\(x(label))\"><abbr title=\"\(x(label))\">"
        page += "\(status.map { Self.codes[$0] ?? "" } ?? "—")</abbr></td>"
      }
      page += "</tr>\n"
    }
    let key = RequirementStatus.allCases.map { "<span class=\"\($0.rawValue)\">\(Self.codes[$0] ?? "")</span> \(x(t("decision.status.\($0.rawValue)")))" }
    page += "</tbody>\n</table></div>\n<p>\(key.joined(separator: " · "))</p>\n</body>\n</html>\n"
    return page
  }

  /// One row per bid: rank, name, eliminated, eliminating requirements, score, category scores, then each
  /// requirement's status. Numbers with a dot; cells neutralized against formula injection.
  public func csv() -> String {
    var rows = [
      ["rank", "bid", "file", "eliminated", "eliminating", "score"] + comparison.categories + comparison.requirements.map(\.id)
    ]
    let decimals = BidComparison.markDecimals(scale: comparison.scale)
    for bid in comparison.bids {
      rows.append(
        [
          bid.rank.map(String.init) ?? "", bid.name, bid.file ?? "", bid.eliminated ? "true" : "false",
          bid.eliminating.joined(separator: " "), CSVWriting.number(bid.score, decimals: decimals),
        ] + bid.categories.map { CSVWriting.number($0.score, decimals: decimals) }
          + comparison.requirements.map { bid.statuses[$0.id]?.rawValue ?? "" })
    }
    return CSVWriting.document(rows)
  }
}
