import HomologModel
import XCTest

@testable import HomologEvaluate

final class GateRuleTests: XCTestCase {
  typealias F = DecisionFixtures

  func testParsesEveryRule() throws {
    XCTAssertEqual(GateRule("eliminatory"), .eliminatory)
    XCTAssertEqual(GateRule(" regression "), .regression)
    XCTAssertEqual(GateRule("score<80"), .scoreBelow(80))
    XCTAssertEqual(GateRule("score<72.5"), .scoreBelow(72.5))
    XCTAssertEqual(GateRule("expired-derogation"), .expiredDerogation)
    XCTAssertEqual(GateRule("no-evidence"), .noEvidence)
    XCTAssertEqual(try GateRule.parse(["eliminatory", "", "score<80", "eliminatory"]), [.eliminatory, .scoreBelow(80)])
    XCTAssertEqual(GateRule.scoreBelow(80).description, "score<80")
  }

  func testRefusesUnknownRulesWithTheExpectedList() {
    for text in ["score<", "score<abc", "score<101", "score<120", "score<-1", "scores<80", "eliminated", "everything", "score>80"] {
      XCTAssertNil(GateRule(text), text)
    }
    XCTAssertThrowsError(try GateRule.parse(["eliminatory", "regresion"])) { error in
      let message = (error as? InputError)?.message ?? ""
      XCTAssertTrue(message.contains("unknown gate rule 'regresion'"), message)
      XCTAssertTrue(message.contains("score<N"), message)
    }
  }

  func testEliminatoryNamesTheRequirements() {
    let dossier = F.dossier(requirements: [F.requirement("P-1", .primordial, status: .nonConforme), F.requirement("I-1", .important, status: .conforme)])
    XCTAssertEqual(
      Self.lines(GateRule.eliminatory.failure(dossier)),
      ["gate.failed.eliminatory rule=eliminatory count=1 ids=P-1", "gate.unmet.non-conforme id=P-1"])
    let passing = F.dossier(requirements: [F.requirement("P-1", .primordial, status: .conforme)])
    XCTAssertNil(GateRule.eliminatory.failure(passing))
  }

  func testScoreBelowComparesTheImportantScore() {
    let dossier = F.dossier(requirements: [
      F.requirement("I-1", .important, status: .conforme), F.requirement("I-2", .important, status: .nonConforme),
    ])
    XCTAssertEqual(Self.lines(GateRule.scoreBelow(80).failure(dossier)), ["gate.failed.score-below rule=score-below score=50 limit=80"])
    XCTAssertEqual(GateRule.scoreBelow(80).name, Message("gate.rule.score-below", [.number("limit", 80, decimals: NumberFormatting.givenDecimals)]))
    XCTAssertNil(GateRule.scoreBelow(50).failure(dossier))
  }

  func testExpiredDerogationAndNoEvidence() {
    let dossier = F.dossier(
      requirements: [F.requirement("I-1", .important, status: .nonEvalue)],
      derogations: [F.derogation("DER-1", requirement: "I-1", state: .expired), F.derogation("DER-2", requirement: "I-1", state: .active)])
    XCTAssertEqual(Self.lines(GateRule.expiredDerogation.failure(dossier)), ["gate.failed.expired-derogation rule=expired-derogation count=1 ids=DER-1"])
    XCTAssertEqual(Self.lines(GateRule.noEvidence.failure(dossier)), ["gate.failed.no-evidence rule=no-evidence count=1 ids=I-1"])
  }

  func testRegressionNeedsARegressionSection() {
    let before = F.dossier(requirements: [F.requirement("I-1", .important, status: .conforme)])
    var after = F.dossier(requirements: [F.requirement("I-1", .important, status: .nonConforme)])
    XCTAssertNil(GateRule.regression.failure(after))
    after.regression = RegressionAnalysis.compare(baseline: before, current: after)
    after.regression?.reasonTexts = ["I-1 lost"]
    XCTAssertEqual(Self.lines(GateRule.regression.failure(after)), ["gate.failed.regression rule=regression date=2026-11-22", "gate.reason text=I-1 lost"])
  }

  /// Each message of a gate failure as `key name=value…`, the words being the translation tables' business.
  static func lines(_ messages: [Message]?) -> [String] {
    (messages ?? []).map { ([$0.key] + $0.args.map { "\($0.name)=\($0.value)" }).joined(separator: " ") }
  }
}
