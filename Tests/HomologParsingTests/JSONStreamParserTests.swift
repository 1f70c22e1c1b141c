import Foundation
import HomologModel
import XCTest

@testable import HomologParsing

/// Enters everything, records events as text and captures what `captureAt` names.
private final class Recorder: JSONStreamHandler {
  var events: [String] = []
  var captured: [(id: String?, line: Int?, keys: [String], big: Bool)] = []
  var captureKey: StaticString?
  var keeping: JSONKeySet?

  func begin(_ container: JSONContainer, in stream: JSONStream) throws(InputError) -> JSONStreamAction {
    if let captureKey, stream.index != nil && stream.isKey(captureKey, level: stream.depth - 2) {
      return .capture(keeping: keeping)
    }
    events.append("\(container == .object ? "{" : "[") \(stream.path)")
    return .enter
  }

  func end(_ container: JSONContainer, in stream: JSONStream) throws(InputError) {
    events.append("\(container == .object ? "}" : "]") \(stream.path)")
  }

  func scalar(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    events.append("\(value.text ?? "null") \(stream.path)")
  }

  func captured(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    do throws(JSONShapeError) {
      _ = try value.int("line")
    } catch {
      throw stream.error(error)
    }
    captured.append((try? value.string("id"), try? value.int("line"), value.members.map(\.key), value["big"] != nil))
  }
}

final class JSONStreamParserTests: XCTestCase {
  private func parse(_ text: String, _ handler: Recorder = Recorder(), depth: Int = JSONStreamParser.maxDepth) throws(InputError) -> Recorder {
    try JSONStreamParser.parse(data: Data(text.utf8), displayPath: "t.json", handler: handler, maxDepth: depth)
    return handler
  }

  private func failure(_ text: String, depth: Int = JSONStreamParser.maxDepth, handler: Recorder = Recorder()) -> InputError? {
    do {
      _ = try parse(text, handler, depth: depth)
      return nil
    } catch {
      return error
    }
  }

  func testEventsCarryTheirPathWithKeysAndIndices() throws {
    let events = try parse(#"{"runs": [{"a": 1, "odd key": "x"}, true], "n": null}"#).events
    XCTAssertEqual(
      events,
      ["{ $", "[ $.runs", "{ $.runs[0]", "1 $.runs[0].a", "x $.runs[0]['odd key']", "} $.runs[0]", "true $.runs[1]", "] $.runs",
       "null $.n", "} $"])
  }

  func testNumbersStayAsWritten() throws {
    XCTAssertEqual(try parse("[1.50, -0, 1e400]").events, ["[ $", "1.50 $[0]", "-0 $[1]", "1e400 $[2]", "] $"])
  }

  func testCaptureBuildsTheValueAndKeepsOnlyTheListedKeys() throws {
    let recorder = Recorder()
    recorder.captureKey = "results"
    recorder.keeping = JSONKeySet(["id", "line"])
    _ = try parse(#"{"results": [{"id": "a", "big": {"x": [1, 2]}, "line": 3}, {"id": "b"}]}"#, recorder)
    XCTAssertEqual(recorder.captured.count, 2)
    XCTAssertEqual(recorder.captured[0].id, "a")
    XCTAssertEqual(recorder.captured[1].id, "b")
    XCTAssertFalse(recorder.captured[0].big)
    XCTAssertEqual(recorder.captured[0].keys, ["id", "line"])
    XCTAssertEqual(recorder.captured[0].line, 3)
  }

  func testWrongTypeInACapturedValueNamesTheFullPath() {
    let recorder = Recorder()
    recorder.captureKey = "results"
    let error = failure(#"{"runs": [{"results": [{"line": 1}, {"line": "7"}]}]}"#, handler: recorder)
    XCTAssertEqual(error?.location?.jsonPath, "$.runs[0].results[1].line")
    XCTAssertEqual(error?.message, "expected an integer, found a string")
  }

  func testSyntaxErrorSaysLineColumnAndPath() {
    let error = failure("{\n  \"runs\": [\n    {\"a\": 1,, \"b\": 2}\n  ]\n}")
    XCTAssertEqual(error?.location?.file, "t.json")
    XCTAssertEqual(error?.location?.line, 3)
    XCTAssertEqual(error?.location?.column, 13)
    XCTAssertNil(error?.location?.jsonPath)
    XCTAssertTrue(error?.message.hasPrefix("invalid JSON: ") == true, "\(String(describing: error))")
    XCTAssertTrue(error?.message.hasSuffix(", at $.runs[0].a") == true, "\(String(describing: error))")
  }

  func testTruncatedDocumentIsLocatedAtTheEnd() {
    let error = failure("{\"a\": [1,\n2")
    XCTAssertEqual(error?.message, "invalid JSON: unexpected end of file (truncated?), at $.a[1]")
    XCTAssertEqual(error?.location?.line, 2)
    XCTAssertEqual(error?.location?.column, 2)
  }

  func testNestingDeeperThanTheLimitIsRefusedWhereItHappens() {
    let error = failure(#"{"a": [[[[1]]]]}"#, depth: 4)
    XCTAssertEqual(error?.message, "invalid JSON: nesting deeper than 4 levels, at $.a[0][0][0]")
    XCTAssertEqual(error?.location?.line, 1)
    XCTAssertEqual(error?.location?.column, 10)
  }

  func testDeepNestingIsRefusedWithoutRecursion() {
    let text = String(repeating: "[", count: 200_000)
    XCTAssertTrue(failure(text)?.message.hasPrefix("invalid JSON: nesting deeper than 512 levels, at $[0][0]") == true)
  }

  func testASecondTopLevelValueIsRefused() {
    let error = failure("{\"a\": 1}\n{\"a\": 2}")
    XCTAssertEqual(error?.message, "invalid JSON: more text after the end of the document (only one top-level value is allowed)")
    XCTAssertEqual(error?.location?.line, 2)
  }

  func testInvalidUTF8InAStringIsRefused() {
    let bytes: [UInt8] = Array(#"{"a": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
    do {
      try JSONStreamParser.parse(data: Data(bytes), displayPath: "u.json", handler: Recorder())
      XCTFail("invalid UTF-8 accepted")
    } catch {
      XCTAssertEqual(error.message, "invalid JSON: invalid UTF-8 in a string, at $.a")
    }
  }

  func testCommentsAreRefused() {
    XCTAssertNotNil(failure("{\"a\": 1 /* no */}"))
  }

  func testEmptyAndBlankFilesAreRefused() {
    XCTAssertEqual(failure("")?.message, "expected a JSON value, the file is empty")
    XCTAssertEqual(failure("  \n ")?.message, "expected a JSON value, the file holds none")
  }

  func testByteOrderMarkIsSkipped() throws {
    let data = Data([0xEF, 0xBB, 0xBF] + Array("[1]".utf8))
    let recorder = Recorder()
    try JSONStreamParser.parse(data: data, displayPath: "b.json", handler: recorder)
    XCTAssertEqual(recorder.events, ["[ $", "1 $[0]", "] $"])
  }

  func testLinesAreCountedAcrossChunks() {
    // A syntax error after several 256 KiB chunks of lines.
    let line = String(repeating: " ", count: 99) + "\n"
    let text = "[\n" + String(repeating: line, count: 10_000) + "1,]"
    let error = failure(text)
    XCTAssertEqual(error?.location?.line, 10_002)
    XCTAssertEqual(error?.location?.column, 3)
  }

  func testStopEndsTheParseWithoutError() throws {
    final class Stopper: JSONStreamHandler {
      var seen = 0
      func begin(_ container: JSONContainer, in stream: JSONStream) throws(InputError) -> JSONStreamAction { .enter }
      func scalar(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
        seen += 1
        stream.stop()
      }
    }
    let stopper = Stopper()
    try JSONStreamParser.parse(data: Data("[1, 2, oops".utf8), displayPath: "s.json", handler: stopper)
    XCTAssertEqual(stopper.seen, 1)
  }
}
