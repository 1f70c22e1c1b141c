import Foundation
import HomologModel
import HomologProject
import XCTest

final class TextSimilarityTests: XCTestCase {
  func testWordsFoldAccentsCaseLigaturesAndDropPunctuationAndOneLetterWords() {
    XCTAssertEqual(TextSimilarity.words("L’État, l'œuvre ÉCO-conçue : déjà « prête » !"), ["etat", "oeuvre", "eco", "concue", "deja", "prete"])
    XCTAssertEqual(TextSimilarity.words("Kubernetes (k8s) v1.29"), ["kubernetes", "k8s", "v1", "29"])
    XCTAssertEqual(TextSimilarity.words(" , ; ! "), [])
  }

  func testAccentsAndPunctuationDoNotLowerTheScore() {
    let score = TextSimilarity.score("Le développeur met en place une livraison continue.", "le DEVELOPPEUR met en place, une livraison continue")
    XCTAssertEqual(score, TextSimilarity.Score(shared: 8, total: 8))
    XCTAssertEqual(score.percent, 100)
  }

  func testJaccardIsSharedWordsOverAllWordsTruncated() {
    // {aa bb cc} and {bb cc dd}: 2 shared of 4; {aa bb cc} and {aa dd ee}: 1 of 5.
    XCTAssertEqual(TextSimilarity.score("aa bb cc", "bb cc dd"), TextSimilarity.Score(shared: 2, total: 4))
    XCTAssertTrue(TextSimilarity.score("aa bb cc", "bb cc dd").isSimilar, "50 % reaches the threshold")
    XCTAssertFalse(TextSimilarity.score("aa bb cc", "aa dd ee").isSimilar)
    XCTAssertEqual(TextSimilarity.Score(shared: 2, total: 3).percent, 66.6)
    XCTAssertEqual(TextSimilarity.score("", "").percent, 0)
    XCTAssertFalse(TextSimilarity.score("", "").isSimilar)
  }

  func testScoresCompareAsExactFractions() {
    XCTAssertFalse(TextSimilarity.Score(shared: 1, total: 2) < TextSimilarity.Score(shared: 2, total: 4))
    XCTAssertFalse(TextSimilarity.Score(shared: 2, total: 4) < TextSimilarity.Score(shared: 1, total: 2))
    XCTAssertTrue(TextSimilarity.Score(shared: 2, total: 3) < TextSimilarity.Score(shared: 3, total: 4))
  }

  func testNoTwoStatementsOfTheBuiltInCatalogueAreSimilar() throws {
    let catalogue = try BuiltInCatalogue.load()
    var closest = TextSimilarity.Score(shared: 0, total: 1)
    var pair = ("", "")
    let words = catalogue.requirements.map { TextSimilarity.words($0.statement) }
    for first in words.indices {
      for second in words.indices where second > first {
        let score = TextSimilarity.score(words[first], words[second])
        if closest < score { (closest, pair) = (score, (catalogue.requirements[first].id, catalogue.requirements[second].id)) }
      }
    }
    XCTAssertEqual(closest.percent, 24)
    XCTAssertEqual([pair.0, pair.1], ["EXI-ORG-1", "EXI-ORG-3"])
    XCTAssertFalse(closest.isSimilar)
  }
}

/// The shipped CCT catalogue, every check id it names accepted (the CLI tests check them against the registry).
enum BuiltInCatalogue {
  static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("requirements/cct-cloud-pi-native.yaml")

  static func load() throws -> Catalogue {
    let data = try Data(contentsOf: url)
    let text = String(decoding: data, as: UTF8.self)
    let ids = Set(text.split(separator: "\n").filter { $0.contains("checks:") }.flatMap { line in
      line.split(whereSeparator: { "[], ".contains($0) }).dropFirst().map(String.init)
    })
    return try CatalogueLoader.loadValid(data, file: "cct.yaml", knownChecks: ids)
  }
}
