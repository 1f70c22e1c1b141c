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

private final class CoberturaHandler: XMLByteHandler {
  /// The reader's state, mutated in place through a pointer: a stored `var` would cost a dynamic
  /// exclusivity check on every event (a fifth of the reader's own instructions).
  let state: UnsafeMutablePointer<CoberturaState>

  init(file: String) {
    state = .allocate(capacity: 1)
    state.initialize(to: CoberturaState(file: file))
  }

  deinit {
    state.deinitialize(count: 1)
    state.deallocate()
  }

  func startElement(_ name: XMLName, attributes: XMLAttributes, context: XMLEventContext) throws(InputError) {
    try state.pointee.start(name, attributes: attributes, context: context)
  }

  func endElement(_ name: XMLName, context: XMLEventContext) throws(InputError) { state.pointee.end(name) }

  func result() throws(InputError) -> ReadResult { try state.pointee.result() }
}

private struct CoberturaState {
  /// The distinct lines and branch counts of one source file.
  struct FileLines {
    var lines = LineSet()
    var branches = CoverageCounter()
  }

  let file: String
  var header: (lines: CoverageCounter?, branches: CoverageCounter?, lineRate: Double?, version: String?, timestamp: String?)?
  /// Source path → index in `entries`.
  var fileIndex: [String: Int] = [:]
  var entries: [FileLines] = []
  /// Index in `entries` of the open class's file, or -1; its lines live in `currentLines` meanwhile
  /// (moved out of the array, so each `<line>` updates a plain stored value).
  var current = -1
  var currentLines = FileLines()
  var currentPath: String?
  var inClass = false
  var methodDepth = 0
  var depth = 0

  init(file: String) { self.file = file }

  mutating func start(_ name: XMLName, attributes: XMLAttributes, context: XMLEventContext) throws(InputError) {
    depth += 1
    // `<line>` is nearly every element of a report: decided first.
    if name == "line" {
      if methodDepth == 0 { try readLine(attributes, context: context) }
      return
    }
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
        throw InputError("expected a filename attribute on <class>", at: SourceLocation(file: file, line: context.line))
      }
      inClass = true
      if filename != currentPath {
        currentPath = filename
        putBackCurrentLines()
        if let known = fileIndex[filename] {
          current = known
        } else {
          current = entries.count
          fileIndex[filename] = current
          entries.append(FileLines())
        }
        swap(&currentLines, &entries[current])
      }
    case "method":
      methodDepth += 1
    default:
      break
    }
  }

  /// A class-level `<line>`: its attributes read as bytes in one pass, no String unless `hits` is
  /// not a plain integer.
  mutating func readLine(_ attributes: XMLAttributes, context: XMLEventContext) throws(InputError) {
    guard inClass, current >= 0 else { return }
    var hitsValue: UnsafeRawBufferPointer?
    var numberValue: UnsafeRawBufferPointer?
    var branchValue: UnsafeRawBufferPointer?
    var conditionValue: UnsafeRawBufferPointer?
    attributes.forEach { name, value in
      switch name {
      case "number": if numberValue == nil { numberValue = value }
      case "hits": if hitsValue == nil { hitsValue = value }
      case "branch": if branchValue == nil { branchValue = value }
      case "condition-coverage": if conditionValue == nil { conditionValue = value }
      default: break
      }
    }
    let covered: Bool
    if let hits = hitsValue?.nonNegativeInt {
      covered = hits > 0
    } else if let hits = hitsValue.flatMap({ Self.parseHits($0.text) }) {
      covered = hits > 0
    } else {
      throw InputError("expected a numeric hits attribute on <line>", at: SourceLocation(file: file, line: context.line))
    }
    guard let number = numberValue?.nonNegativeInt else {
      throw InputError("expected an integer number attribute on <line>", at: SourceLocation(file: file, line: context.line))
    }
    var counts: CoverageCounter?
    if branchValue?.equals("true") == true, let conditionValue {
      counts = Self.parseCondition(conditionValue)
    }
    let added = currentLines.lines.insert(number, covered: covered, hasBranches: counts != nil)
    if added.firstBranches, let counts {
      currentLines.branches.total += counts.total
      currentLines.branches.covered += counts.covered
    }
  }

  /// Moves the open file's lines back into `entries`.
  mutating func putBackCurrentLines() {
    guard current >= 0 else { return }
    swap(&currentLines, &entries[current])
    currentLines = FileLines()
  }

  mutating func end(_ name: XMLName) {
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
  static func parseCondition(_ bytes: UnsafeRawBufferPointer) -> CoverageCounter? {
    guard let open = bytes.firstIndex(of: 0x28), let slash = bytes[open...].firstIndex(of: 0x2F),
      let close = bytes[slash...].firstIndex(of: 0x29),
      let covered = UnsafeRawBufferPointer(rebasing: bytes[(open + 1)..<slash]).nonNegativeInt,
      let total = UnsafeRawBufferPointer(rebasing: bytes[(slash + 1)..<close]).nonNegativeInt
    else { return nil }
    return CoverageCounter(total: total, covered: covered)
  }

  mutating func result() throws(InputError) -> ReadResult {
    putBackCurrentLines()
    current = -1
    guard let header else {
      throw InputError("expected a <coverage> root element", at: SourceLocation(file: file, line: 1))
    }
    let files = fileIndex.keys.sorted().map { path -> FileCoverage in
      let entry = entries[fileIndex[path]!]
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
