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

  /// Elements are placed by their ancestors (`XMLEventContext.ancestor`): no call per end tag.
  var wantsEndElements: Bool { false }

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
  /// Depth of the open class's `<lines>` element, or -2 before it (a `<line>` one level below is read).
  var classLinesDepth = -2
  /// The addresses of the `number` and `hits` attribute names in libxml2's dictionary, once met.
  var numberName: UnsafeRawPointer?
  var hitsName: UnsafeRawPointer?

  init(file: String) { self.file = file }

  mutating func start(_ name: XMLName, attributes: XMLAttributes, context: XMLEventContext) throws(InputError) {
    // `<line>` is nearly every element of a report: decided first, by depth alone. A class-level line
    // sits in the open class's `<lines>`, one level below it; a method's (`<method><lines>`, deeper)
    // repeats one of them and is passed over.
    if name == "line" {
      if context.depth == classLinesDepth + 1 { try readLine(attributes, context: context) }
      return
    }
    switch name {
    case "lines":
      // The open class's own `<lines>` (its parent is the class): the lines one level below are read.
      if current >= 0, let parent = context.ancestor(1), parent == "class" { classLinesDepth = context.depth }
    case "coverage" where context.depth == 1:
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
      classLinesDepth = -2
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
    default:
      break
    }
  }

  /// Whether an attribute is `number`: by its interned address once seen, else by its bytes.
  @inline(__always)
  mutating func isNumber(_ name: XMLName) -> Bool {
    if name.address == numberName { return true }
    guard name == "number" else { return false }
    numberName = name.address
    return true
  }

  /// Whether an attribute is `hits`: by its interned address once seen, else by its bytes.
  @inline(__always)
  mutating func isHits(_ name: XMLName) -> Bool {
    if name.address == hitsName { return true }
    guard name == "hits" else { return false }
    hitsName = name.address
    return true
  }

  /// A class-level `<line>`: its attributes read as bytes in one pass (names told apart by their first
  /// byte), plain integers parsed in place; a String only when `hits` is not a plain integer.
  @inline(__always)
  mutating func readLine(_ attributes: XMLAttributes, context: XMLEventContext) throws(InputError) {
    let none = UnsafeRawBufferPointer(start: nil, count: 0)
    var hitsValue = none, numberValue = none, conditionValue = none
    var seen: UInt8 = 0  // bits: number 1, hits 2, branch 4, condition-coverage 8 (the first of each wins)
    var isBranch = false
    let count = attributes.attributeCount
    var first = 0
    // coverage.py, gcovr, coverlet and istanbul all write `number` then `hits` first: taken without a
    // loop (fewer mispredicted branches); any other order goes through the loop.
    if count >= 2 && isNumber(attributes.name(at: 0)) && isHits(attributes.name(at: 1)) {
      numberValue = attributes.valueBytes(at: 0)
      hitsValue = attributes.valueBytes(at: 1)
      seen = 3
      first = 2
    }
    for index in first..<count {
      let name = attributes.name(at: index)
      switch name.firstByte {
      case UInt8(ascii: "n") where seen & 1 == 0 && name == "number":
        seen |= 1
        numberValue = attributes.valueBytes(at: index)
      case UInt8(ascii: "h") where seen & 2 == 0 && name == "hits":
        seen |= 2
        hitsValue = attributes.valueBytes(at: index)
      case UInt8(ascii: "b") where seen & 4 == 0 && name == "branch":
        seen |= 4
        isBranch = attributes.valueBytes(at: index).equals("true")
      case UInt8(ascii: "c") where seen & 8 == 0 && name == "condition-coverage":
        seen |= 8
        conditionValue = attributes.valueBytes(at: index)
      default: break
      }
    }
    let covered: Bool
    if let hits = hitsValue.plainInt ?? hitsValue.nonNegativeInt {
      covered = hits > 0
    } else if seen & 2 != 0, let hits = Self.parseHits(hitsValue.text) {
      covered = hits > 0
    } else {
      throw InputError("expected a numeric hits attribute on <line>", at: SourceLocation(file: file, line: context.line))
    }
    guard let number = numberValue.plainInt ?? numberValue.nonNegativeInt else {
      throw InputError("expected an integer number attribute on <line>", at: SourceLocation(file: file, line: context.line))
    }
    var counts: CoverageCounter?
    if isBranch && seen & 8 != 0 {
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
