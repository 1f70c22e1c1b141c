import Foundation
import HomologModel

/// `action-plan.csv`: the team's action plan from the proposed decision, one row per fact to fix. Blocking
/// (Primordial) requirements first, then the reservations, in the decision's order; a requirement non conforme gives
/// one row per failing check, non évalué one row per missing proof, a derogation one row. Columns `requirement,
/// finding, owner, due_date, status` (status: the requirement's status code); findings in the table's language;
/// cells neutralized against formula injection (`CSVWriting`). Texts are the localized dossier's (`Localizer`), as
/// the HTML shows them.
public struct ActionPlanRenderer: Renderer {
  public static let format = "action-plan"
  public static let fileName = "action-plan.csv"

  public init() {}

  public func render(_ dossier: Dossier, context: RenderContext) throws(InputError) -> Data {
    Data(CSVWriting.document([["requirement", "finding", "owner", "due_date", "status"]] + Self.rows(dossier, table: context.table)).utf8)
  }

  /// The rows, without the header; none for a dossier without a decision.
  static func rows(_ dossier: Dossier, table: TranslationTable) -> [[String]] {
    guard let decision = dossier.decision else { return [] }
    let requirements = Dictionary(dossier.requirements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var rows: [[String]] = []
    var seen = Set<[String]>()
    for item in decision.blocking + decision.reservations {
      for finding in findings(item, requirements[item.requirement], table: table) {
        let row = [item.requirement, finding, item.owner ?? "", item.due ?? "", item.status.rawValue]
        if seen.insert(row).inserted { rows.append(row) }
      }
    }
    return rows
  }

  /// What is to fix for one item: each failing check, each missing proof, or the derogation to end.
  private static func findings(_ item: DecisionItem, _ requirement: RequirementResult?, table: TranslationTable) -> [String] {
    if item.kind == .derogation {
      return [table.text("homologation.finding.derogation", [MessageArg("id", item.derogation ?? ""), MessageArg("expires", item.expiresOn ?? "")])]
    }
    var texts: [String] = []
    if let requirement {
      switch item.status {
      case .nonConforme:
        for part in requirement.parts where part.status == .failed {
          for check in requirement.checks where part.checks.contains(check.id) && check.outcome == .fail {
            texts.append(table.text("homologation.finding.check", [MessageArg("check", check.id), MessageArg("summary", check.summaryText)]))
          }
        }
      case .nonEvalue:
        for part in requirement.parts where part.status == .missing {
          texts += part.reasonTexts.map { table.text("homologation.finding.missing", [MessageArg("part", part.id), MessageArg("reason", $0)]) }
        }
      default:
        break
      }
    }
    return texts.isEmpty ? [table.text("homologation.finding.not-met", [MessageArg("status", table.text("decision.status.\(item.status.rawValue)"))])] : texts
  }
}
