import Foundation
import HomologIngest
import HomologModel
import XCTest

final class SonarQubeJSONReaderTests: XCTestCase {
  private func read(_ name: String) throws -> ReadResult {
    let url = Fixtures.real("sonarqube/\(name)")
    XCTAssertTrue(SonarQubeJSONReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try SonarQubeJSONReader.read(Fixtures.input(url))
  }

  // SOURCES.md: SonarQube's own example of api/qualitygates/project_status: ERROR; 7 conditions (ERROR 4, OK 3).
  func testQualityGateStatusExample() throws {
    let result = try read("sonarqube-api-qualitygates-project-status-example.json")
    let gate = try XCTUnwrap(result.qualityGate)
    XCTAssertEqual(gate.status, .error)
    XCTAssertEqual(gate.conditions.count, 7)
    XCTAssertEqual(gate.conditions.filter { $0.status == .error }.count, 4)
    XCTAssertEqual(gate.conditions.filter { $0.status == .ok }.count, 3)
    XCTAssertEqual(result.findings.count, 0)
  }

  // SOURCES.md: 3 issues (the `issues` array of api/issues/search saved alone).
  func testIssuesArray() throws {
    let result = try read("sonarqube-issues-api.json")
    XCTAssertEqual(result.findings.count, 3)
    XCTAssertEqual(result.counts(.codeIssue), ["MAJOR": 2, "CRITICAL": 1])
    // Documented mapping: CRITICAL → high, MAJOR → medium.
    XCTAssertEqual(result.findings.map(\.severity), [.medium, .medium, .high])
    let first = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(first.ruleId, "typescript:S1854")
    XCTAssertEqual(first.location, FindingLocation(path: "src/main/javascript/TranslateDirective.ts", line: 242, endLine: 242))
    // The second is resolved as a false positive: kept, suppressed.
    XCTAssertEqual(result.findings.map(\.suppression), [nil, "false-positive", nil])
    XCTAssertNil(result.qualityGate)
  }

  // SOURCES.md: 6 issues; quality gate embedded under qualityGateStatus.projectStatus (OK + conditions).
  func testSonarReportHotspotsAndQualityGate() throws {
    let result = try read("sonar-report-vulnerable-flask-app.json")
    XCTAssertEqual(result.findings.count, 6)
    // All six keys are listed in hotspotKeys: they are security hotspots to review.
    XCTAssertEqual(result.counts(.hotspot), ["CRITICAL": 1, "MINOR": 5])
    XCTAssertEqual(result.severityCounts, [.high: 1, .low: 5])
    XCTAssertEqual(result.findings.first?.location, FindingLocation(path: "vulnerable-flask-app.py", line: 8))
    let gate = try XCTUnwrap(result.qualityGate)
    XCTAssertEqual(gate.project, "vulnerable-flask-app")
    XCTAssertEqual(gate.status, .ok)
    XCTAssertEqual(gate.conditions.map(\.metric), ["new reliability rating", "new security rating", "new maintainability rating"])
    XCTAssertEqual(gate.conditions.first, QualityGateCondition(metric: "new reliability rating", status: .ok, actual: "A", threshold: "A"))
    XCTAssertEqual(result.generatedAt, "Thursday, Jan 18, 2024")
  }

  // Added beside SOURCES.md's set: the `hotspots` array of api/hotspots/search (2 hotspots).
  func testHotspotsArray() throws {
    let result = try read("sonarqube-hotspots-api.json")
    XCTAssertEqual(result.counts(.hotspot), ["HIGH": 1, "MEDIUM": 1])
    XCTAssertEqual(result.findings.map(\.severity), [.high, .medium])
    XCTAssertEqual(result.findings.first?.location?.path, "spec/support/user_fixture.rb")
  }

  // SOURCES.md: 3 issues; severity HIGH 2, MEDIUM 1 (new severity scale); qualityGateStatus false.
  func testSonarReportWithNewSeveritiesAndNoGateFetched() throws {
    let result = try read("sonar-report-branch-new-severities.json")
    // The three keys are listed in hotspotKeys: hotspots.
    XCTAssertEqual(result.counts(.hotspot), ["HIGH": 2, "MEDIUM": 1])
    XCTAssertEqual(result.severityCounts, [.high: 2, .medium: 1])
    XCTAssertEqual(result.findings.first?.location, FindingLocation(path: "app.py", line: 90))
    // `qualityGateStatus: false`: sonar-report did not fetch the gate; no gate, no error.
    XCTAssertNil(result.qualityGate)
    XCTAssertEqual(result.generatedAt, "Tuesday, May 7, 2024")
  }

  func testCountModeCountsIssuesAndHotspotsWithoutKeepingThem() throws {
    for (name, kinds) in [
      ("sonar-report-vulnerable-flask-app.json", [FindingKind.hotspot: 6]), ("sonarqube-issues-api.json", [.codeIssue: 3]),
      ("sonarqube-hotspots-api.json", [.hotspot: 2]),
    ] {
      var input = Fixtures.input(Fixtures.real("sonarqube/\(name)"))
      input.findingMode = .count
      let counted = try SonarQubeJSONReader.read(input)
      let kept = try read(name)
      XCTAssertTrue(counted.findings.isEmpty, name)
      XCTAssertEqual(counted.findingCounts.kinds, kinds, name)
      XCTAssertEqual(counted.findingCounts.severities, FindingCounts(kept.findings).severities, name)
      XCTAssertEqual(counted.qualityGate, kept.qualityGate, name)
      XCTAssertEqual(counted.scans, kept.scans, name)
    }
  }

  func testQualityGateResponse() throws {
    let json = """
      {"projectStatus":{"status":"ERROR","conditions":[
        {"status":"ERROR","metricKey":"new_coverage","comparator":"LT","periodIndex":1,"errorThreshold":"85","actualValue":"82.5"},
        {"status":"OK","metricKey":"new_blocker_violations","comparator":"GT","errorThreshold":"0","actualValue":"0"}],
        "periods":[{"index":1,"mode":"last_version","date":"2000-04-27T00:45:23+0200"}],"ignoredConditions":false}}
      """
    let input = try Fixtures.temporary(json, name: "gate.json")
    XCTAssertTrue(SonarQubeJSONReader.sniff(try XCTUnwrap(FileHead.read(input.url))))
    let gate = try XCTUnwrap(try SonarQubeJSONReader.read(input).qualityGate)
    XCTAssertEqual(gate.status, .error)
    XCTAssertEqual(gate.conditions.first, QualityGateCondition(metric: "new_coverage", status: .error, actual: "82.5", threshold: "85"))
  }

  func testCleanCodeImpactsWhenNoLegacySeverity() throws {
    let json = """
      {"total":1,"p":1,"ps":100,"paging":{"pageIndex":1,"pageSize":100,"total":1},"effortTotal":5,
       "issues":[{"key":"K1","rule":"java:S2068","component":"p:src/A.java","project":"p","line":3,"status":"OPEN",
        "message":"m","impacts":[{"softwareQuality":"MAINTAINABILITY","severity":"LOW"},{"softwareQuality":"SECURITY","severity":"BLOCKER"}]}],
       "components":[{"key":"p:src/A.java","path":"src/A.java"}]}
      """
    let input = try Fixtures.temporary(json, name: "issues.json")
    XCTAssertTrue(SonarQubeJSONReader.sniff(try XCTUnwrap(FileHead.read(input.url))))
    let finding = try XCTUnwrap(try SonarQubeJSONReader.read(input).findings.first)
    XCTAssertEqual(finding.severity, .critical)
    XCTAssertEqual(finding.originalSeverity, "BLOCKER")
    XCTAssertEqual(finding.location?.path, "src/A.java")
  }

  func testUnknownGateStatusNamesTheJSONPath() throws {
    let json = #"{"projectStatus":{"status":"GREEN","conditions":[]}}"#
    assertJSONPathError(
      try SonarQubeJSONReader.read(try Fixtures.temporary(json, name: "gate.json")), file: "gate.json",
      path: "$.projectStatus.status")
  }

  func testWrongTypeNamesFileAndJSONPath() throws {
    let json = #"[{"key":"a","rule":"r","severity":"MAJOR","component":"c","line":"12"}]"#
    assertJSONPathError(
      try SonarQubeJSONReader.read(try Fixtures.temporary(json, name: "bad.json")), file: "bad.json", path: "$[0].line")
  }
}
