import HomologModel

/// A comparison of bids prepared for `templates/compare.*.mustache`: labels localized, marks formatted,
/// every dossier string passed through `escape` (Markdown escaping, or none for HTML where Mustache escapes).
struct ComparisonView: Encodable {
  struct Labels: Encodable {
    var title, policy, ranking, rank, bid, verdict, score, statuses, requirement, level: String
  }
  struct Bid: Encodable {
    /// `1`, `2`… or `—` for an eliminated bid.
    var rank: String
    var name: String
    var eliminated: Bool
    /// `éliminée : EXI-…` or `recevable`.
    var verdict: String
    var score: String
    /// One mark per category, in the comparison's category order.
    var marks: [String]
  }
  /// One requirement's status for one bid; `status` is empty when the bid lacks the requirement.
  struct Cell: Encodable {
    var status: String
    var code: String
    var icon: String
    var label: String
  }
  struct Requirement: Encodable {
    var id: String
    var title: String
    var level: String
    var cells: [Cell]
  }
  /// One entry of the status legend; `last` is true for the last one (no separator after it).
  struct Key: Encodable {
    var status: String
    var code: String
    var icon: String
    var label: String
    var last: Bool
  }

  var lang: String
  var labels: Labels
  var subtitle: String
  /// `evaluator` or `mixed` (a class of the policy list), empty for a common policy.
  var policyClass: String
  var policyLines: [String]
  var categories: [String]
  var bids: [Bid]
  var requirements: [Requirement]
  var legend: [Key]

  /// Markdown icons of the statuses.
  static let icons: [RequirementStatus: String] = [
    .conforme: "✅", .nonConforme: "❌", .derogation: "⚠️", .nonApplicable: "➖", .nonEvalue: "❔",
  ]

  /// Short status codes for HTML cells (emoji fonts are not everywhere an evaluator prints).
  static let codes: [RequirementStatus: String] = [
    .conforme: "C", .nonConforme: "NC", .derogation: "D", .nonApplicable: "NA", .nonEvalue: "NE",
  ]

  init(_ report: ComparisonReport, escape: (String) -> String) {
    let comparison = report.comparison
    let table = report.table
    let t = { (key: String) in table.text(key) }
    lang = table.lang
    labels = Labels(
      title: t("compare.title"), policy: t("compare.policy"), ranking: t("compare.ranking"), rank: t("compare.rank"),
      bid: t("compare.bid"), verdict: t("compare.verdict"), score: t("compare.score"), statuses: t("compare.statuses"),
      requirement: t("compare.requirement"), level: t("compare.level"))
    subtitle = escape(report.subtitle())
    policyClass = comparison.policyBasis == .common ? "" : comparison.policyBasis.rawValue
    policyLines = report.policyLines().map(escape)
    categories = comparison.categories.map(escape)
    bids = comparison.bids.map { bid in
      Bid(
        rank: bid.rank.map { NumberFormatting.grouped($0, style: table.style) } ?? "—", name: escape(bid.name),
        eliminated: bid.eliminated, verdict: escape(report.verdict(bid)), score: report.score(bid.score),
        marks: bid.categories.map { report.score($0.score) })
    }
    func label(_ status: RequirementStatus) -> String { t("decision.status.\(status.rawValue)") }
    requirements = comparison.requirements.map { requirement in
      Requirement(
        id: escape(requirement.id), title: escape(requirement.title), level: requirement.level.rawValue,
        cells: comparison.bids.map { bid in
          guard let status = bid.statuses[requirement.id] else { return Cell(status: "", code: "—", icon: "—", label: "—") }
          return Cell(status: status.rawValue, code: Self.codes[status] ?? "", icon: Self.icons[status] ?? "", label: label(status))
        })
    }
    legend = RequirementStatus.allCases.map { status in
      Key(
        status: status.rawValue, code: Self.codes[status] ?? "", icon: Self.icons[status] ?? "", label: label(status),
        last: status == RequirementStatus.allCases.last)
    }
  }
}
