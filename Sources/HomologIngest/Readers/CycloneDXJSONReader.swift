import Foundation
import HomologModel
import HomologParsing

/// CycloneDX JSON (1.2 to 1.7): an SBOM, with or without a `vulnerabilities` array (VEX/VDR).
///
/// Every vulnerability entry is a finding per affected component (`affects[].ref` → `bom-ref`,
/// nested components included); severity is the highest of `ratings[].severity`, else of the
/// ratings' scores. A VEX `analysis.state` of `not_affected`, `false_positive` or `resolved`
/// marks the finding suppressed: it is still listed, as the tool lists it. An SBOM without
/// vulnerabilities is recognised and yields no finding.
public enum CycloneDXJSONReader: EvidenceReader {
  public static let format: FormatID = "cyclonedx-json"
  public static let formatName = "CycloneDX JSON"

  public static func sniff(_ head: FileHead) -> Bool {
    head.isJSONObject && head.hasJSONKey("bomFormat") && head.contains("CycloneDX")
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let stream = CycloneDXStream()
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    guard stream.root == .object else {
      throw InputError("expected a CycloneDX BOM (an object), found an array", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    let tool = stream.metadata?.tools?.list.first
    var out = ReadResult(
      tool: tool.map { ToolInfo(name: $0.name ?? "", version: $0.version) }, generatedAt: stream.metadata?.timestamp)
    // A BOM with a `vulnerabilities` member is a vulnerability report (even empty); a plain SBOM proves nothing.
    out.findingMode = input.findingMode
    if stream.sawVulnerabilities { out.scans = [.vulnerabilities] }
    let toolName = tool?.name ?? "CycloneDX"
    for vulnerability in stream.vulnerabilities {
      let affected = (vulnerability.affects ?? []).map { stream.components[$0.ref] }
      for component in affected.isEmpty ? [nil] : affected {
        out.add(finding(vulnerability, component: component, tool: toolName))
      }
    }
    return out
  }

  private static func finding(
    _ vulnerability: CycloneDXDocument.Vulnerability, component: CycloneDXDocument.Component?, tool: String
  ) -> Finding {
    let ratings = vulnerability.ratings ?? []
    let words = ratings.compactMap(\.severity)
    let (severity, original): (Severity, String)
    if let highest = words.max(by: { Severity.normalizing($0) < Severity.normalizing($1) }) {
      (severity, original) = (.normalizing(highest), highest)
    } else if let score = ratings.compactMap(\.score).max() {
      (severity, original) = (CVSS.severity(score: score), String(score))
    } else {
      (severity, original) = (.info, "")
    }
    let id = vulnerability.id ?? vulnerability.bomRef ?? ""
    var cves: [String] = []
    for candidate in [id] + (vulnerability.references ?? []).compactMap(\.id)
    where candidate.hasPrefix("CVE-") && !cves.contains(candidate) {
      cves.append(candidate)
    }
    let package = component.map { PackageRef(name: $0.qualifiedName, installedVersion: $0.version) }
    var state = vulnerability.analysis?.state
    if state == "resolved_with_pedigree" { state = "resolved" }
    let suppression = state.flatMap { ["not_affected", "false_positive", "resolved"].contains($0) ? $0 : nil }
      .map { [$0, vulnerability.analysis?.justification].compactMap { $0 }.joined(separator: ": ") }
    let title = [id, package.map { "in \($0.name)" }, package?.installedVersion].compactMap { $0 }.joined(separator: " ")
    return Finding(
      tool: tool, kind: .vulnerability, ruleId: id, severity: severity, originalSeverity: original, title: title,
      package: package, cve: cves, cwe: (vulnerability.cwes ?? []).map { "CWE-\($0)" },
      fingerprint: Fingerprint.make(.vulnerability, [cves.first ?? id, package?.name, package?.installedVersion, nil]),
      suppression: suppression)
  }
}

/// The components one at a time (kept by `bom-ref`, nested ones included, for the vulnerabilities that
/// name them), the vulnerabilities and `metadata`.
private final class CycloneDXStream: JSONTopLevelStream {
  var components: [String: CycloneDXDocument.Component] = [:]
  var vulnerabilities: [CycloneDXDocument.Vulnerability] = []
  var sawVulnerabilities = false
  var metadata: CycloneDXDocument.Metadata?

  init() { super.init(itemArrays: ["components", "vulnerabilities"]) }

  override func itemArrayBegins(in stream: JSONStream) throws(InputError) {
    if stream.isKey("vulnerabilities") { sawVulnerabilities = true }
  }

  override func item(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    if stream.isKey("vulnerabilities", level: 0) {
      vulnerabilities.append(try JSONValueDecoder.decode(CycloneDXDocument.Vulnerability.self, from: value, in: stream))
      return
    }
    var pending = [try JSONValueDecoder.decode(CycloneDXDocument.Component.self, from: value, in: stream)]
    while let component = pending.popLast() {
      if let ref = component.bomRef { components[ref] = component }
      pending.append(contentsOf: component.components ?? [])
    }
  }

  override func wantsMember(in stream: JSONStream) -> Bool { stream.isKey("metadata") }

  override func member(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    metadata = try JSONValueDecoder.decode(CycloneDXDocument.Metadata.self, from: value, in: stream)
  }

  override func scalarMember(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    if case .null = value { return }
    if stream.isKey("metadata") { throw stream.error("expected an object, found \(value.typeName)") }
  }
}

// Minimal Codable shapes: only the fields homolog uses.
private struct CycloneDXDocument: Decodable {
  struct Metadata: Decodable {
    var timestamp: String?
    var tools: Tools?
  }
  struct Tool: Decodable {
    var name: String?
    var version: String?
  }
  /// `metadata.tools`: an array of tools up to 1.4, an object of `components` and `services` since 1.5.
  struct Tools: Decodable {
    var list: [Tool]
    private enum Keys: String, CodingKey { case components, services }
    init(from decoder: Decoder) throws {
      if let array = try? decoder.singleValueContainer().decode([Tool].self) {
        list = array
        return
      }
      let container = try decoder.container(keyedBy: Keys.self)
      list = (try container.decodeIfPresent([Tool].self, forKey: .components) ?? [])
        + (try container.decodeIfPresent([Tool].self, forKey: .services) ?? [])
    }
  }
  struct Component: Decodable {
    var bomRef: String?
    var group: String?
    var name: String
    var version: String?
    var purl: String?
    var components: [Component]?
    enum CodingKeys: String, CodingKey {
      case bomRef = "bom-ref"
      case group, name, version, purl, components
    }

    /// The name as the ecosystem writes it (Maven `group:artifact`, npm `@scope/name`), as Trivy does.
    var qualifiedName: String {
      if let purl = purl.flatMap(PackageURL.init) { return purl.qualifiedName }
      guard let group, !group.isEmpty else { return name }
      return "\(group)/\(name)"
    }
  }
  struct Vulnerability: Decodable {
    struct Rating: Decodable {
      var severity: String?
      var score: Double?
    }
    struct Reference: Decodable { var id: String? }
    struct Analysis: Decodable {
      var state: String?
      var justification: String?
    }
    struct Affect: Decodable { var ref: String }
    var bomRef: String?
    var id: String?
    var ratings: [Rating]?
    var references: [Reference]?
    var cwes: [Int]?
    var analysis: Analysis?
    var affects: [Affect]?
    enum CodingKeys: String, CodingKey {
      case bomRef = "bom-ref"
      case id, ratings, references, cwes, analysis, affects
    }
  }
  var metadata: Metadata?
  var components: [Component]?
  var vulnerabilities: [Vulnerability]?
}
