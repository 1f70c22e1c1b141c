import Foundation
import HomologModel

/// `junit.xml`: one test case per requirement, one test suite per category, so GitLab and Jenkins show the
/// dossier as a test report. Non conforme and non évalué are failures (the latter says there is no evidence),
/// non applicable is skipped, conforme and dérogation pass (the derogation is named in `system-out`).
public struct JUnitRenderer: Renderer {
  public static let format = "junit"
  public static let fileName = "junit.xml"

  public init() {}

  public func render(_ dossier: Dossier, context: RenderContext) throws(InputError) -> Data {
    let x = XMLEscaping.escape
    func t(_ key: String, _ args: [MessageArg] = []) -> String { context.table.text(Message(key, args)) }
    var categories: [String] = []
    var members: [String: [RequirementResult]] = [:]
    for requirement in dossier.requirements {
      if members[requirement.category] == nil { categories.append(requirement.category) }
      members[requirement.category, default: []].append(requirement)
    }
    func failing(_ list: [RequirementResult]) -> Int { list.filter(\.status.isNotMet).count }
    func skipped(_ list: [RequirementResult]) -> Int { list.filter { $0.status == .nonApplicable }.count }

    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"\(x("homolog: " + dossier.project.name))\" tests=\"\(dossier.requirements.count)\""
    xml += " failures=\"\(failing(dossier.requirements))\" errors=\"0\" skipped=\"\(skipped(dossier.requirements))\" time=\"0\">\n"
    for category in categories {
      let list = members[category] ?? []
      xml += "  <testsuite name=\"\(x(category))\" tests=\"\(list.count)\" failures=\"\(failing(list))\" errors=\"0\""
      xml += " skipped=\"\(skipped(list))\" time=\"0\" timestamp=\"\(dossier.asOf)T00:00:00\">\n"
      for requirement in list {
        xml += "    <testcase classname=\"\(x(category))\" name=\"\(x("\(requirement.id) [\(requirement.level.rawValue)] \(requirement.title)"))\" time=\"0\""
        let details = Self.details(requirement, table: context.table)
        switch requirement.status {
        case .conforme:
          xml += "/>\n"
        case .derogation:
          xml += ">\n      <system-out>\(x(t("junit.derogation", [MessageArg("id", requirement.derogation ?? "")])))</system-out>\n    </testcase>\n"
        case .nonApplicable:
          xml += ">\n      <skipped message=\"\(x(requirement.applicabilityText ?? t("junit.not-applicable")))\"/>\n    </testcase>\n"
        case .nonConforme:
          let message = Self.firstProblem(requirement, table: context.table) ?? t("junit.not-met")
          xml += ">\n      <failure type=\"non_conforme\" message=\"\(x(message))\">\(x(details))</failure>\n    </testcase>\n"
        case .nonEvalue:
          let message = t("junit.no-evidence", [MessageArg("level", requirement.level.rawValue)])
          xml += ">\n      <failure type=\"non_evalue\" message=\"\(x(message))\">\(x(details.isEmpty ? message : details))</failure>\n    </testcase>\n"
        }
      }
      xml += "  </testsuite>\n"
    }
    xml += "</testsuites>\n"
    return Data(xml.utf8)
  }

  /// The first problem a check observed, else the first failing check's summary.
  static func firstProblem(_ requirement: RequirementResult, table: TranslationTable) -> String? {
    for check in requirement.checks where check.outcome == .fail {
      let text = check.observations.first(where: \.problem)?.text ?? check.summaryText
      return table.text("junit.check-problem", [MessageArg("check", check.id), MessageArg("text", text)])
    }
    if let invalid = requirement.attestations.first(where: { !$0.valid }), requirement.attestation == nil {
      return invalid.problemText
    }
    return requirement.parts.first { $0.status != .proven }.flatMap { part in part.reasonTexts.first.map { "[\(part.id)] \($0)" } }
  }

  /// Every check's summary and observations, one per line, with places; then the attestations and what each unproven part lacks.
  static func details(_ requirement: RequirementResult, table: TranslationTable) -> String {
    var lines: [String] = []
    for check in requirement.checks {
      lines.append(table.text("junit.check", [MessageArg("check", check.id), MessageArg("outcome", check.outcome.rawValue), MessageArg("summary", check.summaryText)]))
      for observation in check.observations {
        var line = "  \(observation.problem ? "-" : "+") \(observation.text)"
        if let location = observation.location {
          line += " (\(location))"
        } else if let evidence = observation.evidence {
          line += " (\(evidence))"
        }
        lines.append(line)
      }
    }
    for attestation in requirement.attestations {
      lines.append(
        table.text(
          "junit.attestation",
          [
            MessageArg("author", attestation.author), MessageArg("date", attestation.date),
            MessageArg("text", attestation.problemText ?? attestation.statement),
          ]))
    }
    for part in requirement.parts where part.status != .proven {
      for reason in part.reasonTexts { lines.append("[\(part.id)] \(reason)") }
    }
    return lines.joined(separator: "\n")
  }
}
