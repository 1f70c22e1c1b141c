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
    let stream = SummaryStream()
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    guard stream.root == .object else {
      throw InputError("expected an object of summaries, found an array", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    let entries = stream.entries
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

/// One summary entry (a file, or `total`) at a time.
private final class SummaryStream: JSONTopLevelStream {
  var entries: [String: SummaryEntry] = [:]

  override func member(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    entries[stream.key ?? ""] = try JSONValueDecoder.decode(SummaryEntry.self, from: value, in: stream)
  }

  override func scalarMember(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    throw stream.error("expected an object, found \(value.typeName)")
  }

  override func itemScalar(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    throw stream.error("expected an object of summaries, found an array")
  }

  override func item(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    throw stream.error("expected an object of summaries, found an array")
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
