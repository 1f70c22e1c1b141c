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

  func endElement(_ name: XMLName, context: XMLEventContext) throws(InputError) { state.pointee.end() }

  func result() -> ReadResult { state.pointee.result() }
}

private struct JaCoCoState {
  /// The elements the reader tells apart; every other one is `other`.
  enum Element: UInt8 {
    case report, sessioninfo, package, sourcefile, counter, other

    init(_ name: XMLName) {
      switch name {
      case "line": self = .other  // most elements of a report: decided first
      case "counter": self = .counter
      case "sourcefile": self = .sourcefile
      case "package": self = .package
      case "sessioninfo": self = .sessioninfo
      case "report": self = .report
      default: self = .other
      }
    }
  }

  let file: String
  /// The open elements, root first.
  var stack: [Element] = []
  var reportLines: CoverageCounter?
  var reportBranches: CoverageCounter?
  var packageName = ""
  var current: FileCoverage?
  var files: [FileCoverage] = []
  var fileIndex: [String: Int] = [:]
  var latestSessionStart: Double?

  init(file: String) {
    self.file = file
    stack.reserveCapacity(16)
  }

  mutating func start(_ name: XMLName, attributes: XMLAttributes, context: XMLEventContext) throws(InputError) {
    let parent = stack.last
    let element = Element(name)
    stack.append(element)
    guard let parent else {
      guard element == .report else { throw .unexpectedRoot(name.string, file: file, line: context.line) }
      return
    }
    switch element {
    case .sessioninfo where parent == .report:
      if let start = attributes.double("start"), start > (latestSessionStart ?? 0) { latestSessionStart = start }
    case .package:
      packageName = attributes.value("name") ?? ""
    case .sourcefile where parent == .package:
      guard let sourceName = attributes.value("name"), !sourceName.isEmpty else {
        throw .missingSourceFileName(file: file, line: context.line)
      }
      let path = packageName.isEmpty ? sourceName : packageName + "/" + sourceName
      current = FileCoverage(path: path, lines: CoverageCounter())
    case .counter where parent == .report || parent == .sourcefile:
      let type = attributes.value("type") ?? ""
      guard type == "LINE" || type == "BRANCH" else { return }
      guard let missed = attributes.int("missed"), let covered = attributes.int("covered"), missed >= 0, covered >= 0
      else { throw .badCounter(type, file: file, line: context.line) }
      let counter = CoverageCounter(total: missed + covered, covered: covered)
      if parent == .report {
        if type == "LINE" { reportLines = counter } else { reportBranches = counter }
      } else if type == "LINE" {
        current?.lines = counter
      } else {
        current?.branches = counter
      }
    default:
      break
    }
  }

  mutating func end() {
    let element = stack.removeLast()
    if element == .sourcefile, let finished = current {
      current = nil
      if let index = fileIndex[finished.path] {
        files[index].lines = files[index].lines + finished.lines
        if let branches = finished.branches {
          files[index].branches = (files[index].branches ?? CoverageCounter()) + branches
        }
      } else {
        fileIndex[finished.path] = files.count
        files.append(finished)
      }
    } else if element == .package {
      packageName = ""
    }
  }

  func result() -> ReadResult {
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
