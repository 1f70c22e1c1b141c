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
    let data = try FileInput.readWhole(input.url, displayPath: input.path)
    let leaks = try JSONInput.decode([Leak].self, from: data, file: input.path)
    var out = ReadResult(tool: ToolInfo(name: "Gitleaks"))
    for (index, leak) in leaks.enumerated() {
      guard let rule = leak.RuleID ?? leak.rule else {
        throw InputError(
          "expected \"RuleID\" (gitleaks 8) or \"rule\" (gitleaks 4 to 7) in a leak",
          at: SourceLocation(file: input.path, jsonPath: "$[\(index)]"))
      }
      let path = leak.File ?? leak.file
      let line = leak.StartLine ?? leak.lineNumber
      let commit = leak.Commit ?? leak.commit
      let stated = leak.severity ?? ""
      let description = leak.Description ?? ""
      out.findings.append(
        Finding(
          tool: "Gitleaks", kind: .secret, ruleId: rule, severity: stated.isEmpty ? .high : .normalizing(stated),
          originalSeverity: stated, title: description.isEmpty ? rule : description,
          location: FindingLocation(path: path, line: line, endLine: leak.EndLine),
          fingerprint: Fingerprint.make(.secret, [rule, path, line.map(String.init), commit])))
    }
    out.scans = [.secrets]
    return out
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
