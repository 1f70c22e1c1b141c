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
    XCTAssertEqual(GateRule.eliminatory.failure(dossier), "eliminatory: Primordial requirement(s) not met: P-1\n  P-1 non conforme")
    let passing = F.dossier(requirements: [F.requirement("P-1", .primordial, status: .conforme)])
    XCTAssertNil(GateRule.eliminatory.failure(passing))
  }

  func testScoreBelowComparesTheImportantScore() {
    let dossier = F.dossier(requirements: [
      F.requirement("I-1", .important, status: .conforme), F.requirement("I-2", .important, status: .nonConforme),
    ])
    XCTAssertEqual(GateRule.scoreBelow(80).failure(dossier), "score<80: Important score 50 is below 80")
    XCTAssertNil(GateRule.scoreBelow(50).failure(dossier))
  }

  func testExpiredDerogationAndNoEvidence() {
    let dossier = F.dossier(
      requirements: [F.requirement("I-1", .important, status: .nonEvalue)],
      derogations: [F.derogation("DER-1", requirement: "I-1", state: .expired), F.derogation("DER-2", requirement: "I-1", state: .active)])
    XCTAssertEqual(GateRule.expiredDerogation.failure(dossier), "expired-derogation: DER-1")
    XCTAssertEqual(GateRule.noEvidence.failure(dossier), "no-evidence: 1 requirement(s) non évalué(s): I-1")
  }

  func testRegressionNeedsARegressionSection() {
    let before = F.dossier(requirements: [F.requirement("I-1", .important, status: .conforme)])
    var after = F.dossier(requirements: [F.requirement("I-1", .important, status: .nonConforme)])
    XCTAssertNil(GateRule.regression.failure(after))
    after.regression = RegressionAnalysis.compare(baseline: before, current: after)
    after.regression?.reasonTexts = ["I-1 lost"]
    XCTAssertEqual(GateRule.regression.failure(after), "regression against the baseline of 2026-11-22: I-1 lost")
  }
}
