import HomologModel
import XCTest

@testable import HomologEvaluate

/// Scoring is the one place that decides met / not met and computes scores; compare and regression call it.
final class ScoringTests: XCTestCase {
  typealias F = DecisionFixtures

  func testNotMetIsNonConformeOrNonEvalueOnly() {
    XCTAssertEqual(RequirementStatus.allCases.filter(\.isNotMet), [.nonConforme, .nonEvalue])
    XCTAssertEqual(RequirementStatus.allCases.filter(\.isMetWithDerogations), [.conforme, .derogation])
  }

  func testEliminatingAreThePrimordialRequirementsNotMet() {
    let requirements = [
      F.requirement("P-1", .primordial, status: .nonEvalue), F.requirement("P-2", .primordial, status: .derogation),
      F.requirement("P-3", .primordial, status: .nonApplicable), F.requirement("P-4", .primordial, status: .nonConforme),
      F.requirement("I-1", .important, status: .nonConforme),
    ]
    XCTAssertEqual(Scoring.eliminating(requirements), ["P-1", "P-4"])
    XCTAssertEqual(Scoring.verdict(requirements).eliminating, ["P-1", "P-4"])
  }

  func testCompareMarkOutOf100IsTheDossierScoreAndOutOf20IsItScaled() throws {
    let requirements = [
      F.requirement("I-1", .important, status: .conforme), F.requirement("I-2", .important, status: .derogation),
      F.requirement("I-3", .important, status: .nonEvalue), F.requirement("I-4", .important, status: .nonApplicable),
      F.requirement("P-1", .primordial, status: .nonConforme),
    ]
    let score = Scoring.score(requirements)
    XCTAssertEqual(score.important, 66.6)  // 2 / 3, truncated
    XCTAssertEqual(score.importantWithoutDerogations, 33.3)
    XCTAssertEqual(Scoring.mark(requirements, scale: 100), score.important)
    XCTAssertEqual(Scoring.mark(requirements, scale: 20), 13.32)  // 66.6 × 20 / 100

    let bids = [
      Comparison.Bid(dossier: F.dossier(name: "A", requirements: requirements), name: "A", file: "a.json", sha256: "a"),
      Comparison.Bid(dossier: F.dossier(name: "B", requirements: requirements), name: "B", file: "b.json", sha256: "b"),
    ]
    let comparison = try Comparison.compare(bids, commonOnly: false)
    XCTAssertEqual(comparison.bids.map(\.score), [score.important, score.important])
    XCTAssertEqual(comparison.bids.map(\.eliminating), [["P-1"], ["P-1"]])
  }

  func testRequirementFromMetToNonApplicableIsNotALoss() {
    let before = F.dossier(requirements: [F.requirement("I-1", .important, status: .conforme)])
    let after = F.dossier(requirements: [F.requirement("I-1", .important, status: .nonApplicable)])
    let regression = RegressionAnalysis.compare(baseline: before, current: after)
    XCTAssertEqual(regression.statusChanges.map(\.requirement), ["I-1"])
    XCTAssertFalse(regression.reasons.contains { $0.key == "regression.requirement-lost" })
  }
}
