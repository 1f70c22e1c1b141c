import Foundation
import HomologModel
import HomologParsing

/// Cobertura XML coverage (coverage.py, gcovr, coverlet, istanbul, …), streamed.
///
/// Totals are the ones the report's root element states (`lines-valid`, `lines-covered`,
/// `branches-valid`, `branches-covered`); per-file figures come from class-level `<line>`s, each
/// (file, line number) counted once even when several `<class>`es of a file list it (covered
/// when any entry has hits; branches from its first entry that has them). A root without those
/// attributes gets the sums of the per-file figures.
public enum CoberturaXMLReader: EvidenceReader {
  public static let format: FormatID = "cobertura-xml"
  public static let formatName = "Cobertura XML"

  public static func sniff(_ head: FileHead) -> Bool {
    head.xmlRootElement == "coverage" && (head.contains("line-rate") || head.contains("<packages"))
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let handler = CoberturaHandler(file: input.path)
    try XMLStreamParser.parse(file: input.url, displayPath: input.path, handler: handler)
    return try handler.result()
  }
}

private final class CoberturaHandler: XMLStreamHandler {
  /// The distinct lines and branch counts of one source file.
  final class FileLines {
    var lines = LineSet()
    var branches = CoverageCounter()
  }

  let file: String
  var header: (lines: CoverageCounter?, branches: CoverageCounter?, lineRate: Double?, version: String?, timestamp: String?)?
  var perFile: [String: FileLines] = [:]
  var currentFile: FileLines?
  var currentPath: String?
  var inClass = false
  var methodDepth = 0
  var depth = 0

  init(file: String) { self.file = file }

  func startElement(_ name: String, attributes: XMLAttributes, line: Int) throws(InputError) {
    depth += 1
    switch name {
    case "coverage" where depth == 1:
      var lines: CoverageCounter?
      if let valid = attributes.int("lines-valid"), let covered = attributes.int("lines-covered") {
        lines = CoverageCounter(total: valid, covered: covered)
      }
      var branches: CoverageCounter?
      if let valid = attributes.int("branches-valid"), let covered = attributes.int("branches-covered") {
        branches = CoverageCounter(total: valid, covered: covered)
      }
      header = (lines, branches, attributes.double("line-rate"), attributes.value("version"), attributes.value("timestamp"))
    case "class":
      guard let filename = attributes.value("filename") else {
        throw InputError("expected a filename attribute on <class>", at: SourceLocation(file: file, line: line))
      }
      inClass = true
      if filename != currentPath {
        currentPath = filename
        if let known = perFile[filename] {
          currentFile = known
        } else {
          let created = FileLines()
          perFile[filename] = created
          currentFile = created
        }
      }
    case "method":
      methodDepth += 1
    case "line" where methodDepth == 0:
      guard inClass, let entry = currentFile else { return }
      // Byte-level reads of the three attributes every <line> has: no String per attribute.
      let integerHits = attributes.withValueBytes("hits", { $0.nonNegativeInt }) ?? nil
      guard let hits = integerHits.map(Double.init) ?? attributes.value("hits").flatMap(Self.parseHits) else {
        throw InputError("expected a numeric hits attribute on <line>", at: SourceLocation(file: file, line: line))
      }
      guard let number = attributes.withValueBytes("number", { $0.nonNegativeInt }) ?? nil else {
        throw InputError("expected an integer number attribute on <line>", at: SourceLocation(file: file, line: line))
      }
      var counts: CoverageCounter?
      if attributes.withValueBytes("branch", { $0.equals("true") }) == true, let condition = attributes.value("condition-coverage") {
        counts = Self.parseCondition(condition)
      }
      let added = entry.lines.insert(number, covered: hits > 0, hasBranches: counts != nil)
      if added.firstBranches, let counts {
        entry.branches.total += counts.total
        entry.branches.covered += counts.covered
      }
    default:
      break
    }
  }

  func endElement(_ name: String, line: Int) throws(InputError) {
    depth -= 1
    if name == "method" { methodDepth -= 1 }
    if name == "class" { inClass = false }
  }

  /// `hits` is an integer, though some tools write large counts in float form.
  static func parseHits(_ text: String) -> Double? {
    if let count = text.nonNegativeInt { return Double(count) }
    return Double(text)
  }

  /// `50% (1/2)` → covered 1, total 2.
  static func parseCondition(_ text: String) -> CoverageCounter? {
    var text = text
    return text.withUTF8 { utf8 -> CoverageCounter? in
      let bytes = UnsafeRawBufferPointer(utf8)
      guard let open = bytes.firstIndex(of: 0x28), let slash = bytes[open...].firstIndex(of: 0x2F),
        let close = bytes[slash...].firstIndex(of: 0x29),
        let covered = UnsafeRawBufferPointer(rebasing: bytes[(open + 1)..<slash]).nonNegativeInt,
        let total = UnsafeRawBufferPointer(rebasing: bytes[(slash + 1)..<close]).nonNegativeInt
      else { return nil }
      return CoverageCounter(total: total, covered: covered)
    }
  }

  func result() throws(InputError) -> ReadResult {
    guard let header else {
      throw InputError("expected a <coverage> root element", at: SourceLocation(file: file, line: 1))
    }
    let files = perFile.keys.sorted().map { path -> FileCoverage in
      let entry = perFile[path]!
      return FileCoverage(
        path: path, lines: CoverageCounter(total: entry.lines.count, covered: entry.lines.coveredCount),
        branches: entry.branches.total > 0 ? entry.branches : nil)
    }
    let summedLines = files.reduce(CoverageCounter()) { $0 + $1.lines }
    let summedBranches = files.reduce(CoverageCounter()) { $0 + ($1.branches ?? CoverageCounter()) }
    let lines = header.lines ?? summedLines
    let branches = header.branches ?? (summedBranches.total > 0 ? summedBranches : nil)
    let version = header.version.map { $0.hasPrefix("gcovr ") ? String($0.dropFirst(6)) : $0 }
    let toolName = (header.version ?? "").hasPrefix("gcovr") ? "gcovr" : "Cobertura"
    let generatedAt = EpochTimestamp.iso8601(header.timestamp)
    return ReadResult(
      tool: ToolInfo(name: toolName, version: version), generatedAt: generatedAt,
      coverage: CoverageReport(lines: lines, branches: branches, files: files))
  }
}
