import Foundation
import HomologModel
import HomologParsing
import XCTest

final class YAMLParserTests: XCTestCase {
  private func parse(_ text: String) throws -> [Node] {
    try YAMLParser().parseDocuments(Data(text.utf8), file: "t.yaml")
  }

  func testNodesCarryOneBasedLineAndColumn() throws {
    let doc = try XCTUnwrap(parse("a: 1\nb:\n  - x\n  - 'y'\n").first)
    XCTAssertEqual(doc["a"]?.int, 1)
    XCTAssertEqual(doc["a"]?.line, 1)
    let items = try XCTUnwrap(doc["b"]?.items)
    XCTAssertEqual(items.map(\.line), [3, 4])
    XCTAssertEqual(items[0].column, 5)
    XCTAssertEqual(items[1].string, "y")
  }

  func testQuotedScalarsStayStrings() throws {
    let doc = try XCTUnwrap(parse("a: 'true'\nb: true\nc: ~\nd: \"\"\n").first)
    XCTAssertNil(doc["a"]?.bool)
    XCTAssertEqual(doc["b"]?.bool, true)
    XCTAssertTrue(doc["c"]?.isNull == true)
    XCTAssertEqual(doc["d"]?.string, "")
  }

  func testMultiDocumentStreamsGiveOneNodePerDocument() throws {
    let docs = try parse("kind: A\n---\nkind: B\n---\n# only a comment\n")
    XCTAssertEqual(docs.compactMap { $0["kind"]?.string }, ["A", "B"])
  }

  func testAliasesAreExpanded() throws {
    let doc = try XCTUnwrap(parse("base: &b {x: 1}\ncopy: *b\n").first)
    XCTAssertEqual(doc["copy"]?["x"]?.int, 1)
  }

  func testAliasBombIsRefusedWithLocation() {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...8 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(refs)]\n"
    }
    XCTAssertThrowsError(try parse(text)) { error in
      let error = error as! InputError
      XCTAssertTrue(error.message.contains("alias"), error.message)
      XCTAssertEqual(error.location?.file, "t.yaml")
      XCTAssertNotNil(error.location?.line)
    }
  }

  func testDeepNestingIsRefused() {
    let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    XCTAssertThrowsError(try parse(text)) { error in
      XCTAssertTrue((error as! InputError).message.contains("nesting"))
    }
  }

  func testSyntaxErrorNamesFileLineAndColumn() {
    XCTAssertThrowsError(try parse("a: [1, 2\nb: 3\n")) { error in
      let error = error as! InputError
      XCTAssertEqual(error.location?.file, "t.yaml")
      XCTAssertNotNil(error.location?.line)
      XCTAssertTrue(error.description.hasPrefix("t.yaml:"), error.description)
    }
  }

  func testParsesJSONToo() throws {
    let doc = try XCTUnwrap(parse("{\"a\": [1, {\"b\": null}]}").first)
    XCTAssertEqual(doc["a"]?.items?.count, 2)
  }
}
