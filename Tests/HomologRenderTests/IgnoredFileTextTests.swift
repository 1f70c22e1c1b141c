import Foundation
import HomologModel
import HomologRender
import XCTest

/// Why a file was ignored: a code in `dossier.json`, told in the run's language; older dossiers' texts still read.
final class IgnoredFileTextTests: XCTestCase {
  func testEachReasonIsToldInBothLanguages() throws {
    let fr = try TranslationTable.load(lang: "fr", from: TemplateSource())
    let en = try TranslationTable.load(lang: "en", from: TemplateSource())
    let cases: [(IgnoredFile, String, String)] = [
      (IgnoredFile(path: "a", reason: .empty), "fichier vide", "empty file"),
      (
        IgnoredFile(path: "a", reason: .unknownXML(root: "project")),
        "XML dont l'élément racine <project> ne correspond à aucun format connu", "XML with root element <project> matches no known format"
      ),
      (IgnoredFile(path: "a", reason: .unknownJSON), "document JSON ne correspondant à aucun format connu", "JSON document matches no known format"),
      (
        IgnoredFile(path: "a", reason: .unknownContent, bytes: 2_147_483_648, limit: 1_000_000_000),
        "contenu ne correspondant à aucun format connu ; 2,1 Go, au-delà de la limite de 1 Go",
        "content matches no known format; 2.1 GB, above the 1 GB limit"
      ),
      (IgnoredFile(path: "a", reason: .unknownJSON, bytes: 12_345_678, limit: 10_000_000),
       "document JSON ne correspondant à aucun format connu ; 12,3 Mo, au-delà de la limite de 10 Mo",
       "JSON document matches no known format; 12.3 MB, above the 10 MB limit"),
      (IgnoredFile(path: "a", reason: "a.xml:3: malformed XML (libxml2 error 76)"), "a.xml:3: malformed XML (libxml2 error 76)", "a.xml:3: malformed XML (libxml2 error 76)"),
    ]
    for (file, french, english) in cases {
      XCTAssertEqual(fr.reason(file), french)
      XCTAssertEqual(en.reason(file), english)
    }
  }

  func testTheReasonIsACodeInJSONAndAnOlderDossiersTextStillReads() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let xml = IgnoredFile(path: "a.xml", reason: .unknownXML(root: "project"))
    XCTAssertEqual(String(decoding: try encoder.encode(xml), as: UTF8.self), #"{"path":"a.xml","reason":{"code":"unknown-xml","root":"project"}}"#)
    let diagnostic = IgnoredFile(path: "b.xml", reason: "b.xml:1: malformed XML")
    XCTAssertEqual(String(decoding: try encoder.encode(diagnostic), as: UTF8.self), #"{"path":"b.xml","reason":"b.xml:1: malformed XML"}"#)
    for file in [xml, diagnostic] { XCTAssertEqual(try JSONDecoder().decode(IgnoredFile.self, from: encoder.encode(file)), file) }
    let older = try JSONDecoder().decode(IgnoredFile.self, from: Data(#"{"path":"c.txt","reason":"content matches no known format"}"#.utf8))
    XCTAssertEqual(older.reason, .text("content matches no known format"))
    let unknownCode = try JSONDecoder().decode(IgnoredFile.self, from: Data(#"{"path":"d","reason":{"code":"later-code"}}"#.utf8))
    XCTAssertEqual(unknownCode.reason, .text("later-code"))
  }
}
