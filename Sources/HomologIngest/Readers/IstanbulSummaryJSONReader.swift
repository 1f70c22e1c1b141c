import Foundation
import HomologModel
import HomologParsing

/// Istanbul `coverage-summary.json` (`json-summary` reporter): `total` and per-file `lines` and
/// `branches` counters, taken as stated.
public enum IstanbulSummaryJSONReader: EvidenceReader {
  public static let format: FormatID = "istanbul-summary-json"
  public static let formatName = "Istanbul coverage-summary JSON"

  public static func sniff(_ head: FileHead) -> Bool {
    head.isJSONObject && head.hasJSONKey("total") && head.hasJSONKey("lines") && head.hasJSONKey("statements")
      && head.hasJSONKey("pct")
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let data = try FileInput.readWhole(input.url, displayPath: input.path)
    let entries = try JSONInput.decode([String: SummaryEntry].self, from: data, file: input.path)
    guard let total = entries["total"] else {
      throw InputError("expected a \"total\" entry", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    let files = entries.keys.filter { $0 != "total" }.sorted().map { path in
      FileCoverage(path: path, lines: entries[path]!.lines.counter, branches: entries[path]!.branches?.counter)
    }
    return ReadResult(
      tool: ToolInfo(name: "Istanbul"),
      coverage: CoverageReport(lines: total.lines.counter, branches: total.branches?.counter, files: files))
  }
}

// Minimal Codable shape: `pct` is left out (it can be the string "Unknown").
private struct SummaryEntry: Decodable {
  struct Counter: Decodable {
    var total: Int
    var covered: Int
    var counter: CoverageCounter { CoverageCounter(total: total, covered: covered) }
  }
  var lines: Counter
  var branches: Counter?
}
