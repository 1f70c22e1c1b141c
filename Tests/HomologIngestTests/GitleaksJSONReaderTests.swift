import Foundation
import HomologIngest
import HomologModel
import XCTest

final class GitleaksJSONReaderTests: XCTestCase {
  private func read(_ name: String) throws -> ReadResult {
    let url = Fixtures.real("gitleaks/\(name)")
    XCTAssertTrue(GitleaksJSONReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try GitleaksJSONReader.read(Fixtures.input(url))
  }

  /// Every secret value of the fixture, which must never reach a finding.
  private func secrets(_ name: String) throws -> [String] {
    let data = try Data(contentsOf: Fixtures.real("gitleaks/\(name)"))
    let leaks = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    return leaks.flatMap { leak in ["Secret", "offender"].compactMap { leak[$0] as? String } }
  }

  private func assertNoSecretLeaks(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let findings = try read(name).findings
    for secret in try secrets(name) {
      for finding in findings {
        XCTAssertFalse("\(finding)".contains(secret), "secret in \(finding)", file: file, line: line)
      }
    }
  }

  // SOURCES.md: gitleaks-8-many 4 findings, gitleaks-8-simple-golden 1 finding.
  func testGitleaks8ManyFindings() throws {
    let result = try read("gitleaks-8-many.json")
    XCTAssertEqual(result.findings.count, 4)
    XCTAssertEqual(Set(result.findings.map(\.kind)), [.secret])
    XCTAssertEqual(Set(result.findings.map(\.severity)), [.high])
    XCTAssertEqual(result.findings.map(\.ruleId), ["aws-access-token", "aws-access-token", "RSA-PK", "generic-api-key"])
    XCTAssertEqual(result.findings.map(\.title), ["AWS", "AWS", "RSA private key", "Generic API Key"])
    XCTAssertEqual(result.findings[3].location, FindingLocation(path: "tests/api.py", line: 21, endLine: 21))
    // Same rule, file and line in two commits: two findings.
    XCTAssertEqual(Set(result.findings.map(\.fingerprint)).count, 4)
    try assertNoSecretLeaks("gitleaks-8-many.json")
  }

  func testGitleaks8SimpleGolden() throws {
    let result = try read("gitleaks-8-simple-golden.json")
    XCTAssertEqual(result.findings.count, 1)
    let finding = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(finding.title, "test-rule")  // empty Description: the rule id
    XCTAssertEqual(finding.location, FindingLocation(path: "auth.py", line: 1, endLine: 2))
    try assertNoSecretLeaks("gitleaks-8-simple-golden.json")
  }

  // Added beside SOURCES.md's set: gitleaks 7 field names (8 leaks, the same as sarif/gitleaks-7.4.0.sarif).
  func testGitleaks7FieldNames() throws {
    let result = try read("gitleaks-7.5.0.json")
    XCTAssertEqual(result.findings.count, 8)
    XCTAssertEqual(result.findings.filter { $0.ruleId == "AWS Access Key" }.count, 6)
    XCTAssertEqual(result.findings.filter { $0.ruleId == "Asymmetric Private Key" }.count, 2)
    XCTAssertEqual(result.findings.first?.location?.line, 13)
    XCTAssertEqual(Set(result.findings.map(\.fingerprint)).count, 8)
    try assertNoSecretLeaks("gitleaks-7.5.0.json")
  }

  func testPre7ReportWithoutLineNumbers() throws {
    let result = try read("gitleaks-pre7-one.json")
    XCTAssertEqual(result.findings.count, 1)
    XCTAssertEqual(result.findings.first?.location, FindingLocation(path: "cert-key.pem"))
    XCTAssertEqual(result.findings.first?.severity, .high)
  }

  func testGitleaks4SeverityIsUsedWhenStated() throws {
    let json = #"[{"line":"x","commit":"c","offender":"hunter2","rule":"Password","info":"","commitMsg":"m","file":"a.cfg","severity":"low"}]"#
    let finding = try XCTUnwrap(try GitleaksJSONReader.read(try Fixtures.temporary(json, name: "v4.json")).findings.first)
    XCTAssertEqual(finding.severity, .low)
    XCTAssertEqual(finding.originalSeverity, "low")
    XCTAssertFalse("\(finding)".contains("hunter2"))
  }

  func testWrongTypeNamesFileAndJSONPath() throws {
    let json = #"[{"RuleID":"r","File":"a","StartLine":1,"Secret":"s"},{"RuleID":"r","File":"a","StartLine":"two","Secret":"s"}]"#
    assertJSONPathError(
      try GitleaksJSONReader.read(try Fixtures.temporary(json, name: "bad.json")), file: "bad.json", path: "$[1].StartLine")
  }

  func testLeakWithoutRuleNamesItsIndex() throws {
    let json = #"[{"RuleID":"r","Secret":"s"},{"File":"a","Secret":"s"}]"#
    assertJSONPathError(
      try GitleaksJSONReader.read(try Fixtures.temporary(json, name: "norule.json")), file: "norule.json", path: "$[1]")
  }
}
