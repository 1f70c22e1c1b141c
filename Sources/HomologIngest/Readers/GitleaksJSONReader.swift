import Foundation
import HomologModel
import HomologParsing

/// Gitleaks JSON report: a top-level array of leaks, in the field names of gitleaks 8 (`RuleID`,
/// `File`, `StartLine`, `Commit`…), 5–7 (`rule`, `file`, `lineNumber`, `commit`…) and 4 (`rule`,
/// `file`, `commitMsg`, `severity`, no line).
///
/// Gitleaks does not rate leaks (only its 4.x rules could carry a severity): every leak is high,
/// since a committed credential must be revoked whatever it guards. The secret itself (`Secret`,
/// `Match`, `offender`, `line`) is never decoded, so it cannot reach a title or a fingerprint.
/// An empty report (`[]`) has no content marker and is left to the collector as unrecognised.
public enum GitleaksJSONReader: EvidenceReader {
  public static let format: FormatID = "gitleaks-json"
  public static let formatName = "Gitleaks JSON"

  public static func sniff(_ head: FileHead) -> Bool {
    guard head.isJSONArray else { return false }
    if head.hasJSONKey("RuleID") && (head.hasJSONKey("Secret") || head.hasJSONKey("Match") || head.hasJSONKey("StartLine")) {
      return true
    }
    return head.hasJSONKey("rule") && head.hasJSONKey("offender")
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let stream = LeakStream(findingMode: input.findingMode)
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    guard stream.root == .array else {
      throw InputError("expected an array of leaks, found an object", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    var out = stream.out
    out.tool = ToolInfo(name: "Gitleaks")
    out.scans = [.secrets]
    return out
  }

  /// Adds one leak to `out`: kept whole in keep mode, only counted (no title, location or fingerprint) in count mode.
  fileprivate static func add(_ leak: Leak, to out: inout ReadResult, in stream: JSONStream) throws(InputError) {
    guard let rule = leak.RuleID ?? leak.rule else {
      throw InputError(
        "expected \"RuleID\" (gitleaks 8) or \"rule\" (gitleaks 4 to 7) in a leak",
        at: SourceLocation(file: stream.displayPath, jsonPath: stream.path))
    }
    let stated = leak.severity ?? ""
    let severity: Severity = stated.isEmpty ? .high : .normalizing(stated)
    out.add(severity, .secret) {
      let path = leak.File ?? leak.file
      let line = leak.StartLine ?? leak.lineNumber
      let commit = leak.Commit ?? leak.commit
      let description = leak.Description ?? ""
      return Finding(
        tool: "Gitleaks", kind: .secret, ruleId: rule, severity: severity,
        originalSeverity: stated, title: description.isEmpty ? rule : description,
        location: FindingLocation(path: path, line: line, endLine: leak.EndLine),
        fingerprint: Fingerprint.make(.secret, [rule, path, line.map(String.init), commit]))
    }
  }
}

/// The leaks of a report, one at a time (a leak's `Secret` and `Match` are never kept; in count mode
/// only the fields that decide a leak's rule and severity are built).
private final class LeakStream: JSONTopLevelStream {
  var out = ReadResult()
  private let keys: JSONKeySet
  private static let keptKeys = JSONKeySet([
    "RuleID", "Description", "File", "StartLine", "EndLine", "Commit", "rule", "file", "lineNumber", "commit", "severity",
  ])
  private static let countedKeys = JSONKeySet(["RuleID", "rule", "severity"])

  init(findingMode: FindingMode) {
    out.findingMode = findingMode
    keys = findingMode == .keep ? LeakStream.keptKeys : LeakStream.countedKeys
    super.init()
  }

  override var itemKeys: JSONKeySet? { keys }

  override func item(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    let leak = try JSONValueDecoder.decode(Leak.self, from: value, in: stream)
    try GitleaksJSONReader.add(leak, to: &out, in: stream)
  }
}

// Minimal Codable shape covering every gitleaks generation; only the fields homolog uses.
// swiftlint:disable identifier_name
private struct Leak: Decodable {
  // gitleaks 8
  var RuleID: String?
  var Description: String?
  var File: String?
  var StartLine: Int?
  var EndLine: Int?
  var Commit: String?
  // gitleaks 4 to 7
  var rule: String?
  var file: String?
  var lineNumber: Int?
  var commit: String?
  var severity: String?
}
