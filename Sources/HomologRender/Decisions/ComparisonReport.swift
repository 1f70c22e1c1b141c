import Foundation
import HomologModel

/// The outputs of `homolog compare`: the ranking as Markdown and HTML (from `templates/compare.*.mustache`), CSV
/// and JSON; labels in the table's language, every string from dossiers escaped for its format.
public struct ComparisonReport: Sendable {
  public var comparison: BidComparison
  public var context: RenderContext
  public var table: TranslationTable { context.table }

  public init(_ comparison: BidComparison, context: RenderContext) {
    self.comparison = comparison
    self.context = context
  }

  /// Every format, with its file name.
  public static let files: [(format: String, fileName: String)] = [
    ("md", "comparison.md"), ("html", "comparison.html"), ("csv", "comparison.csv"), ("json", "comparison.json"),
  ]

  /// The bytes of one format (`md`, `html`, `csv`, `json`).
  public func render(_ format: String) throws(InputError) -> Data {
    switch format {
    case "md", "html":
      return try DecisionPage.render("compare", format: format, view: ComparisonView(self, escape: DecisionPage.escape(for: format)), context: context)
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

  /// A mark on the comparison's scale in the table's language, `—` when there is none.
  func score(_ value: Double?) -> String {
    guard let value else { return "—" }
    return NumberFormatting.text(value, decimals: BidComparison.markDecimals(scale: comparison.scale), style: table.style)
  }

  func subtitle() -> String {
    var parts = [
      t("compare.catalogue", [MessageArg("title", comparison.catalogue.title), MessageArg("version", comparison.catalogue.version)]),
      t("compare.scale", [MessageArg.number("scale", comparison.scale, decimals: NumberFormatting.givenDecimals)]),
    ]
    if comparison.commonOnly {
      parts.append(t("compare.common", [MessageArg.number("count", Double(comparison.requirements.count), decimals: 0)]))
    }
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
            t("compare.policy.difference", [MessageArg("key", difference.key), difference.value.arg("value"), difference.reference.arg("reference")])
          }
          lines.append(
            t("compare.policy.bid-mixed", [name, sha(bid.ownPolicySha256), MessageArg("differences", differences.joined(separator: "; "))]))
        }
      }
      return lines
    }
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
