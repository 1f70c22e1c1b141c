import Foundation
import HomologModel
import XCTest

@testable import HomologRender

final class DecisionReportTests: XCTestCase {
  func comparison(anonymized: Bool = false) -> BidComparison {
    let requirements = [
      ComparedRequirement(id: "EXI-P-1", level: .primordial, category: "Org", title: "P"),
      ComparedRequirement(id: "EXI-I-1", level: .important, category: "Code & <Image>", title: "I"),
    ]
    let bids = [
      RankedBid(
        name: "=cmd|' /C calc'!A0", file: "b.json", rank: nil, eliminated: true, eliminating: ["EXI-P-1"], score: 100,
        categories: [CategoryMark(category: "Code & <Image>", score: 100)], statuses: ["EXI-P-1": .nonConforme, "EXI-I-1": .conforme]),
      RankedBid(
        name: "<script>alert(1)</script>", file: "a.json", rank: 1, eliminated: false, eliminating: [], score: 12.5,
        categories: [CategoryMark(category: "Code & <Image>", score: 12.5)], statuses: ["EXI-P-1": .conforme, "EXI-I-1": .derogation]),
    ]
    return BidComparison(
      catalogue: CatalogueSummary(id: "cct", title: "CCT", version: "27.05.2024", sha256: "x"), commonOnly: false, scale: 20,
      anonymized: anonymized, requirements: requirements, categories: ["Code & <Image>"], bids: bids)
  }

  func testComparisonFormatsEscapeBidNamesAndNeutralizeFormulas() throws {
    let report = ComparisonReport(comparison(), context: try ReportFixtures.context(lang: "fr"))
    let csv = report.csv()
    XCTAssertTrue(csv.hasPrefix("rank,bid,file,eliminated,eliminating,score,Code & <Image>,EXI-P-1,EXI-I-1\r\n"), csv)
    XCTAssertTrue(csv.contains("\r\n,'=cmd|' /C calc'!A0,b.json,true,EXI-P-1,100,100,non_conforme,conforme\r\n"), csv)
    XCTAssertTrue(csv.contains("\r\n1,<script>alert(1)</script>,a.json,false,,12.5,12.5,conforme,derogation\r\n"), csv)

    let html = String(decoding: try report.render("html"), as: UTF8.self)
    XCTAssertFalse(html.contains("<script>"))
    XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    XCTAssertTrue(html.contains("<html lang=\"fr\">"))
    XCTAssertTrue(html.contains("éliminée : EXI-P-1"))
    XCTAssertFalse(html.contains("http:") || html.contains("https:") || html.contains("//"), "no external request")

    let markdown = String(decoding: try report.render("md"), as: UTF8.self)
    XCTAssertFalse(markdown.contains("<script>"))
    XCTAssertTrue(markdown.contains("| — | \\=cmd\\|' /C calc'\\!A0 | ⛔ éliminée \\: EXI-P-1 | 100 | 100 |"), markdown)
    XCTAssertTrue(markdown.contains("| 1 | &lt;script&gt;alert\\(1\\)&lt;/script&gt; | ✅ recevable | 12,5 | 12,5 |"), markdown)
    XCTAssertTrue(markdown.contains("notes sur 20"))

    let json = try JSONRenderer.decoder.decode(BidComparison.self, from: try report.render("json"))
    XCTAssertEqual(json, comparison())
  }

  func testPortfolioFormats() throws {
    var totals = PortfolioTotals()
    totals.applications = 1
    totals.eliminatoire = 1
    let row = PortfolioRow(
      application: "@App", version: "1.0", organisation: nil, file: "app/dossier.json", asOf: "2026-11-22", catalogueVersion: "27.05.2024",
      verdict: .eliminatoire, eliminating: ["EXI-P-1", "EXI-P-2"], score: 72.5, nonEvalue: 3, expiringDerogations: ["DER-1"],
      nextExpiry: "2026-12-01", expiredDerogations: [], criticalVulnerabilities: 2, highVulnerabilities: 0)
    let report = PortfolioReport(
      Portfolio(totals: totals, rows: [row], unreadable: [IgnoredFile(path: "x.json", reason: "bad")]),
      context: try ReportFixtures.context(lang: "en"))
    XCTAssertTrue(
      report.csv().contains("\r\n'@App,1.0,,app/dossier.json,2026-11-22,27.05.2024,eliminatoire,EXI-P-1 EXI-P-2,72.5,3,DER-1,2026-12-01,,2,0\r\n"),
      report.csv())
    let markdown = String(decoding: try report.render("md"), as: UTF8.self)
    XCTAssertTrue(markdown.contains("1 application: 1 eliminatory"), markdown)
    XCTAssertTrue(markdown.contains("| \\@App | 1.0 | 2026-11-22 | ⛔ eliminatory (2) | 72.5 | 1 (2026-12-01) | 0 | 2 | 0 | app/dossier.json |"), markdown)
    XCTAssertTrue(markdown.contains("- x.json: bad"), markdown)
  }

  func testDiffReportJSONAndMarkdown() throws {
    let dossier = ReportFixtures.dossier
    var regression = Regression(
      baselineAsOf: "2026-10-01", newFindings: [dossier.findings[0]], fixedFindings: [],
      coverageChanges: [CoverageChange(component: "api", before: 90, after: 85.5)], scoreBefore: 40, scoreAfter: 33.3,
      statusChanges: [StatusChange(requirement: "EXI-ORG-1", before: .conforme, after: .nonConforme)], derogationsAdded: ["DER-1"],
      derogationsExpired: [], reasons: [Message("regression.score-down", [MessageArg("before", "40"), MessageArg("after", "33.3")])])
    let context = try ReportFixtures.context(lang: "en")
    regression.reasonTexts = regression.reasons.map(context.table.text)
    let report = DiffReport(baseline: dossier, current: dossier, regression: regression)
    let markdown = String(decoding: try report.render("md", context: context), as: UTF8.self)
    XCTAssertTrue(markdown.contains("⛔ **Regression**"))
    XCTAssertTrue(markdown.contains("- Important score down from 40 to 33.3"), markdown)
    XCTAssertTrue(markdown.contains("| critical | CVE-2024-0001 | Trivy | libfoo\\: remote code execution |"), markdown)
    XCTAssertTrue(markdown.contains("| api | 90 | 85.5 |"), markdown)
    XCTAssertTrue(markdown.contains("| EXI-ORG-1 | compliant | non-compliant |"), markdown)
    XCTAssertTrue(markdown.contains("**Derogations added**: DER-1"), markdown)
    let json = try JSONSerialization.jsonObject(with: try report.json()) as? [String: Any]
    XCTAssertEqual(json?["schema"] as? String, "homolog-diff/1")
    XCTAssertEqual(json?["is_regression"] as? Bool, true)
  }

  func testDecisionMessagesExistInBothLanguagesWithTheSamePlaceholders() throws {
    let french = try ReportFixtures.context(lang: "fr").table
    let english = try ReportFixtures.context(lang: "en").table
    let prefixes = ["regression.", "diff.", "compare.", "portfolio.", "junit.", "oscal.", "decision."]
    let keys = english.messages.keys.filter { key in prefixes.contains { key.hasPrefix($0) } }
    XCTAssertGreaterThan(keys.count, 40)
    for key in keys.sorted() {
      XCTAssertNotNil(french.messages[key], "missing in French: \(key)")
      XCTAssertEqual(Set(french.placeholders(key)), Set(english.placeholders(key)), key)
    }
    for key in french.messages.keys where prefixes.contains(where: { key.hasPrefix($0) }) {
      XCTAssertNotNil(english.messages[key], "missing in English: \(key)")
    }
  }
}
