import Foundation
import HomologModel
import HomologParsing
import XCTest

/// Reads text only inside `<msg>`, records names compared as bytes, and fails on `<bad>` with its line.
private final class ByteRecorder: XMLByteHandler {
  var names: [String] = []
  var ends: [String] = []
  var text = ""
  var values: [String: String] = [:]

  func startElement(_ name: XMLName, attributes: XMLAttributes, context: XMLEventContext) throws(InputError) {
    names.append(name.string)
    attributes.forEach { attribute, value in values[attribute.string] = String(decoding: value, as: UTF8.self) }
    if name == "msg" { context.sendCharacters(true) }
    if name == "bad" { throw InputError("bad element", at: SourceLocation(file: "b.xml", line: context.line)) }
  }

  func endElement(_ name: XMLName, context: XMLEventContext) throws(InputError) {
    ends.append(name.string)
    if name == "msg" { context.sendCharacters(false) }
  }

  func characters(_ bytes: UnsafeRawBufferPointer) { text += String(decoding: bytes, as: UTF8.self) }
}

final class XMLByteHandlerTests: XCTestCase {
  func testNamesCompareAsBytesWithoutPrefixesOrLongerNames() throws {
    let xml = "<r xmlns:p=\"urn:x\"><p:line number=\"7\" p:hits=\"2\"/><lines/><lin/></r>"
    let recorder = ByteRecorder()
    try XMLStreamParser.parse(data: Data(xml.utf8), displayPath: "b.xml", handler: recorder)
    XCTAssertEqual(recorder.names, ["r", "line", "lines", "lin"])
    XCTAssertEqual(recorder.ends, ["line", "lines", "lin", "r"])
    XCTAssertEqual(recorder.values, ["number": "7", "hits": "2"])
  }

  func testCharactersArriveOnlyWhileAskedFor() throws {
    let xml = "<r>outside<msg>in &amp; <b>nested</b><![CDATA[ cdata]]></msg>after</r>"
    let recorder = ByteRecorder()
    try XMLStreamParser.parse(data: Data(xml.utf8), displayPath: "b.xml", handler: recorder)
    XCTAssertEqual(recorder.text, "in & nested cdata")
  }

  func testHandlerErrorCarriesTheLineOfTheElement() {
    let xml = "<r>\n<a/>\n\n<bad/>\n</r>\n"
    XCTAssertThrowsError(
      try XMLStreamParser.parse(data: Data(xml.utf8), displayPath: "b.xml", handler: ByteRecorder())
    ) { error in
      let error = error as! InputError
      XCTAssertEqual(error.message, "bad element")
      XCTAssertEqual(error.location?.line, 4)
    }
  }
}
