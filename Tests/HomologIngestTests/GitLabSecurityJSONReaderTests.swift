import Foundation
import HomologIngest
import HomologModel
import XCTest

/// GitLab security reports on genuine files, with the figures SOURCES.md states (severities as GitLab writes them).
final class GitLabSecurityJSONReaderTests: XCTestCase {
  private func read(_ name: String, mode: FindingMode = .keep, format: FormatID = "gitlab-security-json") throws -> ReadResult {
    let url = Fixtures.real("gitlab-security/\(name)")
    XCTAssertEqual(AllReaders.detect(try XCTUnwrap(FileHead.read(url)))?.format, format, name)
    var input = Fixtures.input(url)
    input.findingMode = mode
    return try GitLabSecurityJSONReader.read(input)
  }

  private func original(_ result: ReadResult) -> [String: Int] {
    result.findings.reduce(into: [:]) { $0[$1.originalSeverity, default: 0] += 1 }
  }

  // SOURCES.md: schema 14.0.6; container_scanning; scanners trivy; 98 (High 58, Medium 26, Critical 12, Low 2).
  func testContainerScanning14IsAnImageVulnerabilityScan() throws {
    let result = try read("gitlab-container-scanning-14.0.6-trivy-ecr.json")
    XCTAssertEqual(original(result), ["High": 58, "Medium": 26, "Critical": 12, "Low": 2])
    XCTAssertEqual(Set(result.findings.map(\.kind)), [.vulnerability])
    XCTAssertEqual(result.scans, [.vulnerabilities])
    let first = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(first.ruleId, "CVE-2022-28391")
    XCTAssertEqual(first.cve, ["CVE-2022-28391"])
    XCTAssertEqual(first.tool, "trivy")
    XCTAssertEqual(first.package, PackageRef(name: "busybox", installedVersion: "1.34.1-r4"))
    XCTAssertEqual(first.location?.target, "XXXXXX.dkr.ecr.eu-west-3.amazonaws.com/XXX/admintools/tools:pipeline-ci")
    // Its operating_system is `Unknown` everywhere: no image to judge.
    XCTAssertEqual(result.images, [])
  }

  // SOURCES.md: schema 15.0.6; Trivy 0.36.1 (analyzer GitLab Container Scanning 6.2.0); 97 (Low 58, Medium 33, High 6).
  func testContainerScanning15TakesTheScannerFromTheScanBlock() throws {
    let result = try read("gitlab-container-scanning-15.0.6-trivy-0.36.1.json")
    XCTAssertEqual(result.tool, ToolInfo(name: "Trivy", version: "0.36.1"))
    XCTAssertEqual(original(result), ["Low": 58, "Medium": 33, "High": 6])
    XCTAssertEqual(result.scans, [.vulnerabilities])
    let first = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(first.ruleId, "CVE-2022-3715")
    XCTAssertEqual(first.title, "CVE-2022-3715 in bash 5.1-6ubuntu1")
    XCTAssertEqual(first.tool, "Trivy")
    // `operating_system: ubuntu 22.04` on every vulnerability: one image, judged by image.base-supported.
    XCTAssertEqual(
      result.images,
      [ImageInfo(name: "registry.gitlab.com/agilefactory/witboost.mesh/provisioning/witboost.mesh.provisioning.javaspecificprovisioner",
        osFamily: "ubuntu", osName: "22.04")])
  }

  // SOURCES.md: schema 3.0.0; dependency_scanning; Gemnasium 2.24.1; 6 (High 5, Unknown 1). Its own format, so that
  // deps.vulnerabilities judges it with the other dependency scanners.
  func testDependencyScanning() throws {
    let result = try read("gitlab-dependency-scanning-3.0-gemnasium-2.24.1.json", format: "gitlab-dependency-scanning-json")
    XCTAssertEqual(result.tool, ToolInfo(name: "Gemnasium", version: "2.24.1"))
    XCTAssertEqual(original(result), ["High": 5, "Unknown": 1])
    XCTAssertEqual(result.severityCounts, [.high: 5, .info: 1])
    XCTAssertEqual(result.scans, [.vulnerabilities])
    XCTAssertEqual(result.findings.map(\.cve), [["CVE-2020-29652"], ["CVE-2020-29652"], ["CVE-2020-29652"], ["CVE-2020-14040"], ["CVE-2020-14040"], []])
    XCTAssertEqual(result.findings.first?.location?.path, "service/go.sum")
    XCTAssertEqual(result.findings.first?.package?.name, "golang.org/x/crypto")
  }

  // SOURCES.md: schema 14.0.0; secret_detection; Gitleaks v7.5.0; 3 (Critical 3).
  func testSecretDetectionIsASecretScan() throws {
    let result = try read("gitlab-secret-detection-14.0-gitleaks-7.5.0.json")
    XCTAssertEqual(result.tool, ToolInfo(name: "Gitleaks", version: "v7.5.0"))
    XCTAssertEqual(original(result), ["Critical": 3])
    XCTAssertEqual(Set(result.findings.map(\.kind)), [.secret])
    XCTAssertEqual(result.scans, [.secrets])
    XCTAssertEqual(result.findings.first?.location, FindingLocation(path: "README.md", line: 20, endLine: 20))
    XCTAssertEqual(result.generatedAt, "2021-06-02T09:25:50")
  }

  // SOURCES.md: schema 3.0.0; sast; Find Security Bugs 4.2.0; 3 (High 2, Medium 1); CWE identifiers.
  func testSASTCarriesCWEsWrittenAsStringsNumbersOrNames() throws {
    let result = try read("gitlab-sast-3.0-find-sec-bugs-4.2.0.json")
    XCTAssertEqual(result.tool, ToolInfo(name: "Find Security Bugs", version: "4.2.0"))
    XCTAssertEqual(original(result), ["High": 2, "Medium": 1])
    XCTAssertEqual(Set(result.findings.map(\.kind)), [.codeIssue])
    XCTAssertEqual(result.scans, [.codeAnalysis])
    // `"value": "79"`, `"value": 89`, and a rule name in `value` with `"name": "CWE-943"`.
    XCTAssertEqual(result.findings.map(\.cwe), [["CWE-79"], ["CWE-89"], ["CWE-943"]])
    let first = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(first.ruleId, "XSS_REQUEST_PARAMETER_TO_SERVLET_WRITER")
    XCTAssertEqual(first.location, FindingLocation(path: "src/main/java/servlets/module/lesson/XssLesson.java", line: 96, endLine: 96))
  }

  // SOURCES.md: schema 15.1.4; sast; Semgrep :SKIP:; 8 (Medium 6, High 2).
  func testSemgrepReportWithPlaceholderVersion() throws {
    let result = try read("gitlab-sast-15.1.4-semgrep-sage.json")
    XCTAssertEqual(result.tool, ToolInfo(name: "Semgrep"))
    XCTAssertEqual(original(result), ["Medium": 6, "High": 2])
    XCTAssertEqual(result.scans, [.codeAnalysis])
    XCTAssertNil(result.generatedAt)
  }

  // SOURCES.md: schema 14.0.0; Security Code Scan 3.5.3; 1 vulnerability without `severity`.
  func testMissingSeverityIsInfoWithTheToolsSilenceKept() throws {
    let result = try read("gitlab-sast-14.0-security-code-scan-no-severity.json")
    let only = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(result.findings.count, 1)
    XCTAssertEqual(only.severity, .info)
    XCTAssertEqual(only.originalSeverity, "")
    XCTAssertEqual(only.ruleId, "SCS0029")
    XCTAssertEqual(only.location, FindingLocation(path: "XXXXX.aspx.cs", line: 98))
  }

  // SOURCES.md: schema 2.3 (no scan block); Bandit/ESLint/Gitleaks/TruffleHog; 467 (Unknown 266, Medium 143, Low 41,
  // Critical 13, High 4).
  func testOldSASTReportSplitsSecretScannersFromCodeAnalysis() throws {
    let result = try read("gitlab-sast-2.3-multi-analyzer-many.json")
    XCTAssertEqual(original(result), ["Unknown": 266, "Medium": 143, "Low": 41, "Critical": 13, "High": 4])
    XCTAssertEqual(result.tool, ToolInfo(name: "GitLab"))
    // Gitleaks 1 + TruffleHog 12 are secrets; Bandit 188 + ESLint 266 are code issues.
    XCTAssertEqual(result.findings.filter { $0.kind == .secret }.count, 13)
    XCTAssertEqual(result.findings.filter { $0.kind == .codeIssue }.count, 454)
    XCTAssertEqual(result.scans, [.codeAnalysis, .secrets])
  }

  func testCountModeKeepsNoFindingAndCountsTheSame() throws {
    let counted = try read("gitlab-sast-2.3-multi-analyzer-many.json", mode: .count)
    XCTAssertTrue(counted.findings.isEmpty)
    XCTAssertEqual(counted.findingCounts.total, 467)
    XCTAssertEqual(counted.findingCounts.kinds, [.secret: 13, .codeIssue: 454])
    XCTAssertEqual(counted.scans, [.codeAnalysis, .secrets])
  }

  func testACleanReportStillDeclaresWhatItScanned() throws {
    let input = try Fixtures.temporary(
      #"{"version":"15.0.6","vulnerabilities":[],"scan":{"scanner":{"id":"trivy","name":"Trivy","version":"0.36.1"},"type":"container_scanning","start_time":"2023-10-12T12:23:15","end_time":"2023-10-12T12:23:26","status":"success"}}"#,
      name: "gl-container-scanning-report.json")
    XCTAssertEqual(AllReaders.detect(try XCTUnwrap(FileHead.read(input.url)))?.format, "gitlab-security-json")
    let result = try GitLabSecurityJSONReader.read(input)
    XCTAssertEqual(result.findings.count, 0)
    XCTAssertEqual(result.scans, [.vulnerabilities])
  }

  // The genuine secret-detection report (3 secrets) with `"status": "success"` changed here to `failure` and a message
  // added: no scope (it proves no absence), the failure and its messages kept, its findings still read.
  func testAFailedScanGivesNoScopeAndKeepsItsMessages() throws {
    let genuine = try String(contentsOf: Fixtures.real("gitlab-security/gitlab-secret-detection-14.0-gitleaks-7.5.0.json"), encoding: .utf8)
    XCTAssertEqual(genuine.components(separatedBy: #""status": "success""#).count, 2)
    let failed = genuine.replacingOccurrences(
      of: #""status": "success""#, with: #""status": "failure", "messages": [{"level": "fatal", "value": "git: not a repository"}]"#)
    let input = try Fixtures.temporary(failed, name: "gl-secret-detection-report.json")
    XCTAssertEqual(AllReaders.detect(try XCTUnwrap(FileHead.read(input.url)))?.format, "gitlab-security-json")
    let result = try GitLabSecurityJSONReader.read(input)
    XCTAssertEqual(result.scans, [])
    XCTAssertEqual(result.scanFailures, [ScanFailure(scope: .secrets, messages: ["fatal: git: not a repository"])])
    XCTAssertEqual(result.findings.count, 3)
  }

  func testWrongTypeNamesFileAndJSONPath() throws {
    let json = #"{"version":"15.0.0","vulnerabilities":[{"id":"a","severity":"High","location":{"file":"a.py","start_line":"12"},"identifiers":[],"scanner":{"id":"s","name":"S"}}]}"#
    assertJSONPathError(
      try GitLabSecurityJSONReader.read(try Fixtures.temporary(json, name: "gl-sast-report.json")), file: "gl-sast-report.json",
      path: "$.vulnerabilities[0].location.start_line")
  }

  func testAReportWithoutVulnerabilitiesIsRefused() throws {
    let json = #"{"version":"15.0.0","scan":{"type":"sast","scanner":{"id":"s","name":"S"},"start_time":"x"}}"#
    assertJSONPathError(
      try GitLabSecurityJSONReader.read(try Fixtures.temporary(json, name: "gl-sast-report.json")), file: "gl-sast-report.json", path: "$")
  }

  func testADASTFindingIsNoStaticAnalysis() throws {
    let json = #"{"version":"15.0.0","vulnerabilities":[{"id":"a","category":"dast","name":"Missing header","severity":"Low","location":{"hostname":"https://app","path":"/"},"identifiers":[{"type":"ZAProxy_PluginId","name":"X","value":"10038"}],"scanner":{"id":"zaproxy","name":"OWASP Zed Attack Proxy (ZAP)"}}],"scan":{"type":"dast","scanner":{"id":"zaproxy","name":"OWASP Zed Attack Proxy (ZAP)"},"start_time":"x"}}"#
    let result = try GitLabSecurityJSONReader.read(try Fixtures.temporary(json, name: "gl-dast-report.json"))
    XCTAssertEqual(result.findings.map(\.kind), [.misconfiguration])
    XCTAssertEqual(result.scans, [])
  }
}
