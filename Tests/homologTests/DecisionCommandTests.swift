import Foundation
import HomologModel
import HomologRender
import XCTest

/// Runs the built binary on dossiers written in a temporary folder: diff, compare, portfolio, exit codes.
final class DecisionCommandTests: XCTestCase {
  var folder: URL!

  override func setUpWithError() throws {
    folder = try TemporaryFolders.make("homolog-decisions")
  }

  static var binary: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent(".build/debug/homolog")
  }

  func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build homolog first")
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
  }

  func requirement(_ id: String, _ level: Level, _ status: RequirementStatus) -> RequirementResult {
    RequirementResult(
      id: id, sourceId: id, level: level, category: "Code", title: "Title \(id)", statement: "", weight: 1, status: status,
      basis: .checks, applicability: nil, checks: [], attestation: nil, derogation: nil, attestable: false)
  }

  func dossier(
    _ name: String, primordial: RequirementStatus, important: [RequirementStatus], findings: [Finding] = [], coverage: Double = 90,
    catalogueVersion: String = "27.05.2024"
  ) -> Dossier {
    let requirements = [requirement("EXI-P-1", .primordial, primordial)]
      + important.enumerated().map { requirement("EXI-I-\($0.offset + 1)", .important, $0.element) }
    var counts = StatusCounts()
    for requirement in requirements { counts.add(requirement.status) }
    let met = Double(important.filter(\.isMetWithDerogations).count)
    let eliminating = primordial == .conforme ? [] : ["EXI-P-1"]
    return Dossier(
      generator: ToolInfo(name: "homolog", version: "0.1.0"), asOf: "2026-11-22", lang: "en",
      project: ProjectSummary(name: name, version: "1.0", organisation: nil, context: ProjectContext(), components: []),
      catalogue: CatalogueSummary(id: "cct", title: "CCT", version: catalogueVersion, sha256: "sha-\(catalogueVersion)"),
      verdict: Verdict(eliminatory: !eliminating.isEmpty, status: eliminating.isEmpty ? .conforme : .eliminatoire, eliminating: eliminating),
      score: Score(
        important: (met * 1000 / Double(important.count)).rounded() / 10, importantWithoutDerogations: nil, met: met,
        metWithoutDerogations: met, applicable: Double(important.count), formula: "f", categories: []),
      counts: counts, requirements: requirements, derogations: [], evidence: [], ignored: [], unreadable: [], findings: findings,
      coverage: [
        ComponentCoverage(
          component: "api", role: .backend, lines: CoverageCounter(total: 100, covered: Int(coverage)), branches: nil, percent: coverage,
          threshold: 80, files: [])
      ], tests: [], policy: Policy())
  }

  func write(_ dossier: Dossier, _ name: String) throws {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try JSONRenderer.encoder.encode(dossier).write(to: url)
  }

  func testDiffNamesTheCriticalVulnerabilityAndTheCoverageDropAndFailsTheGate() throws {
    let critical = Finding(
      tool: "Trivy", kind: .vulnerability, ruleId: "CVE-2026-1234", severity: .critical, originalSeverity: "CRITICAL",
      title: "libfoo: remote code execution", fingerprint: "fp-critical")
    try write(dossier("App", primordial: .conforme, important: [.conforme, .conforme]), "old/dossier.json")
    try write(dossier("App", primordial: .conforme, important: [.conforme, .conforme], findings: [critical], coverage: 85), "new/dossier.json")
    let result = try run(["diff", "old/dossier.json", "new/dossier.json", "--lang", "en", "--fail-on", "regression"])
    XCTAssertEqual(result.status, 1, result.err)
    // Markdown escapes evidence text: `(` becomes `\(` and `:` becomes `\:`.
    XCTAssertTrue(result.out.contains("- new critical finding CVE-2026-1234 \\(Trivy\\)\\: libfoo\\: remote code execution"), result.out)
    XCTAssertTrue(result.out.contains("- api\\: line coverage down from 90 % to 85 % \\(tolerance 0 points\\)"), result.out)
    XCTAssertTrue(
      result.err.contains("gate failed: regression: regression against the baseline of 2026-11-22\n  new critical finding CVE-2026-1234"), result.err)

    let json = try run(["diff", "old/dossier.json", "new/dossier.json", "--format", "json"])
    XCTAssertEqual(json.status, 0, json.err)
    let report = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
    XCTAssertEqual(report?["is_regression"] as? Bool, true)

    let same = try run(["diff", "old/dossier.json", "old/dossier.json", "--fail-on", "regression"])
    XCTAssertEqual(same.status, 0, same.err)
  }

  func testDiffWritesMarkdownHTMLAndJSONIntoAFolderInTheRunsLanguage() throws {
    let critical = Finding(
      tool: "Trivy", kind: .vulnerability, ruleId: "CVE-2026-1234", severity: .critical, originalSeverity: "CRITICAL",
      title: "<script>alert(1)</script> & co", fingerprint: "fp-critical")
    try write(dossier("App <b>", primordial: .conforme, important: [.conforme, .conforme]), "old/dossier.json")
    try write(dossier("App <b>", primordial: .conforme, important: [.conforme, .nonConforme], findings: [critical], coverage: 85), "new/dossier.json")
    let result = try run(["diff", "old/dossier.json", "new/dossier.json", "--out", "changes", "--lang", "fr"])
    XCTAssertEqual(result.status, 0, result.err)
    XCTAssertTrue(result.err.contains("évolutions depuis la référence → changes/diff.md, changes/diff.html, changes/diff.json"), result.err)
    let html = try String(contentsOf: folder.appendingPathComponent("changes/diff.html"), encoding: .utf8)
    XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"), html)
    XCTAssertTrue(html.contains("<title>Évolutions depuis la référence — App &lt;b&gt;</title>"), html)
    XCTAssertFalse(html.contains("<script>") || html.contains("<b>"), html)
    XCTAssertTrue(html.contains("<h2 class=\"out\">Régression</h2>"), html)
    XCTAssertTrue(html.contains("<li>api : couverture des lignes en baisse de 90 % à 85 % (tolérance 0 point)</li>"), html)
    XCTAssertTrue(html.contains("<li>score des exigences Importantes en baisse de 100 à 50</li>"), html)
    XCTAssertTrue(
      html.contains(
        "<tr><td class=\"severity critical\">critique</td><td>CVE-2026-1234</td><td>Trivy</td><td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</td><td></td></tr>"),
      html)
    XCTAssertTrue(
      html.contains("<tr><th scope=\"row\">EXI-I-2</th><td class=\"status conforme\">conforme</td><td class=\"status non_conforme\">non conforme</td></tr>"),
      html)
    let markdown = try String(contentsOf: folder.appendingPathComponent("changes/diff.md"), encoding: .utf8)
    XCTAssertTrue(markdown.contains("| critique | CVE-2026-1234 | Trivy | &lt;script&gt;alert\\(1\\)&lt;/script&gt; &amp; co |  |"), markdown)
    let json = try Data(contentsOf: folder.appendingPathComponent("changes/diff.json"))
    XCTAssertEqual((try JSONSerialization.jsonObject(with: json) as? [String: Any])?["schema"] as? String, "homolog-diff/1")

    let english = try run(["diff", "old/dossier.json", "new/dossier.json", "--format", "html", "--lang", "en"])
    XCTAssertEqual(english.status, 0, english.err)
    XCTAssertTrue(english.out.contains("<html lang=\"en\">") && english.out.contains("<h2 class=\"out\">Regression</h2>"), english.out)
    XCTAssertTrue(english.out.contains("<li>api: line coverage down from 90 % to 85 % (tolerance 0 points)</li>"), english.out)
    let two = try run(["diff", "old/dossier.json", "new/dossier.json", "--format", "md,html", "--lang", "fr"])
    XCTAssertEqual(two.status, 2)
    XCTAssertTrue(two.err.contains("sans --out, diff affiche un seul format"), two.err)
  }

  func testTemplatesFolderRestylesCompareDiffAndPortfolio() throws {
    try write(dossier("Alpha", primordial: .conforme, important: [.conforme, .nonConforme]), "a.json")
    try write(dossier("Beta <i>", primordial: .conforme, important: [.conforme, .conforme]), "b.json")
    let custom = folder.appendingPathComponent("custom")
    try FileManager.default.createDirectory(at: custom.appendingPathComponent("decisions"), withIntermediateDirectories: true)
    let files = [
      "compare.md.mustache": "CUSTOM COMPARE {{#bids}}[{{{rank}}} {{{name}}} {{{score}}}]{{/bids}}\n",
      "diff.md.mustache": "CUSTOM DIFF {{{project}}}: {{{baseline.score}}} -> {{{current.score}}}\n",
      "portfolio.md.mustache": "CUSTOM PORTFOLIO {{#rows}}[{{{application}}} {{{score}}}]{{/rows}}\n",
      "decisions/style.css": "body{color:#123456}\n",
    ]
    for (name, text) in files { try text.write(to: custom.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("apps"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: folder.appendingPathComponent("a.json"), to: folder.appendingPathComponent("apps/a.json"))

    let compare = try run(["compare", "a.json", "b.json", "--templates", "custom"])
    XCTAssertEqual(compare.status, 0, compare.err)
    XCTAssertEqual(compare.out, "CUSTOM COMPARE [1 Beta &lt;i&gt; 100][2 Alpha 50]\n")
    let page = try run(["compare", "a.json", "b.json", "--templates", "custom", "--format", "html"])
    XCTAssertTrue(page.out.contains("<style>\nbody{color:#123456}\n</style>"), page.out)
    XCTAssertTrue(page.out.contains("<th scope=\"row\">Beta &lt;i&gt;</th>"), page.out)
    let builtIn = try run(["compare", "a.json", "b.json", "--format", "html"])
    XCTAssertFalse(builtIn.out.contains("#123456"), builtIn.out)

    let diff = try run(["diff", "a.json", "b.json", "--templates", "custom", "--lang", "en"])
    XCTAssertEqual(diff.status, 0, diff.err)
    XCTAssertEqual(diff.out, "CUSTOM DIFF Beta &lt;i&gt;: 50 -> 100\n")
    let portfolio = try run(["portfolio", "apps", "--templates", "custom"])
    XCTAssertEqual(portfolio.status, 0, portfolio.err)
    XCTAssertEqual(portfolio.out, "CUSTOM PORTFOLIO [Alpha 50]\n")
  }

  func testDossierOfAnotherSchemaIsRefused() throws {
    try write(dossier("App", primordial: .conforme, important: [.conforme]), "old/dossier.json")
    var text = try String(contentsOf: folder.appendingPathComponent("old/dossier.json"), encoding: .utf8)
    text = text.replacingOccurrences(of: "homolog-dossier/2", with: "homolog-dossier/9")
    try text.write(to: folder.appendingPathComponent("future.json"), atomically: true, encoding: .utf8)
    try "[1, 2]".write(to: folder.appendingPathComponent("array.json"), atomically: true, encoding: .utf8)
    let result = try run(["diff", "future.json", "old/dossier.json"])
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(
      result.err.contains(
        "future.json (at $.schema): erreur : dossier de schéma homolog-dossier/9, écrit par un homolog plus récent : ce homolog lit le schéma 2.x"),
      result.err)
    let array = try run(["diff", "array.json", "old/dossier.json"])
    XCTAssertEqual(array.status, 2)
    XCTAssertTrue(array.err.contains("array.json: error: not a homolog dossier"), array.err)
  }

  func testCompareRanksThreeBidsAndNamesTheEliminatingRequirement() throws {
    try write(dossier("Alpha", primordial: .conforme, important: [.conforme, .nonConforme]), "a.json")
    try write(dossier("Beta", primordial: .nonEvalue, important: [.conforme, .conforme]), "b.json")
    try write(dossier("Gamma", primordial: .conforme, important: [.conforme, .conforme]), "c.json")
    let result = try run(["compare", "a.json", "b.json", "c.json", "--format", "csv", "--scale", "20"])
    XCTAssertEqual(result.status, 0, result.err)
    let lines = result.out.split(separator: "\r\n").map(String.init)
    XCTAssertEqual(lines.count, 4)
    XCTAssertTrue(lines[1].hasPrefix(",Beta,b.json,true,EXI-P-1,20"), lines[1])
    XCTAssertTrue(lines[2].hasPrefix("1,Gamma,c.json,false,,20"), lines[2])
    XCTAssertTrue(lines[3].hasPrefix("2,Alpha,a.json,false,,10"), lines[3])

    let written = try run(["compare", "a.json", "b.json", "c.json", "--out", "cmp", "--anonymize"])
    XCTAssertEqual(written.status, 0, written.err)
    for name in ["comparison.md", "comparison.html", "comparison.csv", "comparison.json", "anonymization-key.json"] {
      XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("cmp/\(name)").path), name)
    }
    let markdown = try String(contentsOf: folder.appendingPathComponent("cmp/comparison.md"), encoding: .utf8)
    XCTAssertFalse(markdown.contains("Alpha") || markdown.contains("Beta") || markdown.contains("Gamma"))
    XCTAssertTrue(markdown.contains("Offre A") && markdown.contains("Offre C"))
  }

  func testCompareRefusesDifferentCataloguesUnlessCommon() throws {
    try write(dossier("Alpha", primordial: .conforme, important: [.conforme, .nonConforme]), "a.json")
    try write(dossier("Beta", primordial: .conforme, important: [.conforme], catalogueVersion: "2026"), "b.json")
    let refused = try run(["compare", "a.json", "b.json"])
    XCTAssertEqual(refused.status, 2)
    XCTAssertTrue(refused.err.hasPrefix("erreur : les offres ont été évaluées selon des référentiels différents :\n"), refused.err)
    XCTAssertTrue(refused.err.contains("b.json: cct 2026"), refused.err)
    XCTAssertTrue(refused.err.contains("--common"), refused.err)
    let english = try run(["compare", "a.json", "b.json", "--lang", "en"])
    XCTAssertTrue(english.err.hasPrefix("error: the bids were evaluated against different catalogues:\n"), english.err)
    let common = try run(["compare", "a.json", "b.json", "--common", "--format", "json"])
    XCTAssertEqual(common.status, 0, common.err)
    XCTAssertTrue(common.out.contains("\"common_only\" : true"), common.out)
  }

  func testPortfolioAggregatesAThousandDossiersInSeconds() throws {
    let critical = Finding(
      tool: "Trivy", kind: .vulnerability, ruleId: "CVE-1", severity: .critical, originalSeverity: "CRITICAL", title: "t",
      fingerprint: "fp")
    // Encoded once per shape, then only the name changes: the test measures reading, not writing.
    var shapes: [String: String] = [:]
    for index in 0..<1000 {
      let eliminated = index % 3 == 0
      let key = "\(index % 3 == 0)-\(index % 2)-\(index % 10 == 0)"
      if shapes[key] == nil {
        let shape = dossier(
          "APP-NAME", primordial: eliminated ? .nonConforme : .conforme,
          important: index % 2 == 0 ? [.conforme, .nonEvalue] : [.conforme, .conforme], findings: index % 10 == 0 ? [critical] : [])
        shapes[key] = String(decoding: try JSONRenderer.encoder.encode(shape), as: UTF8.self)
      }
      let url = folder.appendingPathComponent("apps/app\(index)/dossier.json")
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data((shapes[key] ?? "").replacingOccurrences(of: "APP-NAME", with: String(format: "App %04d", index)).utf8).write(to: url)
    }
    try "[]".write(to: folder.appendingPathComponent("apps/app1/gl-code-quality.json"), atomically: true, encoding: .utf8)
    try "{\"schema\": \"homolog-dossier/2\"}".write(to: folder.appendingPathComponent("apps/broken.json"), atomically: true, encoding: .utf8)
    let start = Date()
    let result = try run(["portfolio", "apps", "--format", "json"])
    let seconds = Date().timeIntervalSince(start)
    XCTAssertEqual(result.status, 0, result.err)
    XCTAssertLessThan(seconds, 20, "a thousand dossiers in seconds (debug build)")
    let portfolio = try JSONRenderer.decoder.decode(Portfolio.self, from: Data(result.out.utf8))
    XCTAssertEqual(portfolio.totals.applications, 1000)
    XCTAssertEqual(portfolio.totals.eliminatoire, 334)
    XCTAssertEqual(portfolio.totals.conforme, 666)
    XCTAssertEqual(portfolio.totals.criticalVulnerabilities, 100)
    for index in [0, 1, 500, 999] {
      let row = portfolio.rows[index]
      XCTAssertEqual(row.application, String(format: "App %04d", index))
      XCTAssertEqual(row.file, "app\(index)/dossier.json")
      XCTAssertEqual(row.verdict, index % 3 == 0 ? .eliminatoire : .conforme)
      XCTAssertEqual(row.score, index % 2 == 0 ? 50 : 100)
      XCTAssertEqual(row.criticalVulnerabilities, index % 10 == 0 ? 1 : 0)
    }
    XCTAssertEqual(portfolio.unreadable.map(\.path), ["broken.json"])
    XCTAssertTrue(result.err.contains("1\u{202F}000 dossiers agrégés, 1 illisible, 1 autre fichier JSON ignoré"), result.err)
  }
}
