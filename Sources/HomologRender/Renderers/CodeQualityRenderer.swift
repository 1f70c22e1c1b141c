import Foundation
import HomologModel

/// `gl-code-quality.json`: GitLab Code Quality (a subset of Code Climate's issue format) for the merge-request
/// widget. One issue per open (not suppressed) finding: a finding with a file path points there (line 1 when
/// it has none); a finding without one (an image or package vulnerability) points at the evidence file it was
/// read from, so it still shows in the widget; a finding with neither is left out. Severities map one to one:
/// info → info, low → minor, medium → major, high → critical, critical → blocker.
public struct CodeQualityRenderer: Renderer {
  public static let format = "codequality"
  public static let fileName = "gl-code-quality.json"

  public init() {}

  public func render(_ dossier: Dossier, context: RenderContext) throws(InputError) -> Data {
    let issues = dossier.findings.compactMap { Self.issue($0, table: context.table) }
    do {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      var data = try encoder.encode(issues)
      data.append(0x0A)
      return data
    } catch {
      throw InputError("cannot encode gl-code-quality.json: \(error)")
    }
  }

  static func issue(_ finding: Finding, table: TranslationTable) -> Issue? {
    guard finding.suppression == nil else { return nil }
    let line: Int
    let path: String
    if let own = finding.location?.path, !own.isEmpty {
      path = own
      line = max(1, finding.location?.line ?? 1)
    } else if let evidence = finding.evidence, !evidence.isEmpty {
      path = evidence
      line = 1
    } else {
      return nil
    }
    var description = "\(finding.ruleId): \(finding.title)" + SARIFRenderer.package(finding.package, table: table)
    if let target = finding.location?.target, finding.location?.path == nil {
      description = table.text("report.in-target", [MessageArg("text", description), MessageArg("target", target)])
    }
    if let requirements = finding.requirements, !requirements.isEmpty { description += " [\(requirements.joined(separator: ", "))]" }
    return Issue(
      description: description, checkName: "\(finding.tool)/\(finding.ruleId)", fingerprint: finding.fingerprint,
      severity: severity(finding.severity), location: Location(path: path, lines: Lines(begin: line)),
      categories: [finding.kind == .codeIssue ? "Bug Risk" : "Security"])
  }

  /// GitLab's five levels for the five normalized severities.
  static func severity(_ severity: Severity) -> String {
    switch severity {
    case .info: "info"
    case .low: "minor"
    case .medium: "major"
    case .high: "critical"
    case .critical: "blocker"
    }
  }

  struct Issue: Encodable {
    var type = "issue"
    var description: String
    var checkName: String
    var fingerprint: String
    var severity: String
    var location: Location
    var categories: [String]
    enum CodingKeys: String, CodingKey {
      case type, description, checkName = "check_name", fingerprint, severity, location, categories
    }
  }
  struct Location: Encodable {
    var path: String
    var lines: Lines
  }
  struct Lines: Encodable { var begin: Int }
}
