import Foundation
import HomologModel
import XCTest

@testable import HomologRender

final class CIReportRendererTests: XCTestCase {
  func render(_ renderer: any Renderer) throws -> Data {
    try renderer.render(ReportFixtures.dossier, context: try ReportFixtures.context())
  }

  func testJUnitGolden() throws {
    let data = try render(JUnitRenderer())
    try ReportFixtures.assertGolden(data, scenario: "ci-reports", name: "junit.xml")
    let text = String(decoding: data, as: UTF8.self)
    XCTAssertTrue(text.contains("<testsuites name=\"homolog: Registre &lt;RHab&gt;\" tests=\"6\" failures=\"3\" errors=\"0\" skipped=\"1\""))
    XCTAssertTrue(text.contains("<failure type=\"non_evalue\" message=\"no evidence: "))
    XCTAssertTrue(text.contains("<skipped message=\"applies only to a bid in a call for tenders\"/>"))
    XCTAssertTrue(text.contains("<system-out>met through derogation DER-1</system-out>"))
  }

  func testSARIFGolden() throws {
    let data = try render(SARIFRenderer())
    try ReportFixtures.assertGolden(data, scenario: "ci-reports", name: "findings.sarif")
    let log = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let runs = log?["runs"] as? [[String: Any]] ?? []
    XCTAssertEqual(runs.compactMap { ($0["tool"] as? [String: Any])?["driver"] as? [String: Any] }.compactMap { $0["name"] as? String }, ["Gitleaks", "Grype", "Semgrep", "Trivy"])
    let trivy = runs.last?["results"] as? [[String: Any]] ?? []
    XCTAssertEqual(trivy.count, 1, "the suppressed finding is left out")
    XCTAssertEqual((trivy.first?["partialFingerprints"] as? [String: String])?["homolog/v1"], "0001aaaa")
  }

  func testCodeQualityGolden() throws {
    let data = try render(CodeQualityRenderer())
    try ReportFixtures.assertGolden(data, scenario: "ci-reports", name: "gl-code-quality.json")
    let issues = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
    XCTAssertEqual(issues.compactMap { $0["fingerprint"] as? String }, ["0001aaaa", "0002bbbb", "0003cccc"], "suppressed and placeless left out")
    XCTAssertEqual(issues.compactMap { $0["severity"] as? String }, ["blocker", "critical", "major"])
    let paths = issues.compactMap { ($0["location"] as? [String: Any])?["path"] as? String }
    XCTAssertEqual(paths, ["reports/trivy.json", "src/config.py", "src/app dir/main.py"])
  }

  func testOSCALGolden() throws {
    let data = try render(OSCALRenderer())
    try ReportFixtures.assertGolden(data, scenario: "ci-reports", name: "oscal-assessment-results.json")
    let text = String(decoding: data, as: UTF8.self)
    XCTAssertTrue(text.contains("\"status\" : \"deviation-approved\""))
    XCTAssertTrue(text.contains("\"deadline\" : \"2026-12-15T00:00:00Z\""))
    XCTAssertTrue(text.contains("\"status\" : \"open\""), "the expired derogation is an open risk")
  }

  func testEveryRendererIsDeterministic() throws {
    for renderer in AllRenderers.list {
      XCTAssertEqual(try render(renderer), try render(renderer), type(of: renderer).format)
    }
  }

  func testSARIFKeepsTwentyRunsAndTheMostSevereResults() throws {
    var dossier = ReportFixtures.dossier
    dossier.findings = (0..<22).map { index in
      Finding(
        tool: "Tool\(index)", kind: .codeIssue, ruleId: "R", severity: index == 21 ? .critical : .low, originalSeverity: "x",
        title: "t", location: FindingLocation(path: "a.swift", line: 1), fingerprint: "f\(index)")
    }
    dossier.findings += (0..<(SARIFRenderer.maxResultsPerRun + 5)).map { index in
      Finding(
        tool: "Big", kind: .codeIssue, ruleId: "R\(index % 3)", severity: index == 25_003 ? .critical : .info, originalSeverity: "x",
        title: "t", location: FindingLocation(path: "b.swift", line: index + 1), fingerprint: "b\(index)")
    }
    let data = try SARIFRenderer().render(dossier, context: try ReportFixtures.context())
    let runs = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["runs"] as? [[String: Any]] ?? []
    XCTAssertEqual(runs.count, 20)
    let names = runs.compactMap { (($0["tool"] as? [String: Any])?["driver"] as? [String: Any])?["name"] as? String }
    XCTAssertTrue(names.contains("Big") && names.contains("Tool21"))
    let big = runs.first { (($0["tool"] as? [String: Any])?["driver"] as? [String: Any])?["name"] as? String == "Big" }
    let results = big?["results"] as? [[String: Any]] ?? []
    XCTAssertEqual(results.count, SARIFRenderer.maxResultsPerRun)
    XCTAssertEqual(results.first?["level"] as? String, "error", "the critical result is kept, first")
    let notes = ((big?["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]]) ?? []
    let texts = notes.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
    XCTAssertTrue(texts.contains("SARIF uploads allow 25,000 results per run: the 25,000 most severe of 25,005 findings are kept"), "\(texts)")
    XCTAssertTrue(texts.contains("SARIF allows 20 runs per file: the findings of the 3 least severe tools are left out: Tool7, Tool8, Tool9"), "\(texts)")
    let first = runs.first?["properties"] as? [String: Any]
    XCTAssertEqual((first?["droppedTools"] as? [String])?.count, 3)
  }

  func testStableUUIDsAreVersionFiveShapedAndDeterministic() {
    let pattern = try? NSRegularExpression(pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
    var seen = Set<String>()
    for index in 0..<200 {
      let uuid = StableUUID.make("finding", "EXI-\(index)")
      XCTAssertEqual(uuid, StableUUID.make("finding", "EXI-\(index)"))
      XCTAssertEqual(pattern?.numberOfMatches(in: uuid, range: NSRange(uuid.startIndex..., in: uuid)), 1, uuid)
      seen.insert(uuid)
    }
    XCTAssertEqual(seen.count, 200)
    XCTAssertNotEqual(StableUUID.make("a", "bc"), StableUUID.make("ab", "c"))
  }

  func testEscaping() {
    XCTAssertEqual(XMLEscaping.escape("a<b>&\"c'\u{1B}[31m\td"), "a&lt;b&gt;&amp;&quot;c&apos;[31m\td")
    XCTAssertEqual(CSVWriting.cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
    XCTAssertEqual(CSVWriting.cell("+1"), "'+1")
    XCTAssertEqual(CSVWriting.cell("-cmd"), "'-cmd")
    XCTAssertEqual(CSVWriting.cell("@SUM(A1)"), "'@SUM(A1)")
    XCTAssertEqual(CSVWriting.cell("a,b"), "\"a,b\"")
    XCTAssertEqual(CSVWriting.cell("plain"), "plain")
    XCTAssertEqual(OSCALRenderer.token("1 bad id"), "_1_bad_id")
  }
}
