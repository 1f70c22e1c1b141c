import HomologModel
import XCTest

@testable import HomologEvaluate

/// The proposed decision from small dossiers, each figure worked out by hand from docs/decision.md's rules.
final class HomologationDeciderTests: XCTestCase {
  private let asOf = Day("2026-11-22")!

  /// Ten Important requirements, `met` of them conforme, the others non conforme, and one Primordial conforme.
  private func requirements(met: Int) -> [RequirementResult] {
    [DecisionFixtures.requirement("EXI-P-1", .primordial, status: .conforme)]
      + (1...10).map { DecisionFixtures.requirement("EXI-I-\($0)", .important, status: $0 <= met ? .conforme : .nonConforme) }
  }

  func testScoreBandsGiveTheMonthsAndTheEndDate() {
    // Score 100 → 36, 80 → 24, 60 → 12, 40 → 6 months.
    let cases: [(met: Int, months: Int, until: String)] = [
      (10, 36, "2029-11-22"), (8, 24, "2028-11-22"), (6, 12, "2027-11-22"), (4, 6, "2027-05-22"),
    ]
    for (met, months, until) in cases {
      let decision = HomologationDecider.decide(DecisionFixtures.dossier(requirements: requirements(met: met)), policy: DecisionPolicy(), asOf: asOf)
      XCTAssertEqual(decision.validityMonths, months, "\(met) met")
      XCTAssertEqual(decision.validUntil, until, "\(met) met")
      XCTAssertEqual(decision.proposal, met == 10 ? .favorable : .favorableWithReservations)
      XCTAssertEqual(decision.reservations.count, 10 - met, "each Important requirement not met is a reservation")
    }
  }

  func testOpenCriticalAndHighVulnerabilitiesShortenTheValidity() {
    let findings = [
      DecisionFixtures.finding("CVE-2026-1", .critical), DecisionFixtures.finding("CVE-2026-2", .high),
      DecisionFixtures.finding("CVE-2026-3", .high), DecisionFixtures.finding("CVE-2026-4", .critical, kind: .misconfiguration),
    ]
    var suppressed = DecisionFixtures.finding("CVE-2026-5", .critical)
    suppressed.suppression = "not_affected"
    let highOnly = DecisionFixtures.dossier(requirements: requirements(met: 10), findings: Array(findings[1...2]) + [findings[3], suppressed])
    let high = HomologationDecider.decide(highOnly, policy: DecisionPolicy(), asOf: asOf)
    XCTAssertEqual(high.validityMonths, 12, "two open highs: 36 → 12; a critical misconfiguration and a suppressed critical do not count")
    XCTAssertEqual(high.validUntil, "2027-11-22")
    XCTAssertEqual(
      high.reasons, [.scoreBand(score: 100, minimum: 90, months: 36), .highVulnerabilities(count: 2, months: 12)])
    XCTAssertEqual(high.proposal, .favorable, "vulnerabilities shorten the validity; they are no reservation by themselves")

    let both = HomologationDecider.decide(DecisionFixtures.dossier(requirements: requirements(met: 10), findings: findings), policy: DecisionPolicy(), asOf: asOf)
    XCTAssertEqual(both.validityMonths, 6)
    XCTAssertEqual(both.validUntil, "2027-05-22")
    XCTAssertEqual(both.reasons, [.scoreBand(score: 100, minimum: 90, months: 36), .criticalVulnerabilities(count: 1, months: 6)])
  }

  func testTheEarliestDerogationInForceCapsTheEndDate() {
    var requirements = requirements(met: 10)
    requirements[1].status = .derogation
    requirements[1].derogation = "DER-LATE"
    requirements[2].status = .derogation
    requirements[2].derogation = "DER-SOON"
    var owned = DecisionFixtures.derogation("DER-SOON", requirement: requirements[2].id, state: .expiring, expiresOn: "2026-12-10")
    owned.owner = "Équipe API"
    let derogations = [
      DecisionFixtures.derogation("DER-LATE", requirement: requirements[1].id, state: .active, expiresOn: "2027-06-30"), owned,
      DecisionFixtures.derogation("DER-OLD", requirement: requirements[3].id, state: .expired, expiresOn: "2026-01-01"),
    ]
    let policy = DecisionPolicy(actions: [PlannedAction(requirement: requirements[2].id, owner: "Autre", due: Day("2026-12-01"))])
    let decision = HomologationDecider.decide(
      DecisionFixtures.dossier(requirements: requirements, derogations: derogations), policy: policy, asOf: asOf)
    XCTAssertEqual(decision.proposal, .favorableWithReservations)
    XCTAssertEqual(decision.validityMonths, 36)
    XCTAssertEqual(decision.validUntil, "2026-12-10", "never beyond DER-SOON's expiry")
    XCTAssertEqual(decision.reasons.last, .derogationExpiry(derogation: "DER-SOON", expiresOn: "2026-12-10"))
    XCTAssertEqual(decision.reservations.map(\.derogation), ["DER-SOON", "DER-LATE"], "earliest expiry first; the expired one reserves nothing")
    XCTAssertEqual(decision.reservations.first?.owner, "Équipe API", "the derogation's owner before the action plan's")
    XCTAssertEqual(decision.reservations.first?.due, "2026-12-01")
  }

  func testAnEliminatoryVerdictIsUnfavourableWithoutValidity() {
    var requirements = requirements(met: 9)
    requirements[0].status = .nonEvalue
    let decision = HomologationDecider.decide(
      DecisionFixtures.dossier(requirements: requirements), policy: DecisionPolicy(signatories: [DecisionPerson(name: "A", function: "RSSI")]),
      asOf: asOf)
    XCTAssertEqual(decision.proposal, .unfavorable)
    XCTAssertNil(decision.validityMonths)
    XCTAssertNil(decision.validUntil)
    XCTAssertEqual(decision.reasons, [.eliminatory(requirements: ["EXI-P-1"])])
    XCTAssertEqual(decision.blocking.map(\.requirement), ["EXI-P-1"])
    XCTAssertEqual(decision.blocking.first?.status, .nonEvalue)
    XCTAssertEqual(decision.reservations.map(\.requirement), ["EXI-I-10"])
    XCTAssertEqual(decision.signatories, [DecisionPerson(name: "A", function: "RSSI")])
  }

  func testAddingMonthsKeepsTheDayOrTakesTheMonthsLast() {
    XCTAssertEqual(Day("2026-08-31")!.adding(months: 6).description, "2027-02-28")
    XCTAssertEqual(Day("2027-08-31")!.adding(months: 6).description, "2028-02-29")
    XCTAssertEqual(Day("2026-11-22")!.adding(months: 36).description, "2029-11-22")
    XCTAssertEqual(Day("2026-01-31")!.adding(months: -2).description, "2025-11-30")
    XCTAssertEqual(Day("2026-12-15")!.adding(months: 1).description, "2027-01-15")
  }

  func testTheDecisionRoundTripsThroughJSONWithItsCodes() throws {
    let reasons: [DecisionReason] = [
      .eliminatory(requirements: ["A"]), .scoreBand(score: nil, minimum: 0, months: 6), .criticalVulnerabilities(count: 1, months: 6),
      .highVulnerabilities(count: 2, months: 12), .derogationExpiry(derogation: "D", expiresOn: "2027-01-01"),
    ]
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = .sortedKeys
    let data = try encoder.encode(reasons)
    XCTAssertEqual(
      String(decoding: data, as: UTF8.self),
      #"[{"code":"eliminatory","requirements":["A"]},{"code":"score_band","minimum":0,"months":6},"#
        + #"{"code":"critical_vulnerabilities","count":1,"months":6},{"code":"high_vulnerabilities","count":2,"months":12},"#
        + #"{"code":"derogation_expiry","derogation":"D","expires_on":"2027-01-01"}]"#)
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    XCTAssertEqual(try decoder.decode([DecisionReason].self, from: data), reasons)
  }
}
