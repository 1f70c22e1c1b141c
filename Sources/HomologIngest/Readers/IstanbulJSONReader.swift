import Foundation
import HomologModel
import HomologParsing

/// Istanbul `coverage-final.json` (nyc, jest, c8, vitest `--reporter=json`): per file, statement
/// and branch hit counts.
///
/// Lines are counted as Istanbul's own line summary does: each statement counts on its start
/// line, a line is covered when its best statement count is above zero (older reports with an
/// `l` line map use it directly). Branches are every branch location of `b`, covered when hit.
public enum IstanbulJSONReader: EvidenceReader {
  public static let format: FormatID = "istanbul-json"
  public static let formatName = "Istanbul coverage-final JSON"

  public static func sniff(_ head: FileHead) -> Bool {
    head.isJSONObject && head.hasJSONKey("statementMap") && head.hasJSONKey("s")
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let data = try FileInput.readWhole(input.url, displayPath: input.path)
    let entries = try JSONInput.decode([String: IstanbulFile].self, from: data, file: input.path)
    var files: [FileCoverage] = []
    for key in entries.keys.sorted() {
      let entry = entries[key]!
      var branches = CoverageCounter()
      for counts in (entry.b ?? [:]).values {
        branches.total += counts.count
        branches.covered += counts.filter { $0 > 0 }.count
      }
      files.append(
        FileCoverage(path: entry.path ?? key, lines: lines(entry), branches: branches.total > 0 ? branches : nil))
    }
    let lines = files.reduce(CoverageCounter()) { $0 + $1.lines }
    let branches = files.reduce(CoverageCounter()) { $0 + ($1.branches ?? CoverageCounter()) }
    return ReadResult(
      tool: ToolInfo(name: "Istanbul"),
      coverage: CoverageReport(lines: lines, branches: entries.isEmpty ? nil : branches, files: files))
  }

  private static func lines(_ entry: IstanbulFile) -> CoverageCounter {
    var best: [Int: Int] = [:]
    if let lineMap = entry.l {
      for (line, count) in lineMap { best[Int(line) ?? 0] = count }
    } else {
      for (id, range) in entry.statementMap {
        let count = entry.s[id] ?? 0
        best[range.start.line] = max(best[range.start.line] ?? 0, count)
      }
    }
    return CoverageCounter(total: best.count, covered: best.values.filter { $0 > 0 }.count)
  }
}

// Minimal Codable shape: only the fields homolog uses. Some writers wrap a file's data in `data`.
private struct IstanbulFile: Decodable {
  struct Range: Decodable {
    struct Position: Decodable { var line: Int }
    var start: Position
  }
  var path: String?
  var statementMap: [String: Range]
  var s: [String: Int]
  var b: [String: [Int]]?
  var l: [String: Int]?

  private enum Keys: String, CodingKey { case path, statementMap, s, b, l, data }

  init(from decoder: Decoder) throws {
    var container = try decoder.container(keyedBy: Keys.self)
    if container.contains(.data) { container = try container.nestedContainer(keyedBy: Keys.self, forKey: .data) }
    path = try container.decodeIfPresent(String.self, forKey: .path)
    statementMap = try container.decode([String: Range].self, forKey: .statementMap)
    s = try container.decode([String: Int].self, forKey: .s)
    b = try container.decodeIfPresent([String: [Int]].self, forKey: .b)
    l = try container.decodeIfPresent([String: Int].self, forKey: .l)
  }
}
