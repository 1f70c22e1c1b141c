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

/// Records each start tag's depth and ancestors from the parser's stack, attributes by index, and asks
/// for no end tags.
private final class PlaceRecorder: XMLByteHandler {
  var places: [String] = []
  var attributes: [String] = []
  var wantsEndElements: Bool { false }

  func startElement(_ name: XMLName, attributes: XMLAttributes, context: XMLEventContext) throws(InputError) {
    let ancestors = (1...3).compactMap { context.ancestor($0)?.string }
    places.append("\(name.string)@\(context.depth)<\(ancestors.joined(separator: "<"))")
    for index in 0..<attributes.attributeCount {
      let value = String(decoding: attributes.valueBytes(at: index), as: UTF8.self)
      self.attributes.append("\(attributes.name(at: index).string)=\(value) \(attributes.name(at: index).firstByte)")
    }
  }

  func endElement(_ name: XMLName, context: XMLEventContext) throws(InputError) {
    XCTFail("no end tag was asked for: \(name.string)")
  }
}

final class XMLByteHandlerTests: XCTestCase {
  func testDepthAndAncestorsComeFromTheParserStackWithoutEndTags() throws {
    let xml = "<r><a><b x=\"1\" p:y=\"two\" xmlns:p=\"urn:p\"/><c><d/></c></a><e/></r>"
    let recorder = PlaceRecorder()
    try XMLStreamParser.parse(data: Data(xml.utf8), displayPath: "p.xml", handler: recorder)
    XCTAssertEqual(recorder.places, ["r@1<", "a@2<r", "b@3<a<r", "c@3<a<r", "d@4<c<a<r", "e@2<r"])
    XCTAssertEqual(recorder.attributes, ["x=1 120", "y=two 121"])
  }

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
