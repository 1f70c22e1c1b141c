import Foundation
import XCTest

/// A Trivy JUnit-template output among a component's reports: its vulnerabilities are judged as a Trivy scan's,
/// its test cases never count as the component's tests.
final class ScannerJUnitEvaluateTests: XCTestCase {
  private func dossier(_ demo: URL) throws -> [String: Any] {
    let out = demo.deletingLastPathComponent().appendingPathComponent("OUT-\(UUID().uuidString)")
    let result = try CLI.run([
      "evaluate", "--config", demo.appendingPathComponent("homolog.yaml").path, "--out", out.path, "--as-of", "2026-11-22",
      "--format", "json", "--quiet",
    ])
    XCTAssertEqual(result.status, 1, result.stderr)
    return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("dossier.json"))) as? [String: Any])
  }

  private func check(_ id: String, of requirement: String, in dossier: [String: Any]) -> String? {
    let requirements = dossier["requirements"] as? [[String: Any]] ?? []
    let checks = requirements.first { $0["id"] as? String == requirement }?["checks"] as? [[String: Any]] ?? []
    return checks.first { $0["id"] as? String == id }?["outcome"] as? String
  }

  func testTrivyJUnitInTheFrontEndsReportsAddsItsVulnerabilitiesAndNoTests() throws {
    let demo = try CLI.demoCopy()
    let before = try dossier(demo)
    let name = "trivy-junit-tpl-image-teamdojo-alpine-3.9.xml"
    try FileManager.default.copyItem(
      at: CLI.repository.appendingPathComponent("Tests/Fixtures/real/junit/\(name)"),
      to: demo.appendingPathComponent("reports/web/\(name)"))
    let after = try dossier(demo)

    // The web component still has its 7 passing tests only: EXI-ORG-11 and tests.passing are unchanged.
    XCTAssertEqual(
      try JSONSerialization.data(withJSONObject: after["tests"] as Any, options: .sortedKeys),
      try JSONSerialization.data(withJSONObject: before["tests"] as Any, options: .sortedKeys))
    XCTAssertEqual(check("tests.passing", of: "EXI-ORG-14", in: after), "pass")
    let statuses = (after["requirements"] as? [[String: Any]] ?? []).reduce(into: [String: String]()) {
      $0[$1["id"] as? String ?? ""] = $1["status"] as? String
    }
    XCTAssertEqual(statuses["EXI-ORG-11"], "conforme")

    // Its 5 vulnerabilities (CRITICAL 1) are Trivy's findings, judged against the policy's thresholds.
    let evidence = try XCTUnwrap((after["evidence"] as? [[String: Any]])?.first { ($0["path"] as? String)?.hasSuffix(name) == true })
    XCTAssertEqual(evidence["format"] as? String, "scanner-junit-xml")
    XCTAssertEqual((evidence["tool"] as? [String: Any])?["name"] as? String, "Trivy")
    XCTAssertEqual(evidence["findings"] as? [String: Int], ["critical": 1, "high": 1, "medium": 3, "low": 0, "info": 0])
    XCTAssertEqual(check("vuln.thresholds", of: "EXI-ORG-14", in: before), "pass")
    XCTAssertEqual(check("vuln.thresholds", of: "EXI-ORG-14", in: after), "fail")
  }
}
