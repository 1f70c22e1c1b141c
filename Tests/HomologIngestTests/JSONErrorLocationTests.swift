import Foundation
import HomologIngest
import HomologModel
import XCTest

/// Each kind of broken JSON evidence, read by the streaming readers, is refused with the file, the
/// line and column where the parser stopped, and the JSON path it had reached.
final class JSONErrorLocationTests: XCTestCase {
  private func refusal(_ reader: any EvidenceReader.Type, _ bytes: [UInt8], name: String) throws -> InputError {
    let dir = try TemporaryFolders.make("homolog-json-errors")
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    do {
      _ = try reader.read(InputFile(url: url, path: name))
    } catch {
      return error
    }
    throw XCTSkip("\(name) was read")
  }

  private func refusal(_ reader: any EvidenceReader.Type, _ text: String, name: String) throws -> InputError {
    try refusal(reader, Array(text.utf8), name: name)
  }

  private let sarifHead = "{\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": {\"driver\": {\"name\": \"x\"}},\n      \"results\": [\n"

  func testSyntaxError() throws {
    let error = try refusal(SARIFReader.self, sarifHead + "        {\"ruleId\": \"a\"},\n        {\"ruleId\" \"b\"}\n      ]\n    }\n  ]\n}\n", name: "syntax.sarif")
    // yajl stops after the unexpected token: the column is its last byte.
    XCTAssertEqual(error.description, "syntax.sarif:8:21: error: invalid JSON: object key and value must be separated by a colon (':'), at $.runs[0].results[1]")
  }

  func testTruncatedFile() throws {
    let error = try refusal(SARIFReader.self, sarifHead + "        {\"ruleId\": \"a\"},\n        {\"ruleId\": \"b", name: "cut.sarif")
    XCTAssertEqual(error.message, "invalid JSON: unexpected end of file (truncated?), at $.runs[0].results[1]")
    XCTAssertEqual(error.location, SourceLocation(file: "cut.sarif", line: 8, column: 22))
  }

  func testNestingTooDeep() throws {
    let text = "[" + String(repeating: "{\"a\": [", count: 300) + "1"
    let error = try refusal(GitleaksJSONReader.self, text, name: "deep.json")
    // Inside an item being built (a leak), the path named is the item's.
    XCTAssertEqual(error.message, "invalid JSON: nesting deeper than 512 levels, at $[0]")
    XCTAssertEqual(error.location?.line, 1)
    XCTAssertEqual(error.location?.column, 1 + 1 + 255 * 7 + 6)
  }

  func testWrongTypeAtAPath() throws {
    let error = try refusal(SARIFReader.self, sarifHead + "        {\"ruleId\": 12}\n      ]\n    }\n  ]\n}\n", name: "type.sarif")
    XCTAssertEqual(error.description, "type.sarif (at $.runs[0].results[0].ruleId): error: expected a string, found a number")
  }

  func testWrongTypeInADecodedItem() throws {
    let error = try refusal(GrypeJSONReader.self, #"{"matches": [{"vulnerability": {"id": 5}, "artifact": {"name": "a"}}]}"#, name: "grype.json")
    XCTAssertEqual(error.location?.jsonPath, "$.matches[0].vulnerability.id")
  }

  func testASecondTopLevelValue() throws {
    let error = try refusal(GitleaksJSONReader.self, "[]\n[]\n", name: "two.json")
    XCTAssertEqual(error.description, "two.json:2:1: error: invalid JSON: more text after the end of the document (only one top-level value is allowed)")
  }

  func testInvalidUTF8() throws {
    let bytes = Array("{\"SchemaVersion\": 2,\n \"ArtifactName\": \"".utf8) + [0xFF, 0xFE] + Array("\"}".utf8)
    let error = try refusal(TrivyJSONReader.self, bytes, name: "utf8.json")
    XCTAssertEqual(error.message, "invalid JSON: invalid UTF-8 in a string, at $.ArtifactName")
    XCTAssertEqual(error.location?.line, 2)
  }

  func testCommentsAreNotJSON() throws {
    let error = try refusal(GitleaksJSONReader.self, "// leaks\n[]", name: "comment.json")
    XCTAssertTrue(error.message.hasPrefix("invalid JSON: "), error.message)
    XCTAssertEqual(error.location?.line, 1)
  }
}
