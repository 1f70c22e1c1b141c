import Foundation
import HomologModel
import XCTest

@testable import HomologRender

/// The decision documents (`compare`, `portfolio`, `diff`) of fixed models, byte for byte, against
/// `Tests/Golden/decisions/expected/`, in French and English; `HOMOLOG_UPDATE_GOLDEN=1` rewrites them.
final class DecisionGoldenTests: XCTestCase {
  func testComparisonMatchesItsGoldenFiles() throws {
    for lang in ["fr", "en"] {
      let table = try ReportFixtures.context(lang: lang).table
      let report = ComparisonReport(DecisionFixtures.comparison(), table: table)
      for format in ["md", "html"] {
        try ReportFixtures.assertGolden(try report.render(format), scenario: "decisions", name: "comparison.\(lang).\(format)")
      }
      let mixed = ComparisonReport(DecisionFixtures.comparison(basis: .mixed, scale: 100), table: table)
      try ReportFixtures.assertGolden(try mixed.render("md"), scenario: "decisions", name: "comparison-mixed.\(lang).md")
    }
  }

  func testPortfolioMatchesItsGoldenFiles() throws {
    for lang in ["fr", "en"] {
      let report = PortfolioReport(DecisionFixtures.portfolio, table: try ReportFixtures.context(lang: lang).table)
      try ReportFixtures.assertGolden(try report.render("md"), scenario: "decisions", name: "portfolio.\(lang).md")
    }
  }

  func testDiffMatchesItsGoldenFiles() throws {
    for lang in ["fr", "en"] {
      let table = try ReportFixtures.context(lang: lang).table
      try ReportFixtures.assertGolden(Data(DecisionFixtures.diff.markdown(table).utf8), scenario: "decisions", name: "diff.\(lang).md")
    }
  }
}
