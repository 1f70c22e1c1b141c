import Foundation
import HomologModel
import HomologParsing

/// SonarQube web API responses and the sonar-report JSON that embeds them:
/// - `api/qualitygates/project_status` (`projectStatus`) → a quality gate;
/// - `api/issues/search` (`issues`, legacy `severity` or Clean Code `impacts`) → code issues;
/// - `api/hotspots/search` (`hotspots`, `vulnerabilityProbability`) → hotspots;
/// - a bare array of issues or hotspots (the `issues`/`hotspots` member saved alone);
/// - sonar-report (`sonarComponent`, `qualityGateStatus.projectStatus`, `issues`, `hotspotKeys`).
///
/// Severity mapping (Sonar's words are one step stronger than the common scale: its CRITICAL sits
/// below BLOCKER): BLOCKER → critical, CRITICAL → high, MAJOR → medium, MINOR → low, INFO → info;
/// Clean Code impacts: BLOCKER → critical, HIGH → high, MEDIUM → medium, LOW → low, INFO → info;
/// hotspot probability: HIGH → high, MEDIUM → medium, LOW → low. The original word is kept.
/// Issues resolved as false positive, fixed or removed, and hotspots reviewed as safe or fixed,
/// are suppressed; accepted risks (WONTFIX, ACKNOWLEDGED) are not: derogations are the place for those.
/// In count mode only each finding's severity and kind are counted (no text, location or fingerprint).
public enum SonarQubeJSONReader: EvidenceReader {
  public static let format: FormatID = "sonarqube-json"
  public static let formatName = "SonarQube JSON"

  public static func sniff(_ head: FileHead) -> Bool {
    if head.isJSONArray {
      if head.hasJSONKey("vulnerabilityProbability") && head.hasJSONKey("securityCategory") { return true }
      return head.hasJSONKey("rule") && head.hasJSONKey("component") && (head.hasJSONKey("severity") || head.hasJSONKey("impacts"))
    }
    guard head.isJSONObject else { return false }
    if head.hasJSONKey("projectStatus") && head.hasJSONKey("status") { return true }
    if head.hasJSONKey("sonarComponent") || head.hasJSONKey("qualityGateStatus") { return true }
    if head.hasJSONKey("hotspots") && (head.hasJSONKey("vulnerabilityProbability") || head.hasJSONKey("paging")) { return true }
    return head.hasJSONKey("issues")
      && (head.hasJSONKey("effortTotal") || (head.hasJSONKey("rule") && head.hasJSONKey("component")))
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let stream = SonarStream()
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    var out = ReadResult(tool: ToolInfo(name: "SonarQube"))
    out.findingMode = input.findingMode
    if stream.root == .array {
      for item in stream.issues { add(item, hotspotKeys: [], paths: [:], to: &out) }
      out.scans = [.codeAnalysis]
      return out
    }
    let hotspotKeys = Set(stream.hotspotKeys ?? [])
    for item in stream.issues + stream.hotspots { add(item, hotspotKeys: hotspotKeys, paths: stream.paths, to: &out) }
    // Issues or hotspots listed (even none) mean an analysis; a quality-gate status alone lists no finding.
    if stream.sawFindings { out.scans = [.codeAnalysis] }
    if let status = stream.projectStatus {
      out.qualityGate = try qualityGate(status, project: stream.projectName, path: "$.projectStatus", file: input.path)
    } else if let status = stream.qualityGateStatus?.projectStatus {
      out.qualityGate = try qualityGate(
        status, project: stream.projectName ?? stream.sonarComponent, path: "$.qualityGateStatus.projectStatus",
        file: input.path)
    }
    if stream.sonarComponent != nil { out.generatedAt = stream.date }
    return out
  }

  private static func qualityGate(
    _ status: SonarDocument.ProjectStatus, project: String?, path: String, file: String
  ) throws(InputError) -> QualityGate {
    guard let gate = QualityGateStatus(rawValue: status.status.uppercased()) else {
      throw InputError(
        "expected a quality gate status OK, WARN, ERROR or NONE, found \"\(status.status)\"",
        at: SourceLocation(file: file, jsonPath: "\(path).status"))
    }
    var conditions: [QualityGateCondition] = []
    for (index, condition) in (status.conditions ?? []).enumerated() {
      guard let conditionStatus = QualityGateStatus(rawValue: condition.status.uppercased()) else {
        throw InputError(
          "expected a condition status OK, WARN, ERROR or NONE, found \"\(condition.status)\"",
          at: SourceLocation(file: file, jsonPath: "\(path).conditions[\(index)].status"))
      }
      conditions.append(
        QualityGateCondition(
          metric: condition.metricKey, status: conditionStatus, actual: condition.actualValue,
          threshold: condition.errorThreshold ?? condition.warningThreshold))
    }
    return QualityGate(project: project, status: gate, conditions: conditions)
  }

  /// Adds one issue or hotspot: built and kept in keep mode, only its severity and kind counted in count mode.
  private static func add(_ item: SonarItem, hotspotKeys: Set<String>, paths: [String: String], to out: inout ReadResult) {
    let isHotspot = item.vulnerabilityProbability != nil || item.type == "SECURITY_HOTSPOT"
      || item.key.map(hotspotKeys.contains) == true
    let kind: FindingKind = isHotspot ? .hotspot : .codeIssue
    out.add(severity(item).0, kind) { finding(item, kind: kind, paths: paths) }
  }

  private static func finding(_ item: SonarItem, kind: FindingKind, paths: [String: String]) -> Finding {
    let isHotspot = kind == .hotspot
    let (severity, original) = severity(item)
    let path = item.component.map { component in paths[component] ?? relativePath(component, project: item.project) }
    let line = item.line ?? item.textRange?.startLine
    let ruleId = item.rule ?? item.ruleKey ?? item.securityCategory ?? ""
    let fingerprint = item.key.map { Fingerprint.make(kind, ["sonarqube", $0]) }
      ?? Fingerprint.make(kind, ["sonarqube", ruleId, path, line.map(String.init), item.message])
    return Finding(
      tool: "SonarQube", kind: kind, ruleId: ruleId, severity: severity, originalSeverity: original,
      title: item.message ?? item.description ?? ruleId,
      location: FindingLocation(path: path, line: line, endLine: item.textRange?.endLine),
      fingerprint: fingerprint, suppression: suppression(item, isHotspot: isHotspot))
  }

  /// Hotspot probability, else the legacy severity, else the highest Clean Code impact.
  private static func severity(_ item: SonarItem) -> (Severity, String) {
    if let probability = item.vulnerabilityProbability {
      return (.normalizing(probability), probability)
    }
    if let word = item.severity {
      return (legacySeverity(word), word)
    }
    let impacts = (item.impacts ?? []).compactMap(\.severity)
    if let highest = impacts.max(by: { legacySeverity($0) < legacySeverity($1) }) {
      return (legacySeverity(highest), highest)
    }
    return (.info, "")
  }

  /// BLOCKER → critical, CRITICAL and HIGH → high, MAJOR and MEDIUM → medium, MINOR and LOW → low, else info.
  private static func legacySeverity(_ word: String) -> Severity {
    switch word.uppercased() {
    case "BLOCKER": .critical
    case "CRITICAL", "HIGH": .high
    case "MAJOR", "MEDIUM": .medium
    case "MINOR", "LOW": .low
    default: .info
    }
  }

  private static func suppression(_ item: SonarItem, isHotspot: Bool) -> String? {
    guard let resolution = item.resolution?.uppercased() else { return nil }
    let suppressing = isHotspot ? ["SAFE", "FIXED"] : ["FALSE-POSITIVE", "FIXED", "REMOVED"]
    return suppressing.contains(resolution) ? resolution.lowercased() : nil
  }

  /// `project:src/a.ts` → `src/a.ts`; a component without project prefix is kept as is.
  private static func relativePath(_ component: String, project: String?) -> String {
    if let project, component.hasPrefix(project + ":") { return String(component.dropFirst(project.count + 1)) }
    if let colon = component.firstIndex(of: ":") { return String(component[component.index(after: colon)...]) }
    return component
  }
}

// Minimal Codable shapes: only the fields homolog uses.
private struct SonarItem: Decodable {
  struct TextRange: Decodable {
    var startLine: Int?
    var endLine: Int?
  }
  struct Impact: Decodable { var severity: String? }
  var key: String?
  var rule: String?
  var ruleKey: String?
  var severity: String?
  var impacts: [Impact]?
  var vulnerabilityProbability: String?
  var securityCategory: String?
  var type: String?
  var component: String?
  var project: String?
  var line: Int?
  var textRange: TextRange?
  var resolution: String?
  var message: String?
  var description: String?
}

/// Issues and hotspots one at a time (kept in their Codable shape until the components, which give
/// their paths, are known), components reduced to their paths, and the quality gate.
private final class SonarStream: JSONTopLevelStream {
  var issues: [SonarItem] = []
  var hotspots: [SonarItem] = []
  var sawFindings = false
  var paths: [String: String] = [:]
  var hotspotKeys: [String]?
  var projectStatus: SonarDocument.ProjectStatus?
  var qualityGateStatus: SonarDocument.GateWrapper?
  var projectName: String?
  var sonarComponent: String?
  var date: String?

  init() { super.init(itemArrays: ["issues", "hotspots", "components"]) }

  override func itemArrayBegins(in stream: JSONStream) throws(InputError) {
    if !stream.isKey("components") { sawFindings = true }
  }

  override func item(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    if root == .array || stream.isKey("issues", level: 0) {
      issues.append(try JSONValueDecoder.decode(SonarItem.self, from: value, in: stream))
    } else if stream.isKey("hotspots", level: 0) {
      hotspots.append(try JSONValueDecoder.decode(SonarItem.self, from: value, in: stream))
    } else {
      let component = try JSONValueDecoder.decode(SonarDocument.Component.self, from: value, in: stream)
      if let path = component.path { paths[component.key] = path }
    }
  }

  override func wantsMember(in stream: JSONStream) -> Bool {
    stream.isKey("projectStatus") || stream.isKey("qualityGateStatus") || stream.isKey("hotspotKeys")
  }

  override func member(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    if stream.isKey("projectStatus") {
      projectStatus = try JSONValueDecoder.decode(SonarDocument.ProjectStatus.self, from: value, in: stream)
    } else if stream.isKey("qualityGateStatus") {
      qualityGateStatus = try JSONValueDecoder.decode(SonarDocument.GateWrapper.self, from: value, in: stream)
    } else {
      hotspotKeys = try JSONValueDecoder.decode([String].self, from: value, in: stream)
    }
  }

  override func scalarMember(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    let text: String?
    switch value {
    case .null: return
    case .string: text = value.string
    default: text = nil
    }
    if stream.isKey("projectName") || stream.isKey("sonarComponent") || stream.isKey("date") {
      guard let text else { throw stream.error("expected a string, found \(value.typeName)") }
      if stream.isKey("projectName") {
        projectName = text
      } else if stream.isKey("sonarComponent") {
        sonarComponent = text
      } else {
        date = text
      }
    } else if stream.isKey("qualityGateStatus"), case .bool = value {
      // sonar-report writes `false` when it did not fetch the quality gate: no gate, not an error.
      return
    } else if wantsMember(in: stream) {
      throw stream.error("expected an object, found \(value.typeName)")
    }
  }
}

private struct SonarDocument: Decodable {
  struct ProjectStatus: Decodable {
    struct Condition: Decodable {
      var status: String
      var metricKey: String
      var actualValue: String?
      var errorThreshold: String?
      var warningThreshold: String?
    }
    var status: String
    var conditions: [Condition]?
  }
  struct GateWrapper: Decodable { var projectStatus: ProjectStatus? }
  struct Component: Decodable {
    var key: String
    var path: String?
  }
  var projectStatus: ProjectStatus?
  var qualityGateStatus: GateWrapper?
  var issues: [SonarItem]?
  var hotspots: [SonarItem]?
  var components: [Component]?
  var hotspotKeys: [String]?
  var projectName: String?
  var sonarComponent: String?
  var date: String?
}
