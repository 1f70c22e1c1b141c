import Foundation
import HomologModel
import HomologParsing

/// JaCoCo XML coverage (Maven, Gradle, Ant `report` task), streamed.
///
/// Totals are the `LINE` and `BRANCH` counters that are direct children of `<report>` (the
/// tool's own figures); per-file figures come from each `<sourcefile>`'s counters, the path being
/// the package name, `/`, and the source file name. Packages may sit inside `<group>`s. The
/// generation date is the latest `<sessioninfo start>`. The `<!DOCTYPE report … "report.dtd">`
/// is never fetched.
public enum JaCoCoXMLReader: EvidenceReader {
  public static let format: FormatID = "jacoco-xml"
  public static let formatName = "JaCoCo XML"

  public static func sniff(_ head: FileHead) -> Bool {
    guard head.xmlRootElement == "report" else { return false }
    return head.contains("-//JACOCO//DTD") || head.contains("<sessioninfo")
      || ((head.contains("<package") || head.contains("<group")) && head.contains("<counter"))
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let handler = JaCoCoHandler(file: input.path)
    try XMLStreamParser.parse(file: input.url, displayPath: input.path, handler: handler)
    return handler.result()
  }
}

private final class JaCoCoHandler: XMLByteHandler {
  /// The reader's state, mutated in place through a pointer: a stored `var` would cost a dynamic
  /// exclusivity check on every event (a fifth of the reader's own instructions).
  let state: UnsafeMutablePointer<JaCoCoState>

  init(file: String) {
    state = .allocate(capacity: 1)
    state.initialize(to: JaCoCoState(file: file))
  }

  deinit {
    state.deinitialize(count: 1)
    state.deallocate()
  }

  func startElement(_ name: XMLName, attributes: XMLAttributes, context: XMLEventContext) throws(InputError) {
    try state.pointee.start(name, attributes: attributes, context: context)
  }

  /// Elements are placed by their depth and parent (`XMLEventContext`): no call per end tag.
  var wantsEndElements: Bool { false }

  func result() -> ReadResult { state.pointee.result() }
}

private struct JaCoCoState {
  let file: String
  var reportLines: CoverageCounter?
  var reportBranches: CoverageCounter?
  var packageName = ""
  /// The last `<sourcefile>` started, until the next package or source file (or the end) files it; and its depth.
  var current: FileCoverage?
  var currentDepth = -2
  var files: [FileCoverage] = []
  var fileIndex: [String: Int] = [:]
  var latestSessionStart: Double?

  init(file: String) { self.file = file }

  mutating func start(_ name: XMLName, attributes: XMLAttributes, context: XMLEventContext) throws(InputError) {
    // `<line>` and `<method>` are most elements of a report: passed over first.
    if name == "line" || name == "method" { return }
    let depth = context.depth
    if depth == 1 {
      guard name == "report" else { throw .unexpectedRoot(name.string, file: file, line: context.line) }
      return
    }
    switch name {
    case "counter":
      // The report's own counters (under the root) and the open source file's (one level below it).
      let ofReport = depth == 2
      guard ofReport || (depth == currentDepth + 1 && context.ancestor(1).map { $0 == "sourcefile" } == true) else { return }
      try counter(attributes, ofReport: ofReport, context: context)
    case "sourcefile":
      guard let parent = context.ancestor(1), parent == "package" else { return }
      guard let sourceName = attributes.value("name"), !sourceName.isEmpty else {
        throw .missingSourceFileName(file: file, line: context.line)
      }
      fileCurrent()
      let path = packageName.isEmpty ? sourceName : packageName + "/" + sourceName
      current = FileCoverage(path: path, lines: CoverageCounter())
      currentDepth = depth
    case "package":
      fileCurrent()
      packageName = attributes.value("name") ?? ""
    case "sessioninfo" where depth == 2:
      if let start = attributes.double("start"), start > (latestSessionStart ?? 0) { latestSessionStart = start }
    default:
      break
    }
  }

  /// A `LINE` or `BRANCH` counter of the report or of the open source file; other types are passed over.
  mutating func counter(_ attributes: XMLAttributes, ofReport: Bool, context: XMLEventContext) throws(InputError) {
    let type = attributes.value("type") ?? ""
    guard type == "LINE" || type == "BRANCH" else { return }
    guard let missed = attributes.int("missed"), let covered = attributes.int("covered"), missed >= 0, covered >= 0
    else { throw .badCounter(type, file: file, line: context.line) }
    let counter = CoverageCounter(total: missed + covered, covered: covered)
    if ofReport {
      if type == "LINE" { reportLines = counter } else { reportBranches = counter }
    } else if type == "LINE" {
      current?.lines = counter
    } else {
      current?.branches = counter
    }
  }

  /// Files the last source file started: its counters all come before the next package or source file.
  mutating func fileCurrent() {
    guard let finished = current else { return }
    current = nil
    currentDepth = -2
    if let index = fileIndex[finished.path] {
      files[index].lines = files[index].lines + finished.lines
      if let branches = finished.branches {
        files[index].branches = (files[index].branches ?? CoverageCounter()) + branches
      }
    } else {
      fileIndex[finished.path] = files.count
      files.append(finished)
    }
  }

  mutating func result() -> ReadResult {
    fileCurrent()
    let sorted = files.sorted { $0.path < $1.path }
    let lines = reportLines ?? sorted.reduce(CoverageCounter()) { $0 + $1.lines }
    var branches = reportBranches
    if branches == nil, sorted.contains(where: { $0.branches != nil }) {
      branches = sorted.reduce(CoverageCounter()) { $0 + ($1.branches ?? CoverageCounter()) }
    }
    return ReadResult(
      tool: ToolInfo(name: "JaCoCo"), generatedAt: EpochTimestamp.iso8601(latestSessionStart),
      coverage: CoverageReport(lines: lines, branches: branches, files: sorted))
  }
}

extension InputError {
  fileprivate static func unexpectedRoot(_ name: String, file: String, line: Int) -> InputError {
    InputError("expected a <report> root element, found <\(name)>", at: SourceLocation(file: file, line: line))
  }

  fileprivate static func missingSourceFileName(file: String, line: Int) -> InputError {
    InputError("expected a name attribute on <sourcefile>", at: SourceLocation(file: file, line: line))
  }

  fileprivate static func badCounter(_ type: String, file: String, line: Int) -> InputError {
    InputError(
      "expected non-negative integer missed and covered attributes on <counter type=\"\(type)\">",
      at: SourceLocation(file: file, line: line))
  }
}
