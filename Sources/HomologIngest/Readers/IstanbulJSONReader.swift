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
    let stream = IstanbulStream()
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    guard stream.root == .object else {
      throw InputError("expected an object of files, found an array", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    let files = stream.files.sorted { $0.key < $1.key }.map(\.file)
    let lines = files.reduce(CoverageCounter()) { $0 + $1.lines }
    let branches = files.reduce(CoverageCounter()) { $0 + ($1.branches ?? CoverageCounter()) }
    return ReadResult(
      tool: ToolInfo(name: "Istanbul"),
      coverage: CoverageReport(lines: lines, branches: files.isEmpty ? nil : branches, files: files))
  }

  /// The coverage of one file entry.
  fileprivate static func file(_ entry: IstanbulFile, key: String) -> FileCoverage {
    var branches = CoverageCounter()
    for counts in (entry.b ?? [:]).values {
      branches.total += counts.count
      branches.covered += counts.filter { $0 > 0 }.count
    }
    return FileCoverage(path: entry.path ?? key, lines: lines(entry), branches: branches.total > 0 ? branches : nil)
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

/// One file entry at a time, reduced to its counts.
private final class IstanbulStream: JSONTopLevelStream {
  var files: [(key: String, file: FileCoverage)] = []

  override func member(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    let key = stream.key ?? ""
    files.append((key, IstanbulJSONReader.file(try JSONValueDecoder.decode(IstanbulFile.self, from: value, in: stream), key: key)))
  }

  override func scalarMember(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    throw stream.error("expected an object, found \(value.typeName)")
  }

  override func itemScalar(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    throw stream.error("expected an object of files, found an array")
  }

  override func item(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    throw stream.error("expected an object of files, found an array")
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
