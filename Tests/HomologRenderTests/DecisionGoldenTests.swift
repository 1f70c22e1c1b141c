import Foundation
import HomologModel
import XCTest

@testable import HomologRender

/// The decision documents (`compare`, `portfolio`, `diff`) of fixed models, byte for byte, against
/// `Tests/Golden/decisions/expected/`, in French and English; `HOMOLOG_UPDATE_GOLDEN=1` rewrites them.
final class DecisionGoldenTests: XCTestCase {
  func testComparisonMatchesItsGoldenFiles() throws {
    for lang in ["fr", "en"] {
      let context = try ReportFixtures.context(lang: lang)
      let report = ComparisonReport(DecisionFixtures.comparison(), context: context)
      for format in ["md", "html"] {
        try ReportFixtures.assertGolden(try report.render(format), scenario: "decisions", name: "comparison.\(lang).\(format)")
      }
      let mixed = ComparisonReport(DecisionFixtures.comparison(basis: .mixed, scale: 100), context: context)
      try ReportFixtures.assertGolden(try mixed.render("md"), scenario: "decisions", name: "comparison-mixed.\(lang).md")
    }
  }

  func testPortfolioMatchesItsGoldenFiles() throws {
    for lang in ["fr", "en"] {
      let report = PortfolioReport(DecisionFixtures.portfolio, context: try ReportFixtures.context(lang: lang))
      for format in ["md", "html"] {
        try ReportFixtures.assertGolden(try report.render(format), scenario: "decisions", name: "portfolio.\(lang).\(format)")
      }
    }
  }

  func testDiffMatchesItsGoldenFiles() throws {
    for lang in ["fr", "en"] {
      let context = try ReportFixtures.context(lang: lang)
      for format in ["md", "html"] {
        try ReportFixtures.assertGolden(
          try DecisionFixtures.diff.render(format, context: context), scenario: "decisions", name: "diff.\(lang).\(format)")
      }
    }
  }
}
