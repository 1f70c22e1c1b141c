import Foundation
import HomologModel
import HomologParsing
import XCTest

/// Found by fuzzing: libxml2 hands the document it builds for a DOCTYPE to the caller, who must free it.
final class XMLStreamParserLeakTests: XCTestCase {
  private final class Ignore: XMLStreamHandler {
    func startElement(_ name: String, attributes: XMLAttributes, line: Int) throws(InputError) {}
  }

  /// Resident memory of this process, from /proc/self/statm.
  private static var allocatedBytes: Int {
    let text = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? "0 0"
    let pages = Int(text.split(separator: " ")[1]) ?? 0
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }

  func testParsingDocumentsWithADoctypeDoesNotLeak() {
    let withExternalDTD = Data("""
      <?xml version="1.0"?>
      <!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">
      <report name="x"><counter type="LINE" missed="0" covered="1"/></report>
      """.utf8)
    let withEntity = Data("<?xml version=\"1.0\"?>\n<!DOCTYPE r [ <!ENTITY a \"b\"> ]>\n<r>&a;</r>\n".utf8)
    for document in [withExternalDTD, withEntity] {
      for _ in 0..<50 { _ = try? XMLStreamParser.parse(data: document, displayPath: "warm-up.xml", handler: Ignore()) }
      let before = Self.allocatedBytes
      for _ in 0..<4_000 { _ = try? XMLStreamParser.parse(data: document, displayPath: "doctype.xml", handler: Ignore()) }
      let grown = Self.allocatedBytes - before
      XCTAssertLessThan(grown, 8 << 20, "4,000 parses grew the resident memory by \(grown) bytes")
    }
  }
}
