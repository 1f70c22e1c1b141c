import Foundation
import HomologModel
import HomologParsing
import XCTest

private final class Recorder: XMLStreamHandler {
  var starts: [(String, Int)] = []
  var text = ""
  var hits: [String] = []
  func startElement(_ name: String, attributes: XMLAttributes, line: Int) throws(InputError) {
    starts.append((name, line))
    if let hit = attributes.value("hits") { hits.append(hit) }
  }
  func characters(_ bytes: UnsafeRawBufferPointer) { text += String(decoding: bytes, as: UTF8.self) }
}

final class XMLStreamParserTests: XCTestCase {
  private func parse(_ xml: String) throws -> Recorder {
    let recorder = Recorder()
    try XMLStreamParser.parse(data: Data(xml.utf8), displayPath: "r.xml", handler: recorder)
    return recorder
  }

  func testElementsAttributesAndLines() throws {
    let r = try parse("<?xml version=\"1.0\"?>\n<a>\n  <line hits=\"3\"/>\n  <b>x &amp; y</b>\n</a>\n")
    XCTAssertEqual(r.starts.map(\.0), ["a", "line", "b"])
    XCTAssertEqual(r.starts.map(\.1), [2, 3, 4])
    XCTAssertEqual(r.hits, ["3"])
    XCTAssertTrue(r.text.contains("x & y"))
  }

  func testExternalEntityIsRefusedWithLine() {
    let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE c [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n<c>&x;</c>\n"
    XCTAssertThrowsError(try parse(xml)) { error in
      let error = error as! InputError
      XCTAssertTrue(error.message.contains("external entity"), error.message)
      XCTAssertEqual(error.location?.file, "r.xml")
      XCTAssertEqual(error.location?.line, 3)
    }
  }

  func testBillionLaughsIsRefused() {
    let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE l [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<l>&b;</l>"
    XCTAssertThrowsError(try parse(xml)) { error in
      XCTAssertTrue((error as! InputError).message.contains("entity"))
    }
  }

  func testDoctypeNamingAnExternalDTDParsesWithoutFetchingIt() throws {
    let xml = "<?xml version=\"1.0\"?><!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\" \"http://203.0.113.1/report.dtd\"><report name=\"x\"/>"
    XCTAssertEqual(try parse(xml).starts.map(\.0), ["report"])
  }

  func testTruncatedDocumentFailsWithLine() {
    XCTAssertThrowsError(try parse("<a>\n<b>\n")) { error in
      let error = error as! InputError
      XCTAssertTrue(error.message.contains("XML"), error.message)
      XCTAssertNotNil(error.location?.line)
    }
  }

  func testEmptyInputFails() {
    XCTAssertThrowsError(try parse(""))
  }
}
