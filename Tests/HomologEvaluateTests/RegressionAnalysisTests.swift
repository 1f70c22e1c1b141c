import HomologModel
import XCTest

@testable import HomologEvaluate

final class RegressionAnalysisTests: XCTestCase {
  typealias F = DecisionFixtures

  func baseline() -> Dossier {
    F.dossier(
      requirements: [
        F.requirement("P-1", .primordial, status: .conforme), F.requirement("I-1", .important, status: .conforme),
        F.requirement("I-2", .important, status: .nonConforme),
      ],
      findings: [F.finding("CVE-1", .medium), F.finding("CVE-2", .high)], coverage: [F.coverage("api", 91.5), F.coverage("web", 70)],
      derogations: [F.derogation("DER-1", requirement: "I-2", state: .active)])
  }

  func testCriticalVulnerabilityAddedAndCoverageLoweredAreBothNamed() {
    let current = F.dossier(
      requirements: baseline().requirements, findings: [F.finding("CVE-1", .medium), F.finding("CVE-2", .high), F.finding("CVE-9", .critical)],
      coverage: [F.coverage("api", 88.2), F.coverage("web", 70)], derogations: baseline().derogations)
    let regression = RegressionAnalysis.compare(baseline: baseline(), current: current)
    XCTAssertTrue(regression.isRegression)
    XCTAssertEqual(regression.newFindings.map(\.ruleId), ["CVE-9"])
    XCTAssertEqual(regression.fixedFindings.map(\.ruleId), [])
    XCTAssertEqual(regression.reasons.map(\.key), ["regression.new-finding", "regression.coverage-down"])
    XCTAssertEqual(regression.reasons[0].arg("rule"), "CVE-9")
    XCTAssertEqual(regression.reasons[0].arg("severity"), "critical")
    XCTAssertEqual(regression.reasons[1].arg("component"), "api")
    XCTAssertEqual(regression.reasons[1].arg("before"), "91.5")
    XCTAssertEqual(regression.reasons[1].arg("after"), "88.2")
    XCTAssertEqual(regression.coverageChanges, [
      CoverageChange(
        component: "api", before: 91.5, after: 88.2, linesBefore: CoverageCounter(total: 1000, covered: 915),
        linesAfter: CoverageCounter(total: 1000, covered: 882)),
      CoverageChange(
        component: "web", before: 70, after: 70, linesBefore: CoverageCounter(total: 1000, covered: 700),
        linesAfter: CoverageCounter(total: 1000, covered: 700)),
    ])
  }

  func testNewFindingBelowTheRegressionSeverityIsReportedButNotARegression() {
    let current = F.dossier(
      requirements: baseline().requirements, findings: [F.finding("CVE-2", .high), F.finding("CVE-3", .medium)],
      coverage: baseline().coverage)
    let regression = RegressionAnalysis.compare(baseline: baseline(), current: current)
    XCTAssertEqual(regression.newFindings.map(\.ruleId), ["CVE-3"])
    XCTAssertEqual(regression.fixedFindings.map(\.ruleId), ["CVE-1"])
    XCTAssertFalse(regression.isRegression)
  }

  func testPolicyDecidesSeverityAndCoverageTolerance() {
    var policy = Policy()
    policy.regressionSeverity = .medium
    policy.coverageTolerance = 5
    let current = F.dossier(
      requirements: baseline().requirements, findings: baseline().findings + [F.finding("CVE-3", .medium)],
      coverage: [F.coverage("api", 88.2), F.coverage("web", 70)], policy: policy)
    let regression = RegressionAnalysis.compare(baseline: baseline(), current: current)
    XCTAssertEqual(regression.reasons.map(\.key), ["regression.new-finding"])
  }

  func testScoreDownAndRequirementFromMetToNotMet() {
    let current = F.dossier(
      requirements: [
        F.requirement("P-1", .primordial, status: .nonEvalue), F.requirement("I-1", .important, status: .nonConforme),
        F.requirement("I-2", .important, status: .derogation),
      ],
      findings: baseline().findings, coverage: [F.coverage("api", 91.5)],
      derogations: [F.derogation("DER-1", requirement: "I-2", state: .expired), F.derogation("DER-2", requirement: "I-2", state: .active)])
    let regression = RegressionAnalysis.compare(baseline: baseline(), current: current)
    XCTAssertEqual(
      regression.reasons.map(\.key),
      ["regression.coverage-missing", "regression.requirement-lost", "regression.requirement-lost"])
    XCTAssertEqual(regression.reasons.compactMap { $0.arg("requirement") }, ["P-1", "I-1"])
    XCTAssertEqual(regression.statusChanges.map(\.requirement), ["P-1", "I-1", "I-2"])
    XCTAssertEqual(regression.scoreBefore, 50)
    XCTAssertEqual(regression.scoreAfter, 50)
    XCTAssertEqual(regression.derogationsAdded, ["DER-2"])
    XCTAssertEqual(regression.derogationsExpired, ["DER-1"])

    let lower = F.dossier(requirements: [
      F.requirement("P-1", .primordial, status: .conforme), F.requirement("I-1", .important, status: .nonConforme),
      F.requirement("I-2", .important, status: .nonConforme),
    ], findings: baseline().findings, coverage: baseline().coverage, derogations: baseline().derogations)
    let scoreDown = RegressionAnalysis.compare(baseline: baseline(), current: lower)
    XCTAssertEqual(scoreDown.reasons.map(\.key), ["regression.score-down", "regression.requirement-lost"])
    XCTAssertEqual(scoreDown.reasons[0].arg("before"), "50")
    XCTAssertEqual(scoreDown.reasons[0].arg("after"), "0")
  }

  func testSameDossierIsNoRegression() {
    let regression = RegressionAnalysis.compare(baseline: baseline(), current: baseline())
    XCTAssertFalse(regression.isRegression)
    XCTAssertTrue(regression.newFindings.isEmpty && regression.fixedFindings.isEmpty && regression.statusChanges.isEmpty)
  }

  func testManyNewFindingsAreCappedInReasons() {
    let many = (0..<30).map { F.finding("CVE-N\($0)", .critical) }
    let current = F.dossier(requirements: baseline().requirements, findings: baseline().findings + many, coverage: baseline().coverage)
    let regression = RegressionAnalysis.compare(baseline: baseline(), current: current)
    XCTAssertEqual(regression.reasons.count, RegressionAnalysis.listedFindings + 1)
    XCTAssertEqual(regression.reasons.last?.key, "regression.new-findings-more")
    XCTAssertEqual(regression.reasons.last?.arg("count"), "10")
  }

  /// A component's coverage measured as `covered` lines out of 10 000.
  func counted(_ component: String, covered: Int, total: Int = 10_000) -> ComponentCoverage {
    ComponentCoverage(
      component: component, role: .backend, lines: CoverageCounter(total: total, covered: covered), branches: nil,
      percent: NumberFormatting.percent(covered, of: total), threshold: 80, files: ["reports/\(component)/coverage.xml"])
  }

  func testCoverageDropOfNineHundredthsOfAPointIsARegressionThoughBothPrintAs81Point8() {
    let before = F.dossier(requirements: baseline().requirements, coverage: [counted("api", covered: 8189)])
    let after = F.dossier(requirements: baseline().requirements, coverage: [counted("api", covered: 8180)])
    XCTAssertEqual(before.coverage[0].percent, 81.8)
    XCTAssertEqual(after.coverage[0].percent, 81.8)
    let regression = RegressionAnalysis.compare(baseline: before, current: after)
    XCTAssertTrue(regression.isRegression)
    XCTAssertEqual(regression.reasons.map(\.key), ["regression.coverage-down"])
    XCTAssertEqual(regression.reasons[0].arg("before"), "81.8")
    XCTAssertEqual(regression.reasons[0].arg("after"), "81.8")
    XCTAssertEqual(regression.coverageChanges[0].pointsDown ?? 0, 0.09, accuracy: 1e-9)
    XCTAssertTrue(regression.coverageChanges[0].isDown)
  }

  func testEqualCountsAreNoRegressionEvenWithADifferentTotal() {
    let before = F.dossier(requirements: baseline().requirements, coverage: [counted("api", covered: 8189)])
    let same = RegressionAnalysis.compare(baseline: before, current: before)
    XCTAssertFalse(same.isRegression)
    XCTAssertEqual(same.coverageChanges[0].pointsDown, 0)
    XCTAssertFalse(same.coverageChanges[0].isDown)
    let doubled = F.dossier(requirements: baseline().requirements, coverage: [counted("api", covered: 16_378, total: 20_000)])
    XCTAssertFalse(RegressionAnalysis.compare(baseline: before, current: doubled).isRegression)
  }

  func testDropWithinTheToleranceInPointsIsNoRegression() {
    var policy = Policy()
    policy.coverageTolerance = 0.1
    let before = F.dossier(requirements: baseline().requirements, coverage: [counted("api", covered: 8189)])
    let within = F.dossier(requirements: baseline().requirements, coverage: [counted("api", covered: 8180)], policy: policy)
    XCTAssertFalse(RegressionAnalysis.compare(baseline: before, current: within).isRegression)
    let beyond = F.dossier(requirements: baseline().requirements, coverage: [counted("api", covered: 8178)], policy: policy)
    let regression = RegressionAnalysis.compare(baseline: before, current: beyond)
    XCTAssertEqual(regression.reasons.map(\.key), ["regression.coverage-down"])
    XCTAssertEqual(regression.reasons[0].arg("tolerance"), "0.1")
  }
}
