import Foundation
import HomologIngest
import HomologModel
import XCTest

/// Scanner results in JUnit form (Trivy's template, Checkov) are findings of that scanner, never tests.
final class ScannerJUnitXMLReaderTests: XCTestCase {
  private func read(_ relative: String) throws -> ReadResult {
    let url = Fixtures.real(relative)
    XCTAssertEqual(AllReaders.detect(try XCTUnwrap(FileHead.read(url)))?.format, ScannerJUnitXMLReader.format, relative)
    return try ScannerJUnitXMLReader.read(Fixtures.input(url))
  }

  /// What the evidence file says its scan looked for (the reader's declaration and its findings' own scopes).
  private func scans(_ relative: String) throws -> Set<ScanScope> {
    let collected = try EvidenceCollector(baseDirectory: Fixtures.root, parallelism: 1, findingMode: .keep).collect([Fixtures.real(relative)])
    return try XCTUnwrap(collected.files.first).scans
  }

  /// (rule, severity) of each finding of a kind, sorted: what two readers of one scan must agree on.
  private func rules(_ result: ReadResult, _ kind: FindingKind) -> [String] {
    result.findings.filter { $0.kind == kind }.map { "\($0.ruleId) \($0.severity)" }.sorted()
  }

  // SOURCES.md: root <testsuites> tests=1102 failures=113 errors=0; 1 suite, 1102 testcase elements (113 failure).
  func testCheckovJUnitIsItsFailedChecksLocatedAsItsSARIFLocatesThem() throws {
    let result = try read("junit/checkov-3.3.30-online-boutique.junit.xml")
    XCTAssertNil(result.tests, "a scanner's checks are no unit tests")
    XCTAssertEqual(result.tool?.name, "Checkov")
    XCTAssertEqual(result.findings.count, 113)
    XCTAssertEqual(Set(result.findings.map(\.kind)), [.misconfiguration])
    XCTAssertEqual(Set(result.findings.map(\.originalSeverity)), ["NONE"], "no platform key: Checkov states no severity")
    XCTAssertEqual(try scans("junit/checkov-3.3.30-online-boutique.junit.xml"), [], "an IaC scan proves no absence of vulnerabilities, secrets or code issues")
    let first = try XCTUnwrap(result.findings.first)
    XCTAssertEqual([first.tool, first.ruleId, first.title], ["Checkov", "CKV_K8S_43", "Image should use digest"])
    XCTAssertEqual(first.location, FindingLocation(path: "/kubernetes-manifests.yaml", line: 21, endLine: 113, target: "Deployment.default.frontend"))
    // The same run's SARIF: the same 113 failed checks at the same lines.
    let sarif = try SARIFReader.read(Fixtures.input(Fixtures.real("sarif/checkov-3.3.30-online-boutique.sarif")))
    XCTAssertEqual(
      result.findings.map { "\($0.ruleId) \($0.location?.line ?? 0)" }.sorted(),
      sarif.findings.map { "\($0.ruleId) \($0.location?.line ?? 0)" }.sorted())
    XCTAssertEqual(Set(result.findings.map(\.ruleId)).count, 13, "13 rules, as the SARIF row states")
  }

  // SOURCES.md: built from trivy-fs-vulns-misconfig-secrets.json: vulnerabilities 2 (HIGH 1, MEDIUM 1); failed misconfigurations 1.
  func testTrivyJUnitTemplateGivesTheVulnerabilitiesAndFailedMisconfigurationsOfItsReport() throws {
    let result = try read("junit/trivy-junit-tpl-fs-vulns-misconfig-secrets.xml")
    XCTAssertNil(result.tests)
    XCTAssertEqual(result.tool?.name, "Trivy")
    XCTAssertEqual(rules(result, .vulnerability), ["CVE-2021-28363 medium", "CVE-2021-33503 high"])
    XCTAssertEqual(rules(result, .misconfiguration), ["DS002 high"], "the passed checks of the suite (tests=23) are not written")
    XCTAssertEqual(result.findings.count, 3)
    // Its vulnerabilities feed the image thresholds (EXI-ORG-13) as the JSON report's do; a clean template output
    // proves nothing (a config target writes an empty vulnerability suite too).
    XCTAssertEqual(try scans("junit/trivy-junit-tpl-fs-vulns-misconfig-secrets.xml"), [.vulnerabilities])
    let json = try TrivyJSONReader.read(Fixtures.input(Fixtures.real("trivy/trivy-fs-vulns-misconfig-secrets.json")))
    XCTAssertEqual(rules(result, .vulnerability), rules(json, .vulnerability))
    let cve = try XCTUnwrap(result.findings.first { $0.ruleId == "CVE-2021-33503" })
    XCTAssertEqual(cve.title, "python-urllib3: ReDoS in the parsing of authority part of URL")
    XCTAssertEqual(cve.location?.target, "requirements.txt: urllib3-1.26.3")
    XCTAssertEqual(cve.cve, ["CVE-2021-33503"])
    let misconfiguration = try XCTUnwrap(result.findings.first { $0.kind == .misconfiguration })
    XCTAssertEqual([misconfiguration.title, misconfiguration.location?.path], ["Image user should not be 'root'", "Dockerfile"])
  }

  // SOURCES.md: built from trivy-image-teamdojo-alpine-3.9.json: vulnerabilities 5 (CRITICAL 1, HIGH 1, MEDIUM 3).
  func testTrivyJUnitTemplateOfAnImageScanKeepsEachSeverity() throws {
    let result = try read("junit/trivy-junit-tpl-image-teamdojo-alpine-3.9.xml")
    XCTAssertNil(result.tests)
    let severities = result.findingCounts.severities
    XCTAssertEqual([severities.critical, severities.high, severities.medium, severities.low, severities.info], [1, 1, 3, 0, 0])
    let json = try TrivyJSONReader.read(Fixtures.input(Fixtures.real("trivy/trivy-image-teamdojo-alpine-3.9.json")))
    XCTAssertEqual(rules(result, .vulnerability), rules(json, .vulnerability))
    XCTAssertEqual(try scans("junit/trivy-junit-tpl-image-teamdojo-alpine-3.9.xml"), [.vulnerabilities])
  }

  // SOURCES.md: the 2020 template (bare <testsuites>, one vulnerability suite per target) on the same report:
  // 3 suites; vulnerabilities 5 (CRITICAL 1, HIGH 1, MEDIUM 3).
  func testTrivyBareTemplateOf2020IsOneVulnerabilitySuitePerTarget() throws {
    let result = try read("junit/trivy-junit-tpl-2020-bare-image-teamdojo-alpine-3.9.xml")
    XCTAssertNil(result.tests)
    XCTAssertEqual(result.tool?.name, "Trivy")
    let json = try TrivyJSONReader.read(Fixtures.input(Fixtures.real("trivy/trivy-image-teamdojo-alpine-3.9.json")))
    XCTAssertEqual(rules(result, .vulnerability), rules(json, .vulnerability))
    XCTAssertEqual(result.findings.count, 5)
    let cve = try XCTUnwrap(result.findings.first { $0.ruleId == "CVE-2018-1324" })
    XCTAssertEqual(cve.location?.target, "app/libs/commons-compress-1.14.jar: org.apache.commons:commons-compress-1.14")
    XCTAssertEqual(try scans("junit/trivy-junit-tpl-2020-bare-image-teamdojo-alpine-3.9.xml"), [.vulnerabilities])
  }

  // SOURCES.md: the 2022 template (bare <testsuites>, vulnerabilities then misconfigurations per target) on
  // trivy-fs-vulns-misconfig-secrets.json: 8 suites; vulnerabilities 2 (HIGH 1, MEDIUM 1); misconfigurations 1 (DS002).
  func testTrivyBareTemplateOf2022PairsSuitesByTarget() throws {
    let result = try read("junit/trivy-junit-tpl-2022-bare-pairs-fs-vulns-misconfig-secrets.xml")
    XCTAssertNil(result.tests)
    XCTAssertEqual(rules(result, .vulnerability), ["CVE-2021-28363 medium", "CVE-2021-33503 high"])
    // DS002 (no advisory id) stands in the 4th suite, Dockerfile's second: a misconfiguration, as the named template gives it.
    XCTAssertEqual(rules(result, .misconfiguration), ["DS002 high"])
    let named = try read("junit/trivy-junit-tpl-fs-vulns-misconfig-secrets.xml")
    XCTAssertEqual(result.findings.map(\.fingerprint).sorted(), named.findings.map(\.fingerprint).sorted())
  }

  func testABareTestsuitesRootWithoutTrivysCasesStaysUnitTests() throws {
    // Surefire's aggregate has a bare <testsuites> root, no `[SEVERITY] ID` case, no type="description" failure.
    let surefire = try XCTUnwrap(FileHead.read(Fixtures.real("junit/surefire-3.0-testsuites-26-suites.xml")))
    XCTAssertFalse(ScannerJUnitXMLReader.sniff(surefire))
    let named = """
      <?xml version="1.0" ?>
      <testsuites>
          <testsuite tests="1" failures="1" name="suite" errors="0" skipped="0" time="">
              <testcase classname="x" name="[HIGH] looks like a case" time="">
                  <failure message="m" type="AssertionError">boom</failure>
              </testcase>
          </testsuite>
      </testsuites>
      """
    let head = try XCTUnwrap(FileHead.read(try Fixtures.temporary(named, name: "tests.xml").url))
    XCTAssertFalse(ScannerJUnitXMLReader.sniff(head), "a bracketed case name alone does not make a scanner")
    XCTAssertEqual(AllReaders.detect(head)?.format, JUnitXMLReader.format)
  }

  // SOURCES.md: Kubescape's JUnit printer golden: root tests=24 failures=16 skipped=3; 1 suite (NSA); 16 failed controls.
  func testKubescapeJUnitIsItsFailedControls() throws {
    let result = try read("junit/kubescape-junit-printer-golden-nsa.xml")
    XCTAssertNil(result.tests, "a scanner's controls are no unit tests")
    XCTAssertEqual(result.tool?.name, "Kubescape")
    XCTAssertEqual(result.findings.count, 16)
    XCTAssertEqual(Set(result.findings.map(\.kind)), [.misconfiguration])
    XCTAssertEqual(Set(result.findings.map(\.severity)), [.info], "Kubescape states no severity in JUnit")
    XCTAssertEqual(result.findings.first.map { [$0.ruleId, $0.title] }, ["C-0002", "Exec into container"])
    XCTAssertEqual(result.findings.last?.ruleId, "C-0068")
    XCTAssertFalse(result.findings.contains { ["C-0005", "C-0012", "C-0069"].contains($0.ruleId) }, "passed and skipped controls are no findings")
    XCTAssertEqual(try scans("junit/kubescape-junit-printer-golden-nsa.xml"), [])
  }

  func testKubescapeOlderJUnitTakesTheIdFromTheControlLinkAndCountsAControlOnce() throws {
    // The printer before the id moved into `classname`: classname is the framework, the link is in `message`.
    let older = """
      <testsuites errors="0" failures="2" tests="3" time="" name="Kubescape Scanning"><testsuite tests="2" name="NSA" errors="0" failures="1" hostname="" id="0" skipped="" time="" timestamp="2023-01-01"><testcase classname="NSA" name="Privileged container" time=""><failure message="Remediation: Remove privileged capabilities&#xA;More details: https://hub.armosec.io/docs/c-0057&#xA;&#xA;apiVersion: v1; kind: Pod; name: web" type="Control"></failure></testcase><testcase classname="NSA" name="Resource limits" time=""></testcase></testsuite><testsuite tests="1" name="MITRE" errors="0" failures="1" hostname="" id="1" skipped="" time="" timestamp="2023-01-01"><testcase classname="MITRE" name="Privileged container" time=""><failure message="Remediation: x&#xA;More details: https://hub.armosec.io/docs/c-0057&#xA;&#xA;" type="Control"></failure></testcase></testsuite></testsuites>
      """
    let result = try ScannerJUnitXMLReader.read(try Fixtures.temporary(older, name: "kubescape.xml"))
    XCTAssertEqual(result.findings.map(\.ruleId), ["C-0057"])
    let unknown = """
      <testsuites name="Kubescape Scanning"><testsuite name="image:1"><testcase classname="image:1" name="openssl"><failure message="m" type="Vulnerability"></failure></testcase></testsuite></testsuites>
      """
    XCTAssertThrowsError(try ScannerJUnitXMLReader.read(try Fixtures.temporary(unknown, name: "kubescape-image.xml"))) { error in
      XCTAssertEqual((error as? InputError)?.location?.file, "kubescape-image.xml")
      XCTAssertEqual((error as? InputError)?.location?.line, 1)
    }
  }

  func testCaseNamesGiveSeverityIdAndTitle() throws {
    let trivy = """
      <?xml version="1.0" ?>
      <testsuites name="trivy">
          <testsuite tests="1" failures="1" name="app (debian 12.1)" errors="0" skipped="0" time="">
              <testcase classname="libc6-2.36-9" name="[UNKNOWN] TEMP-0841856-B18BAF" time="">
                  <failure message="" type="description"></failure>
              </testcase>
          </testsuite>
          <testsuite tests="2" failures="1" name="app (debian 12.1)" errors="0" skipped="0" time="">
              <testcase classname="Kubernetes Security Check" name="[LOW] KSV001" time="">
              </testcase>
              <testcase classname="Kubernetes Security Check" name="[MEDIUM] KSV003" time="">
                  <failure message="Default capabilities not dropped" type="description">x</failure>
              </testcase>
          </testsuite>
      </testsuites>
      """
    let result = try ScannerJUnitXMLReader.read(try Fixtures.temporary(trivy, name: "trivy.xml"))
    XCTAssertEqual(result.findings.map { "\($0.kind) \($0.ruleId) \($0.severity) \($0.title)" }, [
      "vulnerability TEMP-0841856-B18BAF info TEMP-0841856-B18BAF", "misconfiguration KSV003 medium Default capabilities not dropped",
    ])
    XCTAssertNil(result.tests)
  }

  func testAPlainJUnitReportIsNotAScannersAndATruncatedOneIsALocatedError() throws {
    let pytest = try XCTUnwrap(FileHead.read(Fixtures.real("junit/pytest-9.2.0-more-itertools-10.5.0.xml")))
    XCTAssertFalse(ScannerJUnitXMLReader.sniff(pytest))
    XCTAssertEqual(AllReaders.detect(pytest)?.format, JUnitXMLReader.format)
    let cut = try SadInputs.truncated(Fixtures.real("junit/checkov-3.3.30-online-boutique.junit.xml"))
    SadInputs.assertLocatedError(try ScannerJUnitXMLReader.read(cut.input), file: cut.input.path, line: cut.lines, message: "XML")
  }
}
