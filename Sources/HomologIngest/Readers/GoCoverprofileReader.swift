import Foundation
import HomologModel
import HomologParsing

/// Go coverage profiles (`go test -coverprofile`, `go tool covdata textfmt`), streamed line by line.
///
/// After the `mode: set|count|atomic` line, each line is
/// `file:startLine.startCol,endLine.endCol numStmts count`. Statements are totalled the way
/// `go tool cover -func` totals them: a block listed several times (profiles of several packages
/// concatenated, `-coverpkg`) counts once, covered when any of its entries has a count above zero.
/// Lines in the report are statements.
public enum GoCoverprofileReader: EvidenceReader {
  public static let format: FormatID = "go-coverprofile"
  public static let formatName = "Go coverage profile"

  public static func sniff(_ head: FileHead) -> Bool {
    guard let first = head.firstLines(1).first else { return false }
    return GoProfileParser.mode(of: Substring(first.trimmingCharacters(in: .whitespaces))) != nil
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    var parser = GoProfileParser(file: input.path)
    try LineStream.forEachLine(input.url, displayPath: input.path) { line, number throws(InputError) in
      try parser.consume(line, number: number)
    }
    return try parser.result()
  }
}

/// The state of one profile read: the mode and every distinct block per file.
private struct GoProfileParser {
  /// A block's position in its file.
  struct Position: Hashable {
    var startLine: Int32
    var startColumn: Int32
    var endLine: Int32
    var endColumn: Int32
  }

  /// A block's statements and whether any entry ran it.
  struct Block {
    var statements: Int32
    var covered: Bool
  }

  let file: String
  var mode: String?
  var lastLine = 0
  var fileIndex: [String: Int] = [:]
  var fileNames: [String] = []
  var blocks: [[Position: Block]] = []
  var previousName: [UInt8] = []
  var previousIndex = -1

  init(file: String) { self.file = file }

  /// `set`, `count` or `atomic` from a `mode: …` line, else nil.
  static func mode(of line: Substring) -> String? {
    guard line.hasPrefix("mode:") else { return nil }
    let value = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
    return ["set", "count", "atomic"].contains(value) ? value : nil
  }

  mutating func consume(_ raw: UnsafeRawBufferPointer, number: Int) throws(InputError) {
    lastLine = number
    let line = raw.trimmingBlanks
    if line.isEmpty { return }
    if line.starts(with: "mode:".utf8) {
      guard let found = Self.mode(of: Substring(line.text)) else {
        throw located("expected mode: set, count or atomic, found '\(line.text)'", number)
      }
      if let mode, mode != found {
        throw located("expected the same mode throughout the profile: '\(mode)' then '\(found)'", number)
      }
      mode = found
      return
    }
    guard mode != nil else { throw located("expected a first line 'mode: set|count|atomic'", number) }
    try block(line, number)
  }

  /// Reads `file:startLine.startCol,endLine.endCol numStmts count`.
  mutating func block(_ line: UnsafeRawBufferPointer, _ number: Int) throws(InputError) {
    guard let lastSpace = line.lastIndex(of: 0x20),
      let middleSpace = line[..<lastSpace].lastIndex(of: 0x20),
      let colon = line[..<middleSpace].lastIndex(of: 0x3A), colon > 0,
      let count = Self.count(UnsafeRawBufferPointer(rebasing: line[(lastSpace + 1)...])),
      let statements = UnsafeRawBufferPointer(rebasing: line[(middleSpace + 1)..<lastSpace]).nonNegativeInt,
      statements <= Int32.max,
      let position = Self.position(UnsafeRawBufferPointer(rebasing: line[(colon + 1)..<middleSpace]))
    else {
      throw located("expected file:startLine.startCol,endLine.endCol numStmts count, found '\(Self.excerpt(line))'", number)
    }
    let name = UnsafeRawBufferPointer(rebasing: line[..<colon])
    let index = fileIndex(for: name)
    let entry = Block(statements: Int32(statements), covered: count > 0)
    if let existing = blocks[index][position] {
      guard existing.statements == entry.statements else {
        throw located(
          "expected the same statement count for a block listed twice: \(existing.statements) then \(statements)", number)
      }
      if entry.covered && !existing.covered { blocks[index][position]?.covered = true }
    } else {
      blocks[index][position] = entry
    }
  }

  /// The index of a file's block table; consecutive lines of the same file skip the hashing.
  mutating func fileIndex(for name: UnsafeRawBufferPointer) -> Int {
    if previousIndex >= 0, name.elementsEqual(previousName) { return previousIndex }
    let text = name.text
    let index: Int
    if let known = fileIndex[text] {
      index = known
    } else {
      index = fileNames.count
      fileIndex[text] = index
      fileNames.append(text)
      blocks.append([:])
    }
    previousName = Array(name)
    previousIndex = index
    return index
  }

  /// `12.3,14.5` → the block position.
  static func position(_ text: UnsafeRawBufferPointer) -> Position? {
    guard let comma = text.firstIndex(of: 0x2C) else { return nil }
    guard let start = pair(UnsafeRawBufferPointer(rebasing: text[..<comma])),
      let end = pair(UnsafeRawBufferPointer(rebasing: text[(comma + 1)...]))
    else { return nil }
    return Position(startLine: start.0, startColumn: start.1, endLine: end.0, endColumn: end.1)
  }

  /// `12.3` → (12, 3).
  static func pair(_ text: UnsafeRawBufferPointer) -> (Int32, Int32)? {
    guard let dot = text.firstIndex(of: 0x2E),
      let line = UnsafeRawBufferPointer(rebasing: text[..<dot]).nonNegativeInt, line <= Int32.max,
      let column = UnsafeRawBufferPointer(rebasing: text[(dot + 1)...]).nonNegativeInt, column <= Int32.max
    else { return nil }
    return (Int32(line), Int32(column))
  }

  /// An execution count: a non-negative integer (any size: only zero or not matters).
  static func count(_ text: UnsafeRawBufferPointer) -> Int? {
    guard !text.isEmpty, text.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return text.contains { $0 != 0x30 } ? 1 : 0
  }

  func result() throws(InputError) -> ReadResult {
    guard mode != nil else { throw located("expected a first line 'mode: set|count|atomic'", max(lastLine, 1)) }
    var files: [FileCoverage] = []
    var total = CoverageCounter()
    for (index, name) in fileNames.enumerated() {
      var counter = CoverageCounter()
      for block in blocks[index].values {
        counter.total += Int(block.statements)
        if block.covered { counter.covered += Int(block.statements) }
      }
      total = total + counter
      files.append(FileCoverage(path: name, lines: counter))
    }
    files.sort { $0.path < $1.path }
    return ReadResult(tool: ToolInfo(name: "Go"), coverage: CoverageReport(lines: total, branches: nil, files: files))
  }

  func located(_ message: String, _ line: Int) -> InputError {
    InputError(message, at: SourceLocation(file: file, line: line))
  }

  /// The start of a line, for messages.
  static func excerpt(_ line: UnsafeRawBufferPointer) -> String {
    let text = line.text
    return text.count > 80 ? String(text.prefix(80)) + "…" : text
  }
}
