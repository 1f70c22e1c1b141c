import Foundation
import HomologModel
import HomologParsing

/// sonar-scanner's `report-task.txt` (`.scannerwork/report-task.txt`, `target/sonar/report-task.txt`):
/// `key=value` lines naming the analysis just submitted (`projectKey`, `serverUrl`, `serverVersion`,
/// `dashboardUrl`, `ceTaskId`, `ceTaskUrl`). It holds no finding and no quality gate status: the reader
/// returns a gate of status `NONE` carrying the analysis, and the quality gate check says how to fetch the
/// status from the Web API. It declares no scan scope (no finding figure is known).
public enum SonarQubeReportTaskReader: EvidenceReader {
  public static let format: FormatID = "sonarqube-report-task"
  public static let formatName = "SonarQube report-task.txt"

  public static func sniff(_ head: FileHead) -> Bool {
    guard head.firstCharacter != "{" && head.firstCharacter != "[" && head.firstCharacter != "<" else { return false }
    let keys = Set(head.firstLines(20).compactMap { line in line.firstIndex(of: "=").map { String(line[..<$0]) } })
    return keys.contains("projectKey") && keys.contains("ceTaskId") && keys.contains("serverUrl")
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    var values: [String: String] = [:]
    try LineStream.forEachLine(input.url, displayPath: input.path) { bytes, number throws(InputError) in
      let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { return }
      guard let equals = line.firstIndex(of: "=") else {
        throw InputError("expected a `key=value` line, found \"\(line.prefix(80))\"", at: SourceLocation(file: input.path, line: number))
      }
      values[String(line[..<equals])] = String(line[line.index(after: equals)...])
    }
    guard let projectKey = values["projectKey"], !projectKey.isEmpty else {
      throw InputError("missing required key \"projectKey\"", at: SourceLocation(file: input.path, line: 1))
    }
    let analysis = SonarAnalysis(
      projectKey: projectKey, serverUrl: values["serverUrl"], serverVersion: values["serverVersion"],
      ceTaskId: values["ceTaskId"], ceTaskUrl: values["ceTaskUrl"], dashboardUrl: values["dashboardUrl"])
    var out = ReadResult(tool: ToolInfo(name: "SonarQube", version: values["serverVersion"]))
    out.qualityGate = QualityGate(project: projectKey, status: .none, conditions: [], analysis: analysis)
    out.scans = []
    return out
  }
}
