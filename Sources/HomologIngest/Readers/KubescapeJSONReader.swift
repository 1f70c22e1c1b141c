import Foundation
import HomologModel
import HomologParsing

/// Kubescape JSON results (`kubescape scan --format json`): every control whose status is `failed` on a
/// resource (`results[].controls[]`) is a misconfiguration finding on that resource, located at the file the
/// resource came from (`resources[].source.relativePath`) and named by kind, namespace and name.
///
/// Severity follows Kubescape's documented scale of the control's `scoreFactor` (`summaryDetails.controls`):
/// 9–10 critical, 7–8 high, 4–6 medium, 1–3 low; the original kept is `scoreFactor N`. A configuration scan
/// declares no scan scope.
public enum KubescapeJSONReader: EvidenceReader {
  public static let format: FormatID = "kubescape-json"
  public static let formatName = "Kubescape JSON"

  public static func sniff(_ head: FileHead) -> Bool {
    guard head.isJSONObject, head.hasJSONKey("summaryDetails") else { return false }
    return head.hasJSONKey("controlID") || head.hasJSONKey("resourceID") || head.hasJSONKey("clusterAPIServerInfo")
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let stream = KubescapeStream()
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    guard stream.root == .object, stream.sawSummary else {
      throw InputError("missing required key \"summaryDetails\"", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    let time = stream.generationTime.flatMap { $0.hasPrefix("0001-") ? nil : $0 }
    var out = ReadResult(tool: ToolInfo(name: "Kubescape", version: stream.version), generatedAt: time)
    out.findingMode = input.findingMode
    for result in stream.results {
      for control in result.controls ?? [] where control.status?.status == "failed" {
        let factor = stream.scoreFactors[control.controlID]
        out.add(severity(factor), .misconfiguration) {
          finding(control, resourceID: result.resourceID, path: stream.paths[result.resourceID], factor: factor)
        }
      }
    }
    out.scans = []
    return out
  }

  /// Kubescape's scale of a control's score factor; none stated is info.
  private static func severity(_ factor: Double?) -> Severity {
    guard let factor else { return .info }
    switch factor {
    case 9...: return .critical
    case 7..<9: return .high
    case 4..<7: return .medium
    case 1..<4: return .low
    default: return .info
    }
  }

  private static func finding(_ control: KubescapeControl, resourceID: String, path: String?, factor: Double?) -> Finding {
    let target = resourceName(resourceID)
    return Finding(
      tool: "Kubescape", kind: .misconfiguration, ruleId: control.controlID, severity: severity(factor),
      originalSeverity: factor.map { "scoreFactor \($0 == $0.rounded() ? String(Int($0)) : String($0))" } ?? "", title: control.name ?? control.controlID,
      location: FindingLocation(path: path, target: target),
      fingerprint: Fingerprint.make(.misconfiguration, ["kubescape", control.controlID, path, target]))
  }

  /// `path=…/api=apps/v1/shop/Deployment/frontend` → `Deployment/shop/frontend` (the id's last three
  /// segments are namespace, kind and name; the namespace may be empty).
  public static func resourceName(_ resourceID: String) -> String {
    let segments = resourceID.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard segments.count >= 3 else { return resourceID }
    let name = segments[segments.count - 1]
    let kind = segments[segments.count - 2]
    let namespace = segments[segments.count - 3]
    return ScannerResource.target(kind: kind, namespace: namespace, name: name) ?? resourceID
  }
}

/// `results` and `resources` one at a time (reduced to ids, controls and source paths), the control score
/// factors from `summaryDetails.controls`, the version from `metadata.scanMetadata`, and `generationTime`.
private final class KubescapeStream: JSONTopLevelStream {
  var results: [KubescapeResult] = []
  var paths: [String: String] = [:]
  var scoreFactors: [String: Double] = [:]
  var sawSummary = false
  var generationTime: String?
  var version: String?
  private static let resultKeys = JSONKeySet(["resourceID", "controls"])
  private static let resourceKeys = JSONKeySet(["resourceID", "source"])

  init() { super.init(itemArrays: ["results", "resources"]) }

  override var itemKeys: JSONKeySet? { nil }

  override func begin(_ container: JSONContainer, in stream: JSONStream) throws(InputError) -> JSONStreamAction {
    if stream.depth == 2 && stream.isKey("results", level: 0) { return .capture(keeping: Self.resultKeys) }
    if stream.depth == 2 && stream.isKey("resources", level: 0) { return .capture(keeping: Self.resourceKeys) }
    return try super.begin(container, in: stream)
  }

  override func item(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    if stream.isKey("results", level: 0) {
      results.append(try JSONValueDecoder.decode(KubescapeResult.self, from: value, in: stream))
    } else {
      let resource = try JSONValueDecoder.decode(KubescapeResource.self, from: value, in: stream)
      if let path = resource.source?.relativePath, !path.isEmpty { paths[resource.resourceID] = path }
    }
  }

  override func wantsMember(in stream: JSONStream) -> Bool { stream.isKey("summaryDetails") || stream.isKey("metadata") }

  override func member(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    if stream.isKey("metadata") {
      version = try JSONValueDecoder.decode(KubescapeMetadata.self, from: value, in: stream).scanMetadata?.kubescapeVersion
      return
    }
    sawSummary = true
    let summary = try JSONValueDecoder.decode(KubescapeSummary.self, from: value, in: stream)
    for (id, control) in summary.controls ?? [:] {
      if let factor = control.scoreFactor { scoreFactors[id] = factor }
    }
  }

  override func scalarMember(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    if stream.isKey("generationTime"), case .string = value { generationTime = value.string }
  }
}

// Minimal Codable shapes: only the fields homolog uses.
private struct KubescapeControl: Decodable {
  struct Status: Decodable { var status: String? }
  var controlID: String
  var name: String?
  var status: Status?
}

private struct KubescapeResult: Decodable {
  var resourceID: String
  var controls: [KubescapeControl]?
}

private struct KubescapeResource: Decodable {
  struct Source: Decodable { var relativePath: String? }
  var resourceID: String
  var source: Source?
}

private struct KubescapeMetadata: Decodable {
  struct ScanMetadata: Decodable { var kubescapeVersion: String? }
  var scanMetadata: ScanMetadata?
}

private struct KubescapeSummary: Decodable {
  struct Control: Decodable { var scoreFactor: Double? }
  var controls: [String: Control]?
}
