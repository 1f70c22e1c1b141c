import HomologModel
import HomologRender
import XCTest

/// Plural agreement lives in the translation tables (`{name|one|other}`), decided by one rule per language.
final class PluralRuleTests: XCTestCase {
  private let french = TranslationTable(lang: "fr", messages: ["p": "{n} {n|problème|problèmes}", "c": "{n|la seule image|les # images}"])
  private let english = TranslationTable(lang: "en", messages: ["p": "{n} {n|problem|problems}", "c": "{n|the only image|all # images}"])

  func testFrenchSingularCoversZeroAndOneAndFiguresBelowTwo() {
    XCTAssertEqual(french.text("p", [.number("n", 0, decimals: 0)]), "0 problème")
    XCTAssertEqual(french.text("p", [.number("n", 1, decimals: 0)]), "1 problème")
    XCTAssertEqual(french.text("p", [.number("n", 1.5)]), "1,5 problème")
    XCTAssertEqual(french.text("p", [.number("n", 2, decimals: 0)]), "2 problèmes")
    XCTAssertEqual(french.text("p", [MessageArg("n", "3")]), "3 problèmes", "a plain argument counts too")
    XCTAssertEqual(french.text("c", [.number("n", 1, decimals: 0)]), "la seule image")
    XCTAssertEqual(french.text("c", [.number("n", 12_000, decimals: 0)]), "les 12\u{202F}000 images", "# is the figure in the language's style")
  }

  func testEnglishSingularIsExactlyOne() {
    XCTAssertEqual(english.text("p", [.number("n", 0, decimals: 0)]), "0 problems")
    XCTAssertEqual(english.text("p", [.number("n", 1, decimals: 0)]), "1 problem")
    XCTAssertEqual(english.text("p", [.number("n", 1.5)]), "1.5 problems")
    XCTAssertEqual(english.text("p", [.number("n", 2, decimals: 0)]), "2 problems")
    XCTAssertEqual(english.text("c", [.number("n", 1_000, decimals: 0)]), "all 1,000 images")
  }

  func testShippedTablesAgreeInNumberAndNameGateRules() throws {
    let fr = try TranslationTable.load(lang: "fr", from: TemplateSource())
    let en = try TranslationTable.load(lang: "en", from: TemplateSource())
    XCTAssertEqual(fr.count(1, "unit.findings"), "1 constat")
    XCTAssertEqual(fr.count(2, "unit.new-findings"), "2 nouveaux constats")
    XCTAssertEqual(en.count(1, "unit.kubernetes-objects"), "1 Kubernetes object")
    XCTAssertEqual(en.count(3, "unit.days-left"), "3 days left")
    XCTAssertEqual(fr.text(GateRule.name("score<80.5")), "score inférieur à 80,5")
    XCTAssertEqual(en.text(GateRule.name("score<80.5")), "score below 80.5")
    XCTAssertEqual(fr.text(GateRule.name("eliminatory")), "éliminatoire")
    XCTAssertEqual(
      fr.text("k8s.image-tag-pinned.fail", [MessageArg("failed", "1"), MessageArg("checked", "4")]).prefix(40), "1 image sur 4 sans version explicite : é")
    XCTAssertEqual(
      en.text("k8s.configmap-no-credentials.fail", [MessageArg("failed", "1"), MessageArg("checked", "1")]),
      "1 credential found in 1 ConfigMap: move it to Secrets")
  }

  func testBothLanguagesUseTheSameArgumentsInEveryText() throws {
    let fr = try TranslationTable.load(lang: "fr", from: TemplateSource())
    let en = try TranslationTable.load(lang: "en", from: TemplateSource())
    XCTAssertEqual(Set(fr.messages.keys), Set(en.messages.keys))
    for key in fr.messages.keys { XCTAssertEqual(Set(fr.placeholders(key)), Set(en.placeholders(key)), key) }
  }
}
