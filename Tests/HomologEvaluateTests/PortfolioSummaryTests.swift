import Foundation
import HomologModel
import XCTest

@testable import HomologEvaluate

final class PortfolioSummaryTests: XCTestCase {
  typealias F = DecisionFixtures

  func application(_ index: Int) -> Dossier {
    let eliminated = index % 3 == 0
    var findings = [F.finding("CVE-H\(index)", .high)]
    for number in 0..<(index % 4) { findings.append(F.finding("CVE-C\(number)", .critical)) }
    var suppressed = F.finding("CVE-S", .critical)
    suppressed.suppression = "not_affected"
    findings.append(suppressed)
    findings.append(F.finding("RULE-1", .critical, tool: "Semgrep", kind: .codeIssue))
    var derogations: [DerogationEntry] = []
    if index % 5 == 0 { derogations.append(F.derogation("DER-\(index)-B", requirement: "I-1", state: .expiring, expiresOn: "2026-12-20")) }
    if index % 5 == 0 { derogations.append(F.derogation("DER-\(index)-A", requirement: "I-1", state: .expiring, expiresOn: "2026-12-10")) }
    if index % 7 == 0 { derogations.append(F.derogation("DER-\(index)-X", requirement: "I-1", state: .expired)) }
    return F.dossier(
      name: String(format: "App %04d", index),
      requirements: [
        F.requirement("P-1", .primordial, status: eliminated ? .nonConforme : .conforme),
        F.requirement("I-1", .important, status: index % 2 == 0 ? .conforme : .nonEvalue),
      ], findings: findings, derogations: derogations)
  }

  func testRowsAndTotalsOnASample() {
    let rows = (0..<1000).reversed().map { PortfolioSummary.row(application($0), file: "app\($0)/dossier.json") }
    let portfolio = PortfolioSummary.portfolio(rows)
    XCTAssertEqual(portfolio.rows.count, 1000)
    XCTAssertEqual(portfolio.rows.first?.application, "App 0000")
    XCTAssertEqual(portfolio.totals.applications, 1000)
    XCTAssertEqual(portfolio.totals.eliminatoire, 334)
    XCTAssertEqual(portfolio.totals.conforme, 666)
    XCTAssertEqual(portfolio.totals.expiringDerogations, 400)
    XCTAssertEqual(portfolio.totals.expiredDerogations, 143)
    XCTAssertEqual(portfolio.totals.criticalVulnerabilities, 250 * (0 + 1 + 2 + 3))
    for index in [0, 1, 35, 999] {
      let row = portfolio.rows[index]
      XCTAssertEqual(row.application, String(format: "App %04d", index))
      XCTAssertEqual(row.verdict, index % 3 == 0 ? .eliminatoire : .conforme)
      XCTAssertEqual(row.eliminating, index % 3 == 0 ? ["P-1"] : [])
      XCTAssertEqual(row.score, index % 2 == 0 ? 100 : 0)
      XCTAssertEqual(row.criticalVulnerabilities, index % 4, "suppressed and code findings do not count")
      XCTAssertEqual(row.highVulnerabilities, 1)
      XCTAssertEqual(row.expiringDerogations, index % 5 == 0 ? ["DER-\(index)-A", "DER-\(index)-B"] : [])
      XCTAssertEqual(row.nextExpiry, index % 5 == 0 ? "2026-12-10" : nil)
      XCTAssertEqual(row.expiredDerogations, index % 7 == 0 ? ["DER-\(index)-X"] : [])
      XCTAssertEqual(row.nonEvalue, index % 2 == 0 ? 0 : 1)
    }
  }
}
