import Foundation
import HomologModel
import HomologParsing

/// JUnit XML test reports (Surefire, Gradle, pytest, jest-junit, CTest, …), streamed. Scanner results in JUnit
/// form (Trivy's template, Checkov) are detected first by `ScannerJUnitXMLReader`: findings, never tests.
///
/// Counts `<testcase>` elements, not the suites' `tests`/`failures` attributes (tools disagree
/// on those, e.g. pytest counts subtests): a case with a `<failure>` child failed, else with an
/// `<error>` child errored, else with a `<skipped>` child was skipped; a `<testcase>` nested in
/// another is part of it (its outcome elements count for the outer one). `suites` counts the innermost `<testsuite>` elements. The first 1,000
/// failed or errored cases are kept with their `message` attribute, or the first 500 characters
/// of their text.
public enum JUnitXMLReader: EvidenceReader {
  public static let format: FormatID = "junit-xml"
  public static let formatName = "JUnit XML"

  /// Most failing cases kept.
  public static let maxFailures = 1000
  /// Longest message kept, in characters.
  public static let maxMessageCharacters = 500

  public static func sniff(_ head: FileHead) -> Bool {
    let root = head.xmlRootElement
    return root == "testsuites" || root == "testsuite"
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let handler = JUnitHandler(file: input.path)
    try XMLStreamParser.parse(file: input.url, displayPath: input.path, handler: handler)
    return handler.result()
  }
}

private final class JUnitHandler: XMLByteHandler {
  /// The reader's state, mutated in place through a pointer: a stored `var` would cost a dynamic
  /// exclusivity check on every event (a fifth of the reader's own instructions).
  let state: UnsafeMutablePointer<JUnitState>

  init(file: String) {
    state = .allocate(capacity: 1)
    state.initialize(to: JUnitState(file: file))
  }

  deinit {
    state.deinitialize(count: 1)
    state.deallocate()
  }

  func startElement(_ name: XMLName, attributes: XMLAttributes, context: XMLEventContext) throws(InputError) {
    try state.pointee.start(name, attributes: attributes, context: context)
  }

  func endElement(_ name: XMLName, context: XMLEventContext) throws(InputError) { state.pointee.end(name, context: context) }

  /// Sent only inside a `<failure>` or `<error>` without a `message` attribute.
  func characters(_ bytes: UnsafeRawBufferPointer) { state.pointee.text.append(bytes) }

  func result() -> ReadResult { state.pointee.result() }
}

private struct JUnitState {
  /// One open `<testsuite>`.
  struct Suite {
    var name: String
    var hasChildSuite = false
  }

  /// The open outermost `<testcase>`; its names stay bytes (in `caseName`, `caseClassName`) until it fails.
  struct Case {
    var depth: Int
    var failed = false
    var errored = false
    var skipped = false
    var message: String?
  }

  let file: String
  var depth = 0
  var suites: [Suite] = []
  var current: Case?
  /// The `name` and `classname` attributes of the open case, reused from case to case.
  var caseName = ReusableBytes()
  var caseClassName = ReusableBytes()
  var capturingDepth: Int?
  var text = TextCapture(limit: JUnitXMLReader.maxMessageCharacters * 4)
  var total = 0
  var failed = 0
  var errored = 0
  var skipped = 0
  var suiteCount = 0
  var failures: [TestCaseResult] = []
  var timestamp: String?

  init(file: String) { self.file = file }

  mutating func start(_ name: XMLName, attributes: XMLAttributes, context: XMLEventContext) throws(InputError) {
    depth += 1
    if depth == 1 {
      guard name == "testsuites" || name == "testsuite" else {
        throw .unexpectedRoot(name.string, file: file, line: context.line)
      }
    }
    switch name {
    case "testcase" where current == nil:
      current = Case(depth: depth)
      caseName.removeAll()
      caseClassName.removeAll()
      var sawName = false
      var sawClassName = false
      attributes.forEach { attribute, value in
        switch attribute {
        case "name" where !sawName:
          sawName = true
          caseName.assign(value)
        case "classname" where !sawClassName:
          sawClassName = true
          caseClassName.assign(value)
        default: break
        }
      }
    case "testsuite" where current == nil:
      if !suites.isEmpty { suites[suites.count - 1].hasChildSuite = true }
      suites.append(Suite(name: attributes.value("name") ?? ""))
      if timestamp == nil, let stamp = attributes.value("timestamp"), !stamp.isEmpty { timestamp = stamp }
    case "failure", "error", "skipped":
      guard var testCase = current else { return }
      let isSkipped = name == "skipped"
      if name == "failure" {
        testCase.failed = true
      } else if isSkipped {
        testCase.skipped = true
      } else {
        testCase.errored = true
      }
      if !isSkipped, testCase.message == nil {
        if let message = attributes.value("message")?.trimmedWhitespace, !message.isEmpty {
          testCase.message = String(message.prefix(JUnitXMLReader.maxMessageCharacters))
        } else if capturingDepth == nil {
          capturingDepth = depth
          text.begin()
          context.sendCharacters(true)
        }
      }
      current = testCase
    default:
      break
    }
  }

  mutating func end(_ name: XMLName, context: XMLEventContext) {
    defer { depth -= 1 }
    if depth == capturingDepth {
      capturingDepth = nil
      context.sendCharacters(false)
      let message = text.end()
      if !message.isEmpty, current?.message == nil {
        current?.message = String(message.prefix(JUnitXMLReader.maxMessageCharacters))
      }
    }
    if let testCase = current, depth == testCase.depth {
      current = nil
      finish(testCase)
    } else if current == nil, name == "testsuite", let suite = suites.popLast() {
      if !suite.hasChildSuite { suiteCount += 1 }
    }
  }

  mutating func finish(_ testCase: Case) {
    total += 1
    let outcome: TestOutcome
    if testCase.failed {
      outcome = .failed
      failed += 1
    } else if testCase.errored {
      outcome = .errored
      errored += 1
    } else if testCase.skipped {
      outcome = .skipped
      skipped += 1
    } else {
      outcome = .passed
    }
    if outcome == .failed || outcome == .errored, failures.count < JUnitXMLReader.maxFailures {
      // `classname.name`, as CI servers show it (CTest repeats the name as classname).
      let caseName = self.caseName.string
      let className = self.caseClassName.string
      let name = className.isEmpty || className == caseName ? caseName : className + "." + caseName
      // The case's suite is still the last open one: suites open and close only outside cases.
      failures.append(
        TestCaseResult(suite: suites.last?.name ?? "", name: name, outcome: outcome, message: testCase.message))
    }
  }

  func result() -> ReadResult {
    let report = TestReport(
      total: total, failed: failed, errored: errored, skipped: skipped,
      suites: suiteCount == 0 && total > 0 ? 1 : suiteCount, failures: failures)
    return ReadResult(tool: ToolInfo(name: "JUnit"), generatedAt: timestamp, tests: report)
  }
}

extension InputError {
  fileprivate static func unexpectedRoot(_ name: String, file: String, line: Int) -> InputError {
    InputError(
      "expected a <testsuites> or <testsuite> root element, found <\(name)>", at: SourceLocation(file: file, line: line))
  }
}
