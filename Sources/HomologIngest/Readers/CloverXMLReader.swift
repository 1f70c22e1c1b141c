import Foundation
import HomologModel
import HomologParsing

/// Clover XML coverage (OpenClover, maven-clover-plugin, istanbul/nyc, PHPUnit), streamed.
///
/// Totals are the `<metrics>` of `<project>` (statements as lines, conditionals as branches);
/// per-file figures are the `<metrics>` of each `<file>` (its `path`, else its `name`). Package
/// and class metrics, and the test files of `<testproject>`, are not counted.
public enum CloverXMLReader: EvidenceReader {
  public static let format: FormatID = "clover-xml"
  public static let formatName = "Clover XML"

  public static func sniff(_ head: FileHead) -> Bool {
    head.xmlRootElement == "coverage" && (head.contains("clover=") || head.contains("<project"))
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let handler = CloverHandler(file: input.path)
    try XMLStreamParser.parse(file: input.url, displayPath: input.path, handler: handler)
    return handler.result()
  }
}

private final class CloverHandler: XMLStreamHandler {
  let file: String
  var stack: [String] = []
  var tool = ToolInfo(name: "Clover")
  var generatedAt: String?
  var projectLines: CoverageCounter?
  var projectBranches: CoverageCounter?
  var inTestProject = false
  var currentPath: String?
  var files: [String: FileCoverage] = [:]

  init(file: String) { self.file = file }

  func startElement(_ name: String, attributes: XMLAttributes, line: Int) throws(InputError) {
    let parent = stack.last
    stack.append(name)
    switch name {
    case _ where parent == nil:
      guard name == "coverage" else { throw .unexpectedRoot(name, file: file, line: line) }
      // OpenClover and nyc write their version there; gcovr writes the report's Unix time (as in `generated`).
      if let version = attributes.value("clover"), !version.isEmpty, !version.allSatisfy({ $0.isASCII && $0.isNumber }) { tool.version = version }
      generatedAt = EpochTimestamp.iso8601(attributes.value("generated"))
    case "testproject":
      inTestProject = true
    case "file" where !inTestProject:
      guard let path = attributes.value("path").flatMap({ $0.isEmpty ? nil : $0 }) ?? attributes.value("name"),
        !path.isEmpty
      else { throw .missingFilePath(file: file, line: line) }
      currentPath = path
    case "metrics" where parent == "project" || (parent == "file" && currentPath != nil):
      let (lines, branches) = try metrics(attributes, line: line)
      if parent == "project" {
        projectLines = lines
        projectBranches = branches
      } else if let path = currentPath {
        var entry = files[path] ?? FileCoverage(path: path, lines: CoverageCounter())
        entry.lines = entry.lines + lines
        if let branches, branches.total > 0 { entry.branches = (entry.branches ?? CoverageCounter()) + branches }
        files[path] = entry
      }
    default:
      break
    }
  }

  func endElement(_ name: String, line: Int) throws(InputError) {
    stack.removeLast()
    if name == "testproject" { inTestProject = false }
    if name == "file" { currentPath = nil }
  }

  /// Statements and conditionals of one `<metrics>` element.
  func metrics(_ attributes: XMLAttributes, line: Int) throws(InputError) -> (CoverageCounter, CoverageCounter?) {
    guard let statements = attributes.int("statements"), let covered = attributes.int("coveredstatements"),
      statements >= 0, covered >= 0
    else { throw .badMetrics("statements", file: file, line: line) }
    var branches: CoverageCounter?
    if let conditionals = attributes.int("conditionals") {
      guard let coveredConditionals = attributes.int("coveredconditionals"), conditionals >= 0, coveredConditionals >= 0
      else { throw .badMetrics("conditionals", file: file, line: line) }
      branches = CoverageCounter(total: conditionals, covered: coveredConditionals)
    }
    return (CoverageCounter(total: statements, covered: covered), branches)
  }

  func result() -> ReadResult {
    let sorted = files.values.sorted { $0.path < $1.path }
    let lines = projectLines ?? sorted.reduce(CoverageCounter()) { $0 + $1.lines }
    var branches = projectBranches
    if projectLines == nil, sorted.contains(where: { $0.branches != nil }) {
      branches = sorted.reduce(CoverageCounter()) { $0 + ($1.branches ?? CoverageCounter()) }
    }
    return ReadResult(
      tool: tool, generatedAt: generatedAt, coverage: CoverageReport(lines: lines, branches: branches, files: sorted))
  }
}

extension InputError {
  fileprivate static func unexpectedRoot(_ name: String, file: String, line: Int) -> InputError {
    InputError("expected a <coverage> root element, found <\(name)>", at: SourceLocation(file: file, line: line))
  }

  fileprivate static func missingFilePath(file: String, line: Int) -> InputError {
    InputError("expected a path or name attribute on <file>", at: SourceLocation(file: file, line: line))
  }

  fileprivate static func badMetrics(_ what: String, file: String, line: Int) -> InputError {
    InputError(
      "expected non-negative integer \(what) and covered\(what) attributes on <metrics>",
      at: SourceLocation(file: file, line: line))
  }
}
