import Foundation
import HomologEvaluate
import XCTest

/// `homolog checks` prints each check's title and rationale from the translation tables (`templates/i18n/*/checks.json`):
/// the English ones are the checks' own descriptions, word for word, and every check has its French.
final class CheckTextsTests: XCTestCase {
  private static func table(_ language: String) throws -> [String: String] {
    let url = Fixtures.repository.appendingPathComponent("templates/i18n/\(language)/checks.json")
    return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
  }

  func testEveryCheckHasItsEnglishTextsVerbatimAndItsFrenchOnes() throws {
    let english = try Self.table("en")
    let french = try Self.table("fr")
    XCTAssertEqual(Set(english.keys), Set(french.keys))
    XCTAssertEqual(AllChecks.list.count, 34)
    for check in AllChecks.list {
      let doc = type(of: check).doc
      XCTAssertEqual(english["check.\(doc.id).title"], doc.title, doc.id)
      XCTAssertEqual(english["check.\(doc.id).rationale"], doc.rationale, doc.id)
      XCTAssertNotEqual(french["check.\(doc.id).title"] ?? doc.title, doc.title, doc.id)
      XCTAssertNotEqual(french["check.\(doc.id).rationale"] ?? doc.rationale, doc.rationale, doc.id)
    }
  }
}
