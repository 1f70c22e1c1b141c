import Foundation
import HomologModel
import HomologParsing

/// Polaris audit JSON (`polaris audit --format json`): every check result with `Success: false`, at the
/// controller, pod or container level, is a misconfiguration finding on that resource (kind, namespace,
/// name, container). Polaris severities: `danger` → high, `warning` → medium (the original is kept).
/// Polaris states no file or line. A configuration scan declares no scan scope.
public enum PolarisJSONReader: EvidenceReader {
  public static let format: FormatID = "polaris-json"
  public static let formatName = "Polaris audit JSON"

  public static func sniff(_ head: FileHead) -> Bool {
    guard head.isJSONObject else { return false }
    return head.hasJSONKey("PolarisOutputVersion") || (head.hasJSONKey("ClusterInfo") && head.hasJSONKey("PodResult"))
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let stream = PolarisStream()
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    // An audit of nothing writes `"Results": null` (a Go nil slice): the output version then says it is a report.
    guard stream.root == .object, stream.sawResults || stream.outputVersion != nil else {
      throw InputError("missing required key \"Results\"", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    // Polaris writes the zero time when it audits files rather than a cluster.
    let time = stream.auditTime.flatMap { $0.hasPrefix("0001-") ? nil : $0 }
    var out = ReadResult(tool: ToolInfo(name: "Polaris"), generatedAt: time)
    out.findingMode = input.findingMode
    for controller in stream.controllers {
      let results = [(nil, controller.results), (nil, controller.podResult?.results)]
        + (controller.podResult?.containerResults ?? []).map { ($0.name, $0.results) }
      for (container, checks) in results {
        for check in (checks ?? [:]).values.sorted(by: { $0.id < $1.id }) where !check.success {
          let stated = check.severity ?? ""
          out.add(severity(stated), .misconfiguration) { finding(check, controller: controller, container: container, stated: stated) }
        }
      }
    }
    out.scans = []
    return out
  }

  /// `danger` → high, `warning` → medium, anything else (Polaris has `ignore`) → info.
  private static func severity(_ word: String) -> Severity {
    switch word.lowercased() {
    case "danger": .high
    case "warning": .medium
    default: .info
    }
  }

  private static func finding(_ check: PolarisCheck, controller: PolarisController, container: String?, stated: String) -> Finding {
    let target = ScannerResource.target(
      kind: controller.kind, namespace: controller.namespace, name: controller.name, container: container)
    return Finding(
      tool: "Polaris", kind: .misconfiguration, ruleId: check.id, severity: severity(stated), originalSeverity: stated,
      title: check.message ?? check.id, location: FindingLocation(target: target),
      fingerprint: Fingerprint.make(.misconfiguration, ["polaris", check.id, target]))
  }
}

/// The controllers of `Results` one at a time, and `AuditTime`.
private final class PolarisStream: JSONTopLevelStream {
  var controllers: [PolarisController] = []
  var sawResults = false
  var auditTime: String?
  var outputVersion: String?
  private static let keys = JSONKeySet(["Name", "Namespace", "Kind", "Results", "PodResult"])

  init() { super.init(itemArrays: ["Results"]) }

  override var itemKeys: JSONKeySet? { PolarisStream.keys }
  override func itemArrayBegins(in stream: JSONStream) throws(InputError) { sawResults = true }

  override func item(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    controllers.append(try JSONValueDecoder.decode(PolarisController.self, from: value, in: stream))
  }

  override func wantsMember(in stream: JSONStream) -> Bool { false }

  override func scalarMember(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    guard case .string = value else { return }
    if stream.isKey("AuditTime") {
      auditTime = value.string
    } else if stream.isKey("PolarisOutputVersion") {
      outputVersion = value.string
    }
  }
}

// Minimal Codable shapes: only the fields homolog uses.
private struct PolarisCheck: Decodable {
  var id: String
  var message: String?
  var success: Bool
  var severity: String?
  private enum CodingKeys: String, CodingKey {
    case id = "ID"
    case message = "Message"
    case success = "Success"
    case severity = "Severity"
  }
}

private struct PolarisController: Decodable {
  struct PodResult: Decodable {
    struct ContainerResult: Decodable {
      var name: String?
      var results: [String: PolarisCheck]?
      private enum CodingKeys: String, CodingKey {
        case name = "Name"
        case results = "Results"
      }
    }
    var results: [String: PolarisCheck]?
    var containerResults: [ContainerResult]?
    private enum CodingKeys: String, CodingKey {
      case results = "Results"
      case containerResults = "ContainerResults"
    }
  }
  var name: String?
  var namespace: String?
  var kind: String?
  var results: [String: PolarisCheck]?
  var podResult: PolarisController.PodResult?
  private enum CodingKeys: String, CodingKey {
    case name = "Name"
    case namespace = "Namespace"
    case kind = "Kind"
    case results = "Results"
    case podResult = "PodResult"
  }
}
