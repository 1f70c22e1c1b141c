import Foundation
import XCTest

/// One figure, printed by the real pipeline: the terminal, dossier.json, dossier.md, dossier.html, portfolio CSV and
/// diff agree, French with a comma (the terminal too).
final class FigureFormattingCommandTests: XCTestCase {
  /// A one-component project whose LCOV report covers 8 189 lines of 10 000 (81.89 %: rounding would print 81.9).
  private func project() throws -> URL {
    let dir = try CLI.temporaryDirectory()
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("reports/api"), withIntermediateDirectories: true)
    try "TN:\nSF:src/a.js\nLF:10000\nLH:8189\nend_of_record\n".write(
      to: dir.appendingPathComponent("reports/api/lcov.info"), atomically: true, encoding: .utf8)
    try """
      project:
        name: "Figures"
      components:
        - name: api
          role: backend
          evidence: [reports/api]
      policy:
        coverage: {backend: 80}
      """.write(to: dir.appendingPathComponent("homolog.yaml"), atomically: true, encoding: .utf8)
    return dir
  }

  private func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  func testCoverageAndScorePrintTheSameInTerminalJSONMarkdownHTMLCSVAndDiff() throws {
    let dir = try project()
    var terminalScore = ""
    for lang in ["fr", "en"] {
      let run = try CLI.run([
        "evaluate", "--config", dir.appendingPathComponent("homolog.yaml").path, "--out", dir.appendingPathComponent("out-\(lang)").path,
        "--as-of", "2026-11-22", "--lang", lang,
      ])
      XCTAssertTrue([0, 1].contains(run.status), run.stderr)
      let terminal = run.stdout + run.stderr
      // The terminal speaks the run's language: a decimal comma in French, a point in English.
      let label = lang == "fr" ? "score des exigences Importantes " : "Important requirements score "
      let summary = try XCTUnwrap(terminal.range(of: label + #"[0-9.,]+"#, options: .regularExpression), terminal)
      let local = String(terminal[summary].dropFirst(label.count))
      XCTAssertFalse(local.contains(lang == "fr" ? "." : ","), "\(lang) terminal score \(local)")
      terminalScore = local.replacingOccurrences(of: ",", with: ".")
      let out = dir.appendingPathComponent("out-\(lang)")

      let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("dossier.json"))) as? [String: Any]
      let coverage = try XCTUnwrap((json?["coverage"] as? [[String: Any]])?.first)
      XCTAssertEqual(coverage["percent"] as? Double, 81.8)
      let score = try XCTUnwrap((json?["score"] as? [String: Any])?["important"] as? Double)
      XCTAssertEqual("\(score)".replacingOccurrences(of: ".0", with: ""), terminalScore)

      let markdown = try text(out.appendingPathComponent("dossier.md"))
      let html = try text(out.appendingPathComponent("dossier.html"))
      XCTAssertTrue(markdown.contains("**\(local)**"), "\(lang) Markdown score \(local)")
      XCTAssertTrue(html.contains("<strong>\(local)</strong>"), "\(lang) HTML score \(local)")
      let percent = lang == "fr" ? "81,8" : "81.8"
      XCTAssertTrue(html.contains("<td class=\"num\">8189/10000</td><td class=\"num\">\(percent)</td>"), "\(lang) HTML coverage")
      XCTAssertTrue(html.contains("\(percent) %"), "\(lang) HTML evidence and chart")
      XCTAssertFalse(html.contains("81,9") || html.contains("81.9"), "\(lang) HTML rounds up")
    }

    let portfolio = try CLI.run(["portfolio", dir.path, "--format", "csv"])
    XCTAssertEqual(portfolio.status, 0, portfolio.stderr)
    let rows = portfolio.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("Figures,") }
    XCTAssertEqual(rows.count, 2, portfolio.stdout)
    XCTAssertTrue(rows.allSatisfy { $0.contains(",\(terminalScore),") }, portfolio.stdout)

    let diff = try CLI.run([
      "diff", dir.appendingPathComponent("out-en/dossier.json").path, dir.appendingPathComponent("out-fr/dossier.json").path,
      "--lang", "fr",
    ])
    XCTAssertEqual(diff.status, 0, diff.stderr)
    XCTAssertTrue(diff.stdout.contains("| api | 81,8 | 81,8 |"), diff.stdout)
  }
}
