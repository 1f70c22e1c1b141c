import Foundation
import HomologModel
import HomologParsing

/// Grype JSON (`grype -o json`): every match is a vulnerability finding; the scanned image and its distro.
///
/// Severity is Grype's `vulnerability.severity` (Negligible and Unknown are info). When Grype states
/// none (a fresh NVD record without CVSS yet) the finding is info, as Grype itself counts it, and the
/// original is kept empty so the tool's silence stays visible.
public enum GrypeJSONReader: EvidenceReader {
  public static let format: FormatID = "grype-json"
  public static let formatName = "Grype JSON"

  public static func sniff(_ head: FileHead) -> Bool {
    guard head.isJSONObject, head.hasJSONKey("matches") else { return false }
    return head.hasJSONKey("matchDetails") || head.hasJSONKey("relatedVulnerabilities")
      || (head.hasJSONKey("descriptor") && head.contains("\"grype\""))
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let stream = GrypeStream()
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    guard stream.root == .object else {
      throw InputError("expected a Grype document (an object), found an array", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    guard stream.sawMatches else {
      throw InputError("missing required key \"matches\"", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    let target = stream.source?.target?.name
    var out = ReadResult(
      tool: ToolInfo(name: "Grype", version: stream.descriptor?.version), generatedAt: stream.descriptor?.timestamp)
    out.findingMode = input.findingMode
    if let distro = stream.distro, let family = distro.name, !family.isEmpty {
      // Grype does not say whether the distro is end of life: false means "not stated".
      out.images.append(ImageInfo(name: target ?? "", osFamily: family, osName: distro.version, endOfLife: false))
    }
    for match in stream.matches {
      out.add(finding(match, target: target))
    }
    out.scans = [.vulnerabilities]
    return out
  }

  private static func finding(_ match: GrypeDocument.Match, target: String?) -> Finding {
    let vulnerability = match.vulnerability
    let related = match.relatedVulnerabilities ?? []
    let stated = vulnerability.severity ?? ""
    let severity = Severity.normalizing(stated)
    var cves: [String] = []
    for id in [vulnerability.id] + related.map(\.id) where id.hasPrefix("CVE-") && !cves.contains(id) {
      cves.append(id)
    }
    let artifact = match.artifact
    let fixed = vulnerability.fix?.versions ?? []
    let title = [vulnerability.id, "in", artifact.name, artifact.version].compactMap { $0 }.joined(separator: " ")
    return Finding(
      tool: "Grype", kind: .vulnerability, ruleId: vulnerability.id, severity: severity, originalSeverity: stated,
      title: title, location: FindingLocation(path: artifact.locations?.first?.path, target: target),
      package: PackageRef(
        name: artifact.name, installedVersion: artifact.version,
        fixedVersion: fixed.isEmpty ? nil : fixed.joined(separator: ", ")),
      cve: cves,
      cwe: [],
      // The CVE id when there is one, so Trivy, Grype and CycloneDX reports of the same flaw agree.
      fingerprint: Fingerprint.make(.vulnerability, [cves.first ?? vulnerability.id, artifact.name, artifact.version, nil]))
  }
}

/// The matches one at a time (kept reduced to their Codable shape: the source, which names the target,
/// comes after them), `source`, `distro` and `descriptor`.
private final class GrypeStream: JSONTopLevelStream {
  var matches: [GrypeDocument.Match] = []
  var sawMatches = false
  var source: GrypeDocument.Source?
  var distro: GrypeDocument.Distro?
  var descriptor: GrypeDocument.Descriptor?
  private static let keys = JSONKeySet(["vulnerability", "relatedVulnerabilities", "artifact"])

  init() { super.init(itemArrays: ["matches"]) }

  override var itemKeys: JSONKeySet? { GrypeStream.keys }
  override func itemArrayBegins(in stream: JSONStream) throws(InputError) { sawMatches = true }

  override func item(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    matches.append(try JSONValueDecoder.decode(GrypeDocument.Match.self, from: value, in: stream))
  }

  override func wantsMember(in stream: JSONStream) -> Bool {
    stream.isKey("source") || stream.isKey("distro") || stream.isKey("descriptor")
  }

  override func member(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    if stream.isKey("source") {
      source = try JSONValueDecoder.decode(GrypeDocument.Source.self, from: value, in: stream)
    } else if stream.isKey("distro") {
      distro = try JSONValueDecoder.decode(GrypeDocument.Distro.self, from: value, in: stream)
    } else {
      descriptor = try JSONValueDecoder.decode(GrypeDocument.Descriptor.self, from: value, in: stream)
    }
  }

  override func scalarMember(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    if case .null = value { return }
    if wantsMember(in: stream) { throw stream.error("expected an object, found \(value.typeName)") }
  }
}

// Minimal Codable shapes: only the fields homolog uses.
private struct GrypeDocument: Decodable {
  struct Match: Decodable {
    var vulnerability: Vulnerability
    var relatedVulnerabilities: [Related]?
    var artifact: Artifact
  }
  struct Vulnerability: Decodable {
    var id: String
    var severity: String?
    var fix: Fix?
  }
  struct Fix: Decodable {
    var versions: [String]?
  }
  struct Related: Decodable {
    var id: String
    var severity: String?
  }
  struct Artifact: Decodable {
    struct Location: Decodable { var path: String? }
    var name: String
    var version: String?
    var locations: [Location]?
  }
  struct Source: Decodable {
    var target: Target?
  }
  /// `source.target` is an object for images (`userInput`) and a plain string for directories and files.
  struct Target: Decodable {
    var name: String?
    private enum Keys: String, CodingKey { case userInput }
    init(from decoder: Decoder) throws {
      if let text = try? decoder.singleValueContainer().decode(String.self) {
        name = text
      } else {
        name = try decoder.container(keyedBy: Keys.self).decodeIfPresent(String.self, forKey: .userInput)
      }
    }
  }
  struct Distro: Decodable {
    var name: String?
    var version: String?
  }
  struct Descriptor: Decodable {
    var version: String?
    var timestamp: String?
  }
  var matches: [Match]
  var source: Source?
  var distro: Distro?
  var descriptor: Descriptor?
}
