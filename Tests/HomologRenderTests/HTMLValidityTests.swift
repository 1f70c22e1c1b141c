import Foundation
import HomologModel
import HomologRender
import XCTest

/// Runs `scripts/check_html.py` (strict html5lib parsing, no external URL, ids and references) on the
/// demo page in both languages and on a dossier with nothing in it, and on the decision pages (compare, diff, portfolio);
/// skipped where python3 with html5lib is not installed.
final class HTMLValidityTests: XCTestCase {
  private static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  func testDemoPagesAreValidHTML5WithoutExternalURL() throws {
    // The first python3 on PATH, else Debian's own (where `apt-get install python3-html5lib` puts the module,
    // as .ci/run does, even when a pyenv or venv python3 comes first on PATH).
    guard let python = ["python3", "/usr/bin/python3"].first(where: { run([$0, "-c", "import html5lib"]).status == 0 }) else {
      throw XCTSkip("python3 with html5lib is not installed (apt-get install python3-html5lib)")
    }
    let folder = try RenderFixture.temporaryFolder()
    var files: [String] = []
    for lang in ["fr", "en"] {
      let url = folder.appendingPathComponent("dossier.\(lang).html")
      try Data(try RenderFixture.render(HTMLRenderer(), lang: lang).utf8).write(to: url)
      files.append(url.path)
    }
    // With declarations left out for a stale id: their table, a likely new id linking to its requirement.
    var stale = DemoDossier.make()
    stale.staleDeclarations = [
      StaleDeclaration(file: "attestations.yaml", line: 3, kind: .attestation, id: nil, requirement: "EXI-G-5", likely: "EXI-ORG-7"),
      StaleDeclaration(file: "derogations.yaml", line: 4, kind: .derogation, id: "DER-1", requirement: "EXI-OLD-1", likely: nil),
    ]
    let staleURL = folder.appendingPathComponent("dossier.stale.html")
    let staleHTML = try RenderFixture.render(HTMLRenderer(), stale)
    XCTAssertTrue(staleHTML.contains("<a href=\"#req-exi-org-7\">EXI-ORG-7</a>"), "the likely id links to its requirement")
    try Data(staleHTML.utf8).write(to: staleURL)
    files.append(staleURL.path)
    var bare = DemoDossier.make()
    bare.requirements = []
    bare.derogations = []
    bare.evidence = []
    bare.findings = []
    bare.coverage = []
    bare.ignored = []
    bare.unreadable = []
    bare.regression = nil
    bare.score = Score(important: nil, importantWithoutDerogations: nil, met: 0, metWithoutDerogations: 0, applicable: 0, formula: "", categories: [])
    bare.verdict = Verdict(eliminatory: false, status: .conforme, eliminating: [])
    bare.counts = StatusCounts()
    let url = folder.appendingPathComponent("dossier.bare.html")
    try Data(try RenderFixture.render(HTMLRenderer(), bare).utf8).write(to: url)
    files.append(url.path)
    let result = run([python, Self.root.appendingPathComponent("scripts/check_html.py").path] + files)
    XCTAssertEqual(result.status, 0, result.output)
  }

  func testDecisionPagesAreValidHTML5WithoutExternalURL() throws {
    guard let python = ["python3", "/usr/bin/python3"].first(where: { run([$0, "-c", "import html5lib"]).status == 0 }) else {
      throw XCTSkip("python3 with html5lib is not installed (apt-get install python3-html5lib)")
    }
    let folder = try RenderFixture.temporaryFolder()
    var files: [String] = []
    let nothing = Regression(
      baselineAsOf: "2026-10-01", newFindings: [], fixedFindings: [], coverageChanges: [], scoreBefore: nil, scoreAfter: nil, statusChanges: [],
      derogationsAdded: [], derogationsExpired: [], reasons: [])
    for lang in ["fr", "en"] {
      let context = try ReportFixtures.context(lang: lang)
      let pages = [
        ("comparison", try ComparisonReport(DecisionFixtures.comparison(), context: context).render("html")),
        ("comparison-mixed", try ComparisonReport(DecisionFixtures.comparison(basis: .mixed), context: context).render("html")),
        ("diff", try DecisionFixtures.diff.render("html", context: context)),
        ("portfolio", try PortfolioReport(DecisionFixtures.portfolio, context: context).render("html")),
        ("diff-none", try DiffReport(baseline: ReportFixtures.dossier, current: ReportFixtures.dossier, regression: nothing).render("html", context: context)),
      ]
      for (name, data) in pages {
        let url = folder.appendingPathComponent("\(name).\(lang).html")
        try data.write(to: url)
        files.append(url.path)
      }
    }
    let result = run([python, Self.root.appendingPathComponent("scripts/check_html.py").path] + files)
    XCTAssertEqual(result.status, 0, result.output)
  }

  private func run(_ arguments: [String]) -> (status: Int32, output: String) {
    let result = ChildProcess.run(arguments)
    return (result.status, result.text)
  }
}
