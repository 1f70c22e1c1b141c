import Foundation
import HomologModel
import XCTest

@testable import HomologRender

/// One rule (truncation to one decimal) and one formatter for every figure, in every output and language.
final class NumberFormattingTests: XCTestCase {
  func testTruncatesNeverRoundsUp() {
    XCTAssertEqual(NumberFormatting.text(81.85, style: .english), "81.8")
    XCTAssertEqual(NumberFormatting.text(81.89, style: .english), "81.8")
    XCTAssertEqual(NumberFormatting.text(79.96, style: .english), "79.9")
    XCTAssertEqual(NumberFormatting.text(99.99, style: .plain), "99.9")
    XCTAssertEqual(NumberFormatting.text(-0.05, style: .plain), "0")
    XCTAssertEqual(NumberFormatting.text(-2.56, style: .plain), "-2.5")
  }

  func testFrenchUsesACommaEnglishAndPlainAPointWithoutTrailingZero() {
    XCTAssertEqual(NumberFormatting.text(81.85, style: .french), "81,8")
    XCTAssertEqual(NumberFormatting.text(81.85, style: .plain), "81.8")
    XCTAssertEqual(NumberFormatting.text(72, style: .french), "72")
    XCTAssertEqual(NumberFormatting.text(72.0, decimals: 2, style: .english), "72")
    XCTAssertEqual(NumberFormatting.text(13.3333, decimals: 2, style: .french), "13,33")
    XCTAssertEqual(NumberFormatting.percentText(81.85, style: .french), "81,8 %")
    XCTAssertEqual(NumberFormatting.Style(lang: "fr"), .french)
    XCTAssertEqual(NumberFormatting.Style(lang: "en"), .english)
  }

  func testAFigureReadBackFromJSONPrintsUnchanged() throws {
    // 81.8 and 0.3 are not exact in binary: a naive floor(x × 10) / 10 would print 81.7 and 0.2.
    let decoded = try JSONDecoder().decode([Double].self, from: Data("[81.8, 0.3, 66.6, 12.5]".utf8))
    XCTAssertEqual(decoded.map { NumberFormatting.text($0, style: .plain) }, ["81.8", "0.3", "66.6", "12.5"])
    XCTAssertEqual(NumberFormatting.text(0.1 + 0.2, style: .plain), "0.3")
    XCTAssertEqual(NumberFormatting.truncated(8.2 * 10 / 10), 8.2)
  }

  func testPercentOfCountsIsExact() {
    XCTAssertEqual(NumberFormatting.percent(8185, of: 10_000), 81.8)
    XCTAssertEqual(NumberFormatting.percent(531, of: 540), 98.3)  // 98.33…
    XCTAssertEqual(NumberFormatting.percent(2, of: 3), 66.6)
    XCTAssertEqual(NumberFormatting.percent(9999, of: 10_000), 99.9)
    XCTAssertNil(NumberFormatting.percent(0, of: 0))
    XCTAssertEqual(NumberFormatting.percent(2.0, of: 3.0), 66.6)
  }

  func testGroupingByLanguage() {
    XCTAssertEqual(NumberFormatting.grouped(24_983, style: .french), "24\u{202F}983")
    XCTAssertEqual(NumberFormatting.grouped(1_024_983, style: .english), "1,024,983")
    XCTAssertEqual(NumberFormatting.grouped(24_983, style: .plain), "24983")
    XCTAssertEqual(NumberFormatting.grouped(-1_000, style: .english), "-1,000")
    XCTAssertEqual(NumberFormatting.grouped(999, style: .french), "999")
  }

  func testAValueGivenByAPersonPrintsAsWritten() {
    XCTAssertEqual(NumberFormatting.text(0.25, decimals: NumberFormatting.givenDecimals, style: .french), "0,25")
    XCTAssertEqual(NumberFormatting.text(79.95, decimals: NumberFormatting.givenDecimals, style: .plain), "79.95")
  }

  func testMessageFiguresPrintInTheTablesLanguage() {
    let message = Message("regression.coverage-down", [
      MessageArg("component", "api"), .number("before", 81.89), .number("after", 81.8), .number("tolerance", 0.05, decimals: 6),
    ])
    XCTAssertEqual(message.arg("before"), "81.8")
    let french = TranslationTable(lang: "fr", messages: ["regression.coverage-down": "{component} : de {before} % à {after} % ({tolerance})"])
    let english = TranslationTable(lang: "en", messages: ["regression.coverage-down": "{component}: from {before} % to {after} % ({tolerance})"])
    XCTAssertEqual(french.text(message), "api : de 81,8 % à 81,8 % (0,05)")
    XCTAssertEqual(english.text(message), "api: from 81.8 % to 81.8 % (0.05)")
  }

  /// A dossier whose coverage is 8 189 lines of 10 000 (81.89 %: rounding would print 81.9) and whose score, read
  /// from an older dossier, is 81.85.
  static func dossier(lang: String) -> Dossier {
    var dossier = DemoDossier.make()
    dossier.lang = lang
    let lines = CoverageCounter(total: 10_000, covered: 8189)
    dossier.coverage = [
      ComponentCoverage(
        component: "api", role: .backend, lines: lines, branches: lines, percent: 81.8, threshold: 80, files: ["reports/api/lcov.info"])
    ]
    dossier.evidence = dossier.evidence.map { file in
      var file = file
      if file.coverage != nil { file.coverage = CoverageSummary(lines: lines, branches: nil) }
      return file
    }
    dossier.score.important = 81.85
    dossier.regression?.coverageChanges = [
      CoverageChange(component: "api", before: 81.8, after: 81.8, linesBefore: lines, linesAfter: lines)
    ]
    return dossier
  }

  func testTheSameFigurePrintsIdenticallyInMarkdownHTMLAndDecisionReports() throws {
    for (lang, expected, wrong) in [("fr", "81,8", ["81,9", "81.9"]), ("en", "81.8", ["81.9", "81,9"])] {
      let dossier = Self.dossier(lang: lang)
      let markdown = try RenderFixture.render(MarkdownRenderer(), dossier, lang: lang)
      let html = try RenderFixture.render(HTMLRenderer(), dossier, lang: lang)
      XCTAssertTrue(markdown.contains("**\(expected)**"), "\(lang) Markdown score")
      XCTAssertTrue(html.contains("<strong>\(expected)</strong>"), "\(lang) HTML score")
      XCTAssertTrue(html.contains("<td class=\"num\">8189/10000</td><td class=\"num\">\(expected)</td><td class=\"num\">\(expected)</td>"), "\(lang) HTML coverage")
      XCTAssertTrue(html.contains("\(expected) %"), "\(lang) HTML evidence and chart")
      for text in wrong {
        XCTAssertFalse(markdown.contains(text), "\(lang) Markdown shows \(text)")
        XCTAssertFalse(html.contains(text), "\(lang) HTML shows \(text)")
      }

      let context = try ReportFixtures.context(lang: lang)
      let row = PortfolioRow(
        application: "App", version: nil, organisation: nil, file: "app/dossier.json", asOf: dossier.asOf, catalogueVersion: "1",
        verdict: .conforme, eliminating: [], score: dossier.score.important, nonEvalue: 0, expiringDerogations: [], nextExpiry: nil,
        expiredDerogations: [], criticalVulnerabilities: 0, highVulnerabilities: 0)
      let portfolio = PortfolioReport(Portfolio(totals: PortfolioTotals(), rows: [row], unreadable: []), context: context)
      XCTAssertTrue(String(decoding: try portfolio.render("md"), as: UTF8.self).contains(" | \(expected) | "), "\(lang) portfolio Markdown")
      XCTAssertTrue(portfolio.csv().contains(",conforme,,81.8,0,"), "CSV uses a point in every language")

      let diff = DiffReport(baseline: dossier, current: dossier, regression: try XCTUnwrap(dossier.regression))
      for format in ["md", "html"] {
        let text = String(decoding: try diff.render(format, context: context), as: UTF8.self)
        let cells = format == "md" ? "| \(expected) | \(expected) |" : "<td class=\"num\">\(expected)</td><td class=\"num\">\(expected)</td>"
        XCTAssertTrue(text.contains(cells), "\(lang) diff \(format)")
      }
    }
  }
}
