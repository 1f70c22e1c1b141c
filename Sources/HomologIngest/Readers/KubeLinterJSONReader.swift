import Foundation
import HomologModel
import HomologParsing

/// kube-linter JSON (`kube-linter lint --format json`): each entry of `Reports` is a misconfiguration finding
/// of its check on one object (file, kind, namespace, name). kube-linter states no severity and no line:
/// findings are info with an empty original, located at the file and object. A configuration scan declares
/// no scan scope.
public enum KubeLinterJSONReader: EvidenceReader {
  public static let format: FormatID = "kube-linter-json"
  public static let formatName = "kube-linter JSON"

  public static func sniff(_ head: FileHead) -> Bool {
    guard head.isJSONObject, head.hasJSONKey("Reports") else { return false }
    return head.hasJSONKey("K8sObject") || head.hasJSONKey("KubeLinterVersion")
      || (head.hasJSONKey("Checks") && head.hasJSONKey("remediation") && head.hasJSONKey("template"))
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let stream = KubeLinterStream()
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    // A clean run writes `"Reports": null` (a Go nil slice): the summary then says the file is a report.
    guard stream.root == .object, stream.sawReports || stream.summary != nil else {
      throw InputError("missing required key \"Reports\"", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    var out = ReadResult(tool: ToolInfo(name: "kube-linter", version: stream.summary?.version), generatedAt: stream.summary?.endTime)
    out.findingMode = input.findingMode
    for report in stream.reports {
      out.add(.info, .misconfiguration) { finding(report) }
    }
    out.scans = []
    return out
  }

  private static func finding(_ report: KubeLinterReport) -> Finding {
    let object = report.object?.k8sObject
    let path = ScannerResource.relativePath(report.object?.metadata?.filePath)
    let target = ScannerResource.target(kind: object?.groupVersionKind?.kind, namespace: object?.namespace, name: object?.name)
    let message = report.diagnostic?.message ?? report.check
    return Finding(
      tool: "kube-linter", kind: .misconfiguration, ruleId: report.check, severity: .info, originalSeverity: "",
      title: message, location: FindingLocation(path: path, target: target),
      fingerprint: Fingerprint.make(.misconfiguration, ["kube-linter", report.check, path, target, message]))
  }
}

/// The reports one at a time and `Summary`; `Checks` (the checks' documentation) is skipped unread.
private final class KubeLinterStream: JSONTopLevelStream {
  var reports: [KubeLinterReport] = []
  var sawReports = false
  var summary: KubeLinterSummary?

  init() { super.init(itemArrays: ["Reports"]) }

  override func itemArrayBegins(in stream: JSONStream) throws(InputError) { sawReports = true }

  override func item(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    reports.append(try JSONValueDecoder.decode(KubeLinterReport.self, from: value, in: stream))
  }

  override func wantsMember(in stream: JSONStream) -> Bool { stream.isKey("Summary") }

  override func member(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    summary = try JSONValueDecoder.decode(KubeLinterSummary.self, from: value, in: stream)
  }
}

// Minimal Codable shapes: only the fields homolog uses.
private struct KubeLinterReport: Decodable {
  struct Diagnostic: Decodable {
    var message: String?
    private enum CodingKeys: String, CodingKey { case message = "Message" }
  }
  struct Object: Decodable {
    struct Metadata: Decodable {
      var filePath: String?
      private enum CodingKeys: String, CodingKey { case filePath = "FilePath" }
    }
    struct K8sObject: Decodable {
      struct GroupVersionKind: Decodable {
        var kind: String?
        private enum CodingKeys: String, CodingKey { case kind = "Kind" }
      }
      var namespace: String?
      var name: String?
      var groupVersionKind: GroupVersionKind?
      private enum CodingKeys: String, CodingKey {
        case namespace = "Namespace"
        case name = "Name"
        case groupVersionKind = "GroupVersionKind"
      }
    }
    var metadata: Metadata?
    var k8sObject: K8sObject?
    private enum CodingKeys: String, CodingKey {
      case metadata = "Metadata"
      case k8sObject = "K8sObject"
    }
  }
  var diagnostic: Diagnostic?
  var check: String
  var object: Object?
  private enum CodingKeys: String, CodingKey {
    case diagnostic = "Diagnostic"
    case check = "Check"
    case object = "Object"
  }
}

private struct KubeLinterSummary: Decodable {
  var version: String?
  var endTime: String?
  private enum CodingKeys: String, CodingKey {
    case version = "KubeLinterVersion"
    case endTime = "CheckEndTime"
  }
}
