import Foundation
import HomologModel
import HomologParsing

/// Checkov JSON (`checkov -o json`): one report object, or an array of them (one per framework); each
/// entry of `results.failed_checks` is a misconfiguration finding, located at its file, first and last
/// line and resource (`Deployment.default.frontend`). Passed checks are skipped unread.
///
/// Severity is Checkov's `severity` when the run states it (only with a platform API key); otherwise info
/// with an empty original, as Checkov itself prints none. A configuration scan proves no absence of
/// vulnerabilities, secrets or code issues: it declares no scan scope.
public enum CheckovJSONReader: EvidenceReader {
  public static let format: FormatID = "checkov-json"
  public static let formatName = "Checkov JSON"

  public static func sniff(_ head: FileHead) -> Bool {
    guard head.isJSONObject || head.isJSONArray, head.hasJSONKey("check_type") else { return false }
    return head.hasJSONKey("checkov_version") || head.hasJSONKey("failed_checks") || head.hasJSONKey("check_id")
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let stream = CheckovStream()
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    guard stream.sawReport else {
      throw InputError("expected a Checkov report with `check_type`", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    var out = ReadResult(tool: ToolInfo(name: "Checkov", version: stream.version))
    out.findingMode = input.findingMode
    for check in stream.failed {
      let stated = check.severity ?? ""
      out.add(Severity.normalizing(stated), .misconfiguration) { finding(check, stated: stated) }
    }
    out.scans = []
    return out
  }

  private static func finding(_ check: CheckovCheck, stated: String) -> Finding {
    let path = ScannerResource.relativePath(check.filePath)
    let lines = check.fileLineRange ?? []
    return Finding(
      tool: "Checkov", kind: .misconfiguration, ruleId: check.checkId, severity: Severity.normalizing(stated),
      originalSeverity: stated, title: check.checkName ?? check.checkId,
      location: FindingLocation(path: path, line: lines.first, endLine: lines.count > 1 ? lines[1] : nil, target: check.resource),
      fingerprint: Fingerprint.make(.misconfiguration, ["checkov", check.checkId, path, check.resource]))
  }
}

/// The failed checks of each report one at a time (`results.failed_checks[*]`), the version from `summary`;
/// passed and skipped checks are skipped unread.
private final class CheckovStream: JSONStreamHandler {
  var failed: [CheckovCheck] = []
  var version: String?
  var sawReport = false
  private var root: JSONContainer?
  private static let keys = JSONKeySet(["check_id", "check_name", "file_path", "file_line_range", "resource", "severity"])

  func begin(_ container: JSONContainer, in stream: JSONStream) throws(InputError) -> JSONStreamAction {
    let depth = stream.depth
    if depth == 0 {
      root = container
      return .enter
    }
    let base = root == .array ? 1 : 0
    switch depth - base {
    case 0: return container == .object ? .enter : .skip
    case 1:
      if stream.isKey("results") { return container == .object ? .enter : .skip }
      return stream.isKey("summary") && container == .object ? .capture : .skip
    case 2:
      guard stream.isKey("failed_checks") else { return .skip }
      guard container == .array else { throw stream.error("expected an array, found an object") }
      return .enter
    case 3: return .capture(keeping: Self.keys)
    default: return .skip
    }
  }

  func scalar(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    let base = root == .array ? 1 : 0
    if stream.depth - base == 1 && stream.isKey("check_type") { sawReport = true }
  }

  func captured(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    if stream.isKey("summary") {
      let summary = try JSONValueDecoder.decode(CheckovSummary.self, from: value, in: stream)
      version = version ?? summary.checkovVersion
    } else {
      failed.append(try JSONValueDecoder.decode(CheckovCheck.self, from: value, in: stream))
    }
  }
}

// Minimal Codable shapes: only the fields homolog uses.
private struct CheckovCheck: Decodable {
  var checkId: String
  var checkName: String?
  var filePath: String?
  var fileLineRange: [Int]?
  var resource: String?
  var severity: String?
  private enum CodingKeys: String, CodingKey {
    case resource, severity
    case checkId = "check_id"
    case checkName = "check_name"
    case filePath = "file_path"
    case fileLineRange = "file_line_range"
  }
}

private struct CheckovSummary: Decodable {
  var checkovVersion: String?
  private enum CodingKeys: String, CodingKey { case checkovVersion = "checkov_version" }
}
