import Foundation
import HomologModel
import HomologParsing
import XCTest

private struct Doc: Decodable {
  struct Item: Decodable { var n: Int }
  var items: [Item]
}

final class JSONInputTests: XCTestCase {
  func testWrongTypeNamesTheJSONPath() {
    let data = Data(#"{"items":[{"n":1},{"n":"two"}]}"#.utf8)
    XCTAssertThrowsError(try JSONInput.decode(Doc.self, from: data, file: "d.json")) { error in
      let error = error as! InputError
      XCTAssertEqual(error.location?.jsonPath, "$.items[1].n")
      XCTAssertTrue(error.message.contains("expected a number"), error.message)
    }
  }

  func testDictionaryKeysAreNotArrayIndexes() {
    let data = Data(#"{"/src/a.js":{"0":1,"1":"two"}}"#.utf8)
    XCTAssertThrowsError(try JSONInput.decode([String: [String: Int]].self, from: data, file: "d.json")) { error in
      XCTAssertEqual((error as! InputError).location?.jsonPath, "$['/src/a.js']['1']")
    }
  }

  func testMissingKeyNamesTheKey() {
    XCTAssertThrowsError(try JSONInput.decode(Doc.self, from: Data("{}".utf8), file: "d.json")) { error in
      XCTAssertTrue((error as! InputError).message.contains("\"items\""))
    }
  }

  func testTruncatedJSONIsASyntaxError() {
    XCTAssertThrowsError(try JSONInput.decode(Doc.self, from: Data(#"{"items":[{"n":1},"#.utf8), file: "d.json")) { error in
      let error = error as! InputError
      XCTAssertEqual(error.location?.file, "d.json")
      XCTAssertTrue(error.message.hasPrefix("invalid JSON"), error.message)
    }
  }
}
