import Foundation
import HomologModel
import HomologParsing

/// LCOV tracefiles (`lcov`/`geninfo`, coverage.py, istanbul/nyc, c8, llvm-cov, grcov…), streamed line by line.
///
/// Each `SF:` … `end_of_record` record gives one file's `LF`/`LH` (lines found/hit) and
/// `BRF`/`BRH` (branches found/hit); a record without them is counted from its `DA:`/`BRDA:`
/// lines. Totals are the sums over all records; records of the same path (one per test name)
/// are summed into one file entry. Unknown record types are skipped; malformed known ones are
/// errors naming the line.
public enum LCOVReader: EvidenceReader {
  public static let format: FormatID = "lcov"
  public static let formatName = "LCOV tracefile"

  public static func sniff(_ head: FileHead) -> Bool {
    let lines = head.firstLines(5).map { $0.trimmingCharacters(in: .whitespaces) }
    guard let first = lines.first, first.hasPrefix("TN:") || first.hasPrefix("SF:") else { return false }
    // Every line of the head must look like a record (the last one may be cut by the head's size).
    return lines.dropLast(lines.count > 1 ? 1 : 0).allSatisfy { line in
      line == "end_of_record" || (line.firstIndex(of: ":").map { colon in
        !line[..<colon].isEmpty && line[..<colon].allSatisfy { $0.isASCII && ($0.isUppercase || $0 == "_") }
      } ?? false)
    }
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    var parser = LCOVParser(file: input.path)
    try LineStream.forEachLine(input.url, displayPath: input.path) { line, number throws(InputError) in
      try parser.consume(line, number: number)
    }
    return try parser.result()
  }
}

/// The state of one LCOV read: the open record and the files seen so far.
private struct LCOVParser {
  /// One `SF:` … `end_of_record` record.
  struct Record {
    var path: String
    var line: Int
    var linesFound: Int?
    var linesHit: Int?
    var branchesFound: Int?
    var branchesHit: Int?
    var dataLines = 0
    var dataLinesHit = 0
    var branchData = 0
    var branchDataHit = 0
  }

  let file: String
  var record: Record?
  var lastLine = 0
  var files: [String: FileCoverage] = [:]
  var totalLines = CoverageCounter()
  var totalBranches = CoverageCounter()
  var sawBranches = false
  var records = 0

  init(file: String) { self.file = file }

  mutating func consume(_ raw: UnsafeRawBufferPointer, number: Int) throws(InputError) {
    lastLine = number
    let line = raw.trimmingBlanks
    if line.isEmpty { return }
    if line.equals("end_of_record") {
      try endRecord(number)
      return
    }
    guard let colon = line.firstIndex(of: 0x3A) else {
      throw located("expected a KEY:value record or end_of_record, found '\(Self.excerpt(line))'", number)
    }
    let key = UnsafeRawBufferPointer(rebasing: line[..<colon])
    let value = UnsafeRawBufferPointer(rebasing: line[(colon + 1)...])
    guard Self.isKey(key) else {
      throw located("expected a KEY:value record or end_of_record, found '\(Self.excerpt(line))'", number)
    }
    if key.equals("TN") { return }
    if key.equals("SF") {
      if let open = record {
        throw located("expected end_of_record before a new SF: (the record of '\(open.path)' starts at line \(open.line))", number)
      }
      let path = value.trimmingBlanks.text
      guard !path.isEmpty else { throw located("expected a file path after SF:", number) }
      record = Record(path: path, line: number)
      return
    }
    guard record != nil else {
      guard Self.isKnown(key) else { return }
      throw located("expected SF: before \(key.text): (a record starts with its source file)", number)
    }
    if key.equals("DA") {
      // DA:<line>,<count>[,<checksum>]
      guard let comma = value.firstIndex(of: 0x2C),
        UnsafeRawBufferPointer(rebasing: value[..<comma]).nonNegativeInt != nil
      else { throw located("expected DA:<line>,<count>, found '\(Self.excerpt(line))'", number) }
      let rest = value[(comma + 1)...]
      let countEnd = rest.firstIndex(of: 0x2C) ?? rest.endIndex
      guard let hit = Self.executed(UnsafeRawBufferPointer(rebasing: value[(comma + 1)..<countEnd])) else {
        throw located("expected DA:<line>,<count>, found '\(Self.excerpt(line))'", number)
      }
      record?.dataLines += 1
      if hit { record?.dataLinesHit += 1 }
    } else if key.equals("BRDA") {
      // BRDA:<line>,<block>,<branch>,<taken> (newer lcov may put an expression in the branch field)
      guard let first = value.firstIndex(of: 0x2C), let last = value.lastIndex(of: 0x2C),
        value[first..<last].lazy.filter({ $0 == 0x2C }).count >= 2,
        UnsafeRawBufferPointer(rebasing: value[..<first]).nonNegativeInt != nil
      else { throw located("expected BRDA:<line>,<block>,<branch>,<taken>, found '\(Self.excerpt(line))'", number) }
      let taken = UnsafeRawBufferPointer(rebasing: value[(last + 1)...]).trimmingBlanks
      let hit: Bool
      if taken.equals("-") {
        hit = false
      } else if let executed = Self.executed(taken) {
        hit = executed
      } else {
        throw located("expected a count or '-' as the last BRDA field, found '\(Self.excerpt(line))'", number)
      }
      record?.branchData += 1
      if hit { record?.branchDataHit += 1 }
    } else if key.equals("LF") {
      let parsed = try count(value, key: "LF", number)
      record?.linesFound = parsed
    } else if key.equals("LH") {
      let parsed = try count(value, key: "LH", number)
      record?.linesHit = parsed
    } else if key.equals("BRF") {
      let parsed = try count(value, key: "BRF", number)
      record?.branchesFound = parsed
    } else if key.equals("BRH") {
      let parsed = try count(value, key: "BRH", number)
      record?.branchesHit = parsed
    } else if key.equals("FNF") || key.equals("FNH") {
      _ = try count(value, key: key.text, number)
    }
  }

  mutating func endRecord(_ number: Int) throws(InputError) {
    guard let finished = record else { throw located("expected SF: before end_of_record", number) }
    record = nil
    records += 1
    let found = finished.linesFound ?? finished.dataLines
    let hit = finished.linesHit ?? finished.dataLinesHit
    guard hit <= found else { throw located("expected LH (\(hit)) not above LF (\(found)) in the record of '\(finished.path)'", number) }
    let lines = CoverageCounter(total: found, covered: hit)
    var branches: CoverageCounter?
    if finished.branchesFound != nil || finished.branchesHit != nil || finished.branchData > 0 {
      let branchesFound = finished.branchesFound ?? finished.branchData
      let branchesHit = finished.branchesHit ?? finished.branchDataHit
      guard branchesHit <= branchesFound else {
        throw located("expected BRH (\(branchesHit)) not above BRF (\(branchesFound)) in the record of '\(finished.path)'", number)
      }
      branches = CoverageCounter(total: branchesFound, covered: branchesHit)
    }
    totalLines = totalLines + lines
    if let branches {
      sawBranches = true
      totalBranches = totalBranches + branches
    }
    var entry = files[finished.path] ?? FileCoverage(path: finished.path, lines: CoverageCounter())
    entry.lines = entry.lines + lines
    if let branches { entry.branches = (entry.branches ?? CoverageCounter()) + branches }
    files[finished.path] = entry
  }

  func result() throws(InputError) -> ReadResult {
    if let open = record {
      throw located("expected end_of_record: the file ends inside the record of '\(open.path)' (started at line \(open.line))", lastLine)
    }
    guard records > 0 else { throw located("expected at least one SF: … end_of_record record", max(lastLine, 1)) }
    let sorted = files.values.sorted { $0.path < $1.path }
    return ReadResult(
      tool: ToolInfo(name: "LCOV"),
      coverage: CoverageReport(lines: totalLines, branches: sawBranches ? totalBranches : nil, files: sorted))
  }

  func count(_ value: UnsafeRawBufferPointer, key: String, _ number: Int) throws(InputError) -> Int {
    guard let count = value.nonNegativeInt else {
      throw located("expected a non-negative integer after \(key):, found '\(Self.excerpt(value.trimmingBlanks))'", number)
    }
    return count
  }

  func located(_ message: String, _ line: Int) -> InputError {
    InputError(message, at: SourceLocation(file: file, line: line))
  }

  /// Whether an execution count means the line or branch ran: integers, or large counts some tools write as floats.
  static func executed(_ raw: UnsafeRawBufferPointer) -> Bool? {
    let text = raw.trimmingBlanks
    if let count = text.nonNegativeInt { return count > 0 }
    guard let value = Double(text.text), value.isFinite else { return nil }
    return value > 0
  }

  /// Record types this reader reads (others, from newer lcov versions, are skipped).
  static func isKnown(_ key: UnsafeRawBufferPointer) -> Bool {
    key.equals("DA") || key.equals("BRDA") || key.equals("LF") || key.equals("LH") || key.equals("BRF")
      || key.equals("BRH") || key.equals("FNF") || key.equals("FNH")
  }

  /// An LCOV record type: upper-case letters and underscores.
  static func isKey(_ key: UnsafeRawBufferPointer) -> Bool {
    !key.isEmpty && key.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x5F }
  }

  /// The start of a line, for messages.
  static func excerpt(_ line: UnsafeRawBufferPointer) -> String {
    let text = line.text
    return text.count > 60 ? String(text.prefix(60)) + "…" : text
  }
}
