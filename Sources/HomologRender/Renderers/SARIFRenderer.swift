import Foundation
import HomologModel

/// `findings.sarif`: SARIF 2.1.0, one run per source tool (`Finding.tool`), a rule per rule id with help text
/// and the requirement ids as tags, `partialFingerprints` from the finding's fingerprint. Within GitHub's
/// upload limits: at most 20 runs and 25,000 results per run, keeping the most severe and saying so in the
/// run's notifications and properties. Suppressed findings are left out.
public struct SARIFRenderer: Renderer {
  public static let format = "sarif"
  public static let fileName = "findings.sarif"
  /// GitHub code scanning's hard limits.
  public static let maxRuns = 20
  public static let maxResultsPerRun = 25_000
  public static let maxTagsPerRule = 20

  public init() {}

  public func render(_ dossier: Dossier, context: RenderContext) throws(InputError) -> Data {
    var byTool: [String: [Finding]] = [:]
    for finding in dossier.findings where finding.suppression == nil { byTool[finding.tool, default: []].append(finding) }
    // The tools with the most severe findings first, then the most findings, then by name.
    let ranked = byTool.keys.sorted { a, b in
      let (fa, fb) = (byTool[a] ?? [], byTool[b] ?? [])
      let (sa, sb) = (fa.map(\.severity.rank).max() ?? 0, fb.map(\.severity.rank).max() ?? 0)
      if sa != sb { return sa > sb }
      if fa.count != fb.count { return fa.count > fb.count }
      return a < b
    }
    let kept = Array(ranked.prefix(Self.maxRuns)).sorted()
    let dropped = Array(ranked.dropFirst(Self.maxRuns)).sorted()
    let table = context.table
    var runs = kept.map { tool in Self.run(tool: tool, findings: byTool[tool] ?? [], dossier: dossier, table: table) }
    if runs.isEmpty {
      runs = [Self.run(tool: dossier.generator.name, findings: [], dossier: dossier, table: table, isGenerator: true)]
    }
    if !dropped.isEmpty {
      let text = table.text(
        "report.sarif.dropped-tools",
        [
          .number("max", Double(Self.maxRuns), decimals: 0), .number("count", Double(dropped.count), decimals: 0),
          MessageArg("tools", dropped.joined(separator: ", ")),
        ])
      runs[0].invocations[0].toolExecutionNotifications.append(Notification(level: "warning", text: text))
      runs[0].properties.droppedTools = dropped
    }
    let log = Log(runs: runs)
    do {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      var data = try encoder.encode(log)
      data.append(0x0A)
      return data
    } catch {
      throw InputError("cannot encode findings.sarif: \(error)")
    }
  }

  static func run(tool: String, findings all: [Finding], dossier: Dossier, table: TranslationTable, isGenerator: Bool = false) -> Run {
    let ordered = all.enumerated().sorted { a, b in
      a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
    }.map(\.element)
    let findings = Array(ordered.prefix(maxResultsPerRun))
    var rules: [Rule] = []
    var ruleIndex: [String: Int] = [:]
    var tagsByRule: [String: [String]] = [:]
    for finding in findings {
      for requirement in finding.requirements ?? [] where !(tagsByRule[finding.ruleId] ?? []).contains(requirement) {
        tagsByRule[finding.ruleId, default: []].append(requirement)
      }
    }
    var results: [Result] = []
    for finding in findings {
      if ruleIndex[finding.ruleId] == nil {
        ruleIndex[finding.ruleId] = rules.count
        rules.append(rule(finding, requirementTags: tagsByRule[finding.ruleId] ?? [], table: table))
      }
      results.append(result(finding, ruleIndex: ruleIndex[finding.ruleId] ?? 0, table: table))
    }
    let version = dossier.evidence.first { $0.tool?.name == tool }?.tool?.version
    var run = Run(
      tool: Tool(driver: Driver(name: tool, version: isGenerator ? dossier.generator.version : version, rules: rules)),
      results: results, automationDetails: AutomationDetails(id: "homolog/\(tool)/\(dossier.asOf)"),
      invocations: [Invocation(executionSuccessful: true, toolExecutionNotifications: [])],
      properties: RunProperties(
        project: dossier.project.name, asOf: dossier.asOf, generator: "\(dossier.generator.name) \(dossier.generator.version ?? "")"
          .trimmingCharacters(in: .whitespaces), totalResults: all.count, keptResults: findings.count, droppedTools: nil))
    if all.count > findings.count {
      run.invocations[0].toolExecutionNotifications.append(
        Notification(
          level: "warning",
          text: table.text(
            "report.sarif.dropped-results",
            [
              .number("max", Double(maxResultsPerRun), decimals: 0), .number("kept", Double(findings.count), decimals: 0),
              .number("count", Double(all.count), decimals: 0),
            ])))
    }
    return run
  }

  static func rule(_ finding: Finding, requirementTags: [String], table: TranslationTable) -> Rule {
    var help = [finding.title]
    if let package = finding.package {
      let name = MessageArg("package", package.name + (package.installedVersion.map { " \($0)" } ?? ""))
      help.append(
        package.fixedVersion.map { table.text("report.help.package-fixed", [name, MessageArg("fixed", $0)]) }
          ?? table.text("report.help.package-unfixed", [name]))
    }
    func list(_ key: String, _ ids: [String]) {
      if !ids.isEmpty { help.append(table.text(key, [MessageArg("ids", ids.joined(separator: ", "))])) }
    }
    list("report.help.cve", finding.cve)
    list("report.help.cwe", finding.cwe)
    list("report.help.requirements", requirementTags)
    let tags = Array((requirementTags + [finding.kind.rawValue, "security"] + finding.cwe).prefix(maxTagsPerRule))
    return Rule(
      id: finding.ruleId, name: finding.ruleId, shortDescription: Text(text: finding.title),
      fullDescription: Text(text: finding.title), help: Help(text: help.joined(separator: "\n"), markdown: nil),
      defaultConfiguration: Configuration(level: level(finding.severity)),
      properties: RuleProperties(tags: tags, securitySeverity: securitySeverity(finding.severity)))
  }

  /// ` (name version, fixed in X)` after a finding's title, in the dossier's language; empty without a package.
  static func package(_ package: PackageRef?, table: TranslationTable) -> String {
    guard let package else { return "" }
    let name = MessageArg("package", package.name + (package.installedVersion.map { " \($0)" } ?? ""))
    return " (" + (package.fixedVersion.map { table.text("report.package-fixed", [name, MessageArg("fixed", $0)]) } ?? name.value) + ")"
  }

  static func result(_ finding: Finding, ruleIndex: Int, table: TranslationTable) -> Result {
    let message = finding.title + Self.package(finding.package, table: table)
    var locations: [Location] = []
    let path = finding.location?.path ?? finding.evidence
    if let path {
      let line = finding.location?.path == nil ? nil : finding.location?.line
      let region = line.map { Region(startLine: max(1, $0), endLine: finding.location?.endLine.map { max($0, max(1, line ?? 1)) }) }
      var location = Location(physicalLocation: PhysicalLocation(artifactLocation: ArtifactLocation(uri: uri(path)), region: region))
      if let target = finding.location?.target ?? finding.package?.name {
        location.logicalLocations = [LogicalLocation(fullyQualifiedName: target, kind: "module")]
      }
      locations.append(location)
    }
    return Result(
      ruleId: finding.ruleId, ruleIndex: ruleIndex, level: level(finding.severity), message: Text(text: message),
      locations: locations.isEmpty ? nil : locations, partialFingerprints: ["homolog/v1": finding.fingerprint],
      properties: ResultProperties(
        severity: finding.severity.rawValue, originalSeverity: finding.originalSeverity, kind: finding.kind.rawValue,
        requirements: finding.requirements, evidence: finding.evidence))
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .critical, .high: "error"
    case .medium: "warning"
    case .low, .info: "note"
    }
  }

  /// GitHub's `security-severity` score for the normalized severity.
  static func securitySeverity(_ severity: Severity) -> String {
    switch severity {
    case .critical: "9.5"
    case .high: "8.0"
    case .medium: "5.5"
    case .low: "3.0"
    case .info: "0.0"
    }
  }

  /// A relative path as a URI reference: characters outside RFC 3986's unreserved set and `/` percent-encoded.
  static func uri(_ path: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~/")
    return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
  }

  struct Log: Encodable {
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]
    enum CodingKeys: String, CodingKey {
      case schema = "$schema", version, runs
    }
  }
  struct Run: Encodable {
    var tool: Tool
    var results: [Result]
    var automationDetails: AutomationDetails
    var invocations: [Invocation]
    var properties: RunProperties
  }
  struct Tool: Encodable { var driver: Driver }
  struct Driver: Encodable {
    var name: String
    var version: String?
    var informationUri: String?
    var rules: [Rule]
  }
  struct Text: Encodable { var text: String }
  struct Help: Encodable {
    var text: String
    var markdown: String?
  }
  struct Configuration: Encodable { var level: String }
  struct Rule: Encodable {
    var id: String
    var name: String
    var shortDescription: Text
    var fullDescription: Text
    var help: Help
    var defaultConfiguration: Configuration
    var properties: RuleProperties
  }
  struct RuleProperties: Encodable {
    var tags: [String]
    var securitySeverity: String
    enum CodingKeys: String, CodingKey {
      case tags, securitySeverity = "security-severity"
    }
  }
  struct Result: Encodable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: Text
    var locations: [Location]?
    var partialFingerprints: [String: String]
    var properties: ResultProperties
  }
  struct ResultProperties: Encodable {
    var severity: String
    var originalSeverity: String
    var kind: String
    var requirements: [String]?
    var evidence: String?
  }
  struct Location: Encodable {
    var physicalLocation: PhysicalLocation
    var logicalLocations: [LogicalLocation]?
  }
  struct PhysicalLocation: Encodable {
    var artifactLocation: ArtifactLocation
    var region: Region?
  }
  struct ArtifactLocation: Encodable { var uri: String }
  struct Region: Encodable {
    var startLine: Int
    var endLine: Int?
  }
  struct LogicalLocation: Encodable {
    var fullyQualifiedName: String
    var kind: String
  }
  struct AutomationDetails: Encodable { var id: String }
  struct Invocation: Encodable {
    var executionSuccessful: Bool
    var toolExecutionNotifications: [Notification]
  }
  struct Notification: Encodable {
    var level: String
    var message: Text
    init(level: String, text: String) {
      self.level = level
      message = Text(text: text)
    }
  }
  struct RunProperties: Encodable {
    var project: String
    var asOf: String
    var generator: String
    var totalResults: Int
    var keptResults: Int
    var droppedTools: [String]?
  }
}
