import Foundation
import HomologIngest
import HomologModel
import HomologParsing
import XCTest

/// The counts a JUnit file states in its attributes: the root's when it has them, else the sum of its suites'.
private final class StatedCounts: XMLStreamHandler {
  var root: [String: Int]?
  var suites: [String: Int] = [:]
  let keys = ["tests", "failures", "errors", "skipped"]

  func startElement(_ name: String, attributes: XMLAttributes, line: Int) throws(InputError) {
    if root == nil {
      root = Dictionary(uniqueKeysWithValues: keys.compactMap { key in attributes.int(key).map { (key, $0) } })
      if name == "testsuites" { return }
    }
    if name == "testsuite" {
      for key in keys { suites[key, default: 0] += attributes.int(key) ?? 0 }
    }
  }

  /// tests, failures, errors, skipped (absent attributes count as 0).
  var figures: [Int] {
    let source = root.map { $0.isEmpty ? suites : $0 } ?? suites
    return keys.map { source[$0] ?? 0 }
  }
}

final class JUnitXMLReaderTests: XCTestCase {
  private func read(_ name: String) throws -> ReadResult {
    let url = Fixtures.real("junit/\(name)")
    XCTAssertTrue(JUnitXMLReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try JUnitXMLReader.read(Fixtures.input(url))
  }

  // SOURCES.md: root <testsuite> tests=4 failures=1 errors=0 skipped=0; 4 testcase elements (1 failure).
  func testSurefireOneFailureWithoutMessageKeepsTheText() throws {
    let tests = try XCTUnwrap(read("surefire-3.0-MyTest-one-failure.xml").tests)
    XCTAssertEqual([tests.total, tests.failed, tests.errored, tests.skipped, tests.suites], [4, 1, 0, 0, 1])
    XCTAssertEqual(tests.passed, 3)
    XCTAssertEqual(tests.failures.count, 1)
    let failure = try XCTUnwrap(tests.failures.first)
    XCTAssertEqual(failure.suite, "de.tobiasmichael.me.MyTest")
    XCTAssertEqual(failure.name, "de.tobiasmichael.me.MyTest.testConcatenate4")
    XCTAssertEqual(failure.outcome, .failed)
    // <failure type="…"> has no message attribute: the start of its text (a CDATA stack trace) is kept.
    XCTAssertEqual(
      failure.message,
      "org.opentest4j.AssertionFailedError: expected: <onefive> but was: <onetwo>\n\tat de.tobiasmichael.me.MyTest.testConcatenate4(MyTest.java:35)"
    )
  }

  // SOURCES.md: root <testsuites> without attributes; 26 suites, 257 testcase elements, none failing
  // (the 26 suites' own tests attributes also add up to 257).
  func testSurefireAggregateOf26Suites() throws {
    let tests = try XCTUnwrap(read("surefire-3.0-testsuites-26-suites.xml").tests)
    XCTAssertEqual([tests.total, tests.failed, tests.errored, tests.skipped, tests.suites], [257, 0, 0, 0, 26])
    XCTAssertTrue(tests.failures.isEmpty)
  }

  // SOURCES.md: 1 suite, 664 testcase elements (0 failure, 0 error, 1 skipped).
  // The file disagrees with itself: its <testsuite> says tests="2996" skipped="1" while it holds 664
  // <testcase> elements (664 distinct classname/name pairs). The elements are trusted.
  func testPytestCountsElementsNotTheSuiteAttribute() throws {
    let result = try read("pytest-9.2.0-more-itertools-10.5.0.xml")
    let tests = try XCTUnwrap(result.tests)
    XCTAssertEqual([tests.total, tests.failed, tests.errored, tests.skipped, tests.suites], [664, 0, 0, 1, 1])
    XCTAssertEqual(tests.passed, 663)
    XCTAssertEqual(result.generatedAt, "2026-11-22T13:33:14.652718+00:00")
  }

  // SOURCES.md: root <testsuite> tests=22 failures=0 skipped=0; 22 testcase elements.
  func testCTest() throws {
    let result = try read("ctest-3.25-cjson-1.7.15.xml")
    let tests = try XCTUnwrap(result.tests)
    XCTAssertEqual([tests.total, tests.failed, tests.errored, tests.skipped, tests.suites], [22, 0, 0, 0, 1])
    XCTAssertEqual(result.generatedAt, "2026-11-22T13:35:34")
  }

  // SOURCES.md: root <testsuites> tests=1102 failures=113 errors=0; 1 suite, 1102 testcase elements (113 failure).
  // (Read here by this reader directly; detection gives Checkov's JUnit to ScannerJUnitXMLReader, as findings.)
  func testCheckovFailuresKeepTheirMessageAttribute() throws {
    let tests = try XCTUnwrap(read("checkov-3.3.30-online-boutique.junit.xml").tests)
    XCTAssertEqual([tests.total, tests.failed, tests.errored, tests.skipped, tests.suites], [1102, 113, 0, 0, 1])
    XCTAssertEqual(tests.failures.count, 113)
    let first = try XCTUnwrap(tests.failures.first)
    XCTAssertEqual(first.suite, "kubernetes scan")
    XCTAssertEqual(
      first.name, "/kubernetes-manifests.yaml.Deployment.default.frontend.[NONE][CKV_K8S_43] Image should use digest")
    XCTAssertEqual(first.message, "Image should use digest")
  }

  /// Each file's own attributes agree with its testcase elements, except pytest's `tests`.
  func testStatedAttributesAgreeWithTheElements() throws {
    // Scanner results in JUnit form are read as findings (ScannerJUnitXMLReaderTests), except Checkov's and Kubescape's here.
    for url in Fixtures.realFiles("junit") where !url.lastPathComponent.hasPrefix("trivy-junit-tpl-") {
      let stated = StatedCounts()
      try XMLStreamParser.parse(file: url, displayPath: url.lastPathComponent, handler: stated)
      let tests = try XCTUnwrap(JUnitXMLReader.read(Fixtures.input(url)).tests)
      let counted = [tests.total, tests.failed, tests.errored, tests.skipped]
      if url.lastPathComponent.hasPrefix("pytest-") {
        XCTAssertEqual(stated.figures, [2996, 0, 0, 1])  // tests="2996" for 664 <testcase> elements
        XCTAssertEqual(counted, [664, 0, 0, 1])
      } else {
        XCTAssertEqual(counted, stated.figures, url.lastPathComponent)
      }
    }
  }

  func testNestedSuitesAndCasesCountEachCaseOnce() throws {
    let xml = """
      <testsuites>
        <testsuite name="outer">
          <testsuite name="inner-a">
            <testcase name="a1"/>
            <testcase name="a2"><error message="boom" type="E"/></testcase>
            <testcase name="a3"><skipped/></testcase>
          </testsuite>
          <testsuite name="inner-b">
            <testcase name="b1"><failure>first line
      second line</failure><system-out>x</system-out></testcase>
            <testcase name="b2"><testcase name="b2-nested"><failure message="inner"/></testcase></testcase>
            <testcase name="b3"><flakyFailure message="retried"/></testcase>
          </testsuite>
          <testcase name="direct"/>
        </testsuite>
      </testsuites>
      """
    let tests = try XCTUnwrap(JUnitXMLReader.read(Fixtures.temporary(xml, name: "nested.xml")).tests)
    XCTAssertEqual([tests.total, tests.failed, tests.errored, tests.skipped, tests.suites], [7, 2, 1, 1, 2])
    XCTAssertEqual(
      tests.failures,
      [
        TestCaseResult(suite: "inner-a", name: "a2", outcome: .errored, message: "boom"),
        TestCaseResult(suite: "inner-b", name: "b1", outcome: .failed, message: "first line\nsecond line"),
        TestCaseResult(suite: "inner-b", name: "b2", outcome: .failed, message: "inner"),
      ])
  }

  func testMessagesAndFailureListAreBounded() throws {
    let longText = String(repeating: "é", count: 2000)
    var xml = "<testsuite name=\"s\">\n"
    for index in 0..<1005 { xml += "<testcase name=\"t\(index)\"><failure>\(longText)</failure></testcase>\n" }
    xml += "</testsuite>\n"
    let tests = try XCTUnwrap(JUnitXMLReader.read(Fixtures.temporary(xml, name: "many.xml")).tests)
    XCTAssertEqual(tests.failed, 1005)
    XCTAssertEqual(tests.failures.count, JUnitXMLReader.maxFailures)
    XCTAssertEqual(tests.failures.first?.message?.count, JUnitXMLReader.maxMessageCharacters)
  }

  func testTruncatedReportIsALocatedError() throws {
    let cut = try SadInputs.truncated(Fixtures.real("junit/checkov-3.3.30-online-boutique.junit.xml"))
    SadInputs.assertLocatedError(try JUnitXMLReader.read(cut.input), file: cut.input.path, line: cut.lines, message: "XML")
  }

  func testOtherRootIsALocatedError() throws {
    let input = try Fixtures.temporary("<?xml version=\"1.0\"?>\n<assemblies/>", name: "xunit.xml")
    SadInputs.assertLocatedError(try JUnitXMLReader.read(input), file: "xunit.xml", line: 2, message: "<testsuites>")
  }
}
