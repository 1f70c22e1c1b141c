import Foundation
import HomologIngest
import HomologModel
import XCTest

/// Checkov, Kubescape, kube-linter and Polaris JSON on genuine files, with the figures SOURCES.md states: failed
/// checks are misconfiguration findings on their resource; a configuration scan declares no scan scope.
final class KubernetesScannerReadersTests: XCTestCase {
  private func read<Reader: EvidenceReader>(_ reader: Reader.Type, _ relative: String, mode: FindingMode = .keep) throws -> ReadResult {
    let url = Fixtures.real(relative)
    XCTAssertEqual(AllReaders.detect(try XCTUnwrap(FileHead.read(url)))?.format, reader.format, relative)
    var input = Fixtures.input(url)
    input.findingMode = mode
    return try reader.read(input)
  }

  // SOURCES.md: kubernetes summary passed 989, failed 113, resource_count 47, checkov_version 3.3.30.
  func testCheckovFailedChecks() throws {
    let result = try read(CheckovJSONReader.self, "checkov/checkov-3.3.30-online-boutique.json")
    XCTAssertEqual(result.tool, ToolInfo(name: "Checkov", version: "3.3.30"))
    XCTAssertEqual(result.findings.count, 113)
    XCTAssertEqual(Set(result.findings.map(\.kind)), [.misconfiguration])
    XCTAssertEqual(result.scans, [])
    let perRule = result.findings.reduce(into: [String: Int]()) { $0[$1.ruleId, default: 0] += 1 }
    XCTAssertEqual(perRule["CKV_K8S_21"], 35)
    XCTAssertEqual(perRule["CKV_K8S_43"], 12)
    XCTAssertEqual(perRule.count, 13)  // the SARIF of the same run lists 13 rules
    // Checkov states no severity without a platform key: info, original empty.
    XCTAssertEqual(result.severityCounts, [.info: 113])
    let first = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(first.ruleId, "CKV_K8S_43")
    XCTAssertEqual(first.title, "Image should use digest")
    XCTAssertEqual(
      first.location, FindingLocation(path: "kubernetes-manifests.yaml", line: 21, endLine: 113, target: "Deployment.default.frontend"))
  }

  // SOURCES.md: 33 controls (passed 33); 2 resource results.
  func testKubescapeAllPassedGivesNoFinding() throws {
    let result = try read(KubescapeJSONReader.self, "kubescape/kubescape-results.json")
    XCTAssertEqual(result.tool, ToolInfo(name: "Kubescape"))
    XCTAssertEqual(result.findings.count, 0)
    XCTAssertEqual(result.scans, [])
    XCTAssertNil(result.generatedAt)  // Kubescape wrote the zero time
  }

  // No genuine Kubescape file with a failed control is in the shared set: the genuine one with one control's status
  // turned to `failed` on its Deployment (C-0057 Privileged container, scoreFactor 8 in summaryDetails).
  func testKubescapeFailedControlIsAFindingOnItsResource() throws {
    let url = Fixtures.real("kubescape/kubescape-results.json")
    var document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    var results = try XCTUnwrap(document["results"] as? [[String: Any]])
    var controls = try XCTUnwrap(results[0]["controls"] as? [[String: Any]])
    let index = try XCTUnwrap(controls.firstIndex { $0["controlID"] as? String == "C-0057" })
    controls[index]["status"] = ["status": "failed"]
    results[0]["controls"] = controls
    document["results"] = results
    let text = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
    let result = try KubescapeJSONReader.read(try Fixtures.temporary(text, name: "kubescape.json"))
    XCTAssertEqual(result.findings.count, 1)
    let only = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(only.ruleId, "C-0057")
    XCTAssertEqual(only.title, "Privileged container")
    XCTAssertEqual(only.severity, .high)
    XCTAssertEqual(only.originalSeverity, "scoreFactor 8")
    XCTAssertEqual(only.location, FindingLocation(path: "nginx.yaml", target: "Deployment/nginx-deployment"))
  }

  func testKubescapeResourceIdsNameKindNamespaceAndName() {
    XCTAssertEqual(
      KubescapeJSONReader.resourceName("path=966824446/api=apps/v1//Deployment/nginx-deployment"), "Deployment/nginx-deployment")
    XCTAssertEqual(
      KubescapeJSONReader.resourceName("path=983602065/api=networking.k8s.io/v1/default/NetworkPolicy/nginx-network-policy"),
      "NetworkPolicy/default/nginx-network-policy")
  }

  // SOURCES.md: 7 reports.
  func testKubeLinterReports() throws {
    let result = try read(KubeLinterJSONReader.self, "kube-linter/kube-linter-many.json")
    XCTAssertEqual(result.tool, ToolInfo(name: "kube-linter", version: "0.8.3"))
    XCTAssertEqual(
      result.findings.map(\.ruleId),
      ["latest-tag", "no-read-only-root-fs", "privilege-escalation-container", "privileged-container", "run-as-non-root",
       "unset-cpu-requirements", "unset-memory-requirements"])
    XCTAssertEqual(result.severityCounts, [.info: 7])
    XCTAssertEqual(result.findings.first?.location, FindingLocation(path: "manifests/many.yaml", target: "Deployment/generic-app"))
    XCTAssertEqual(result.scans, [])
  }

  // SOURCES.md: 1 controllers; 21 failed checks.
  func testPolarisFailedChecksAtEveryLevel() throws {
    let result = try read(PolarisJSONReader.self, "polaris/polaris-many.json")
    XCTAssertEqual(result.findings.count, 21)
    XCTAssertEqual(result.counts(.misconfiguration), ["warning": 17, "danger": 4])
    XCTAssertEqual(result.severityCounts, [.medium: 17, .high: 4])
    let tag = try XCTUnwrap(result.findings.first { $0.ruleId == "tagNotSpecified" })
    XCTAssertEqual(tag.location?.target, "Deployment/generic-app (container server)")
    let replicas = try XCTUnwrap(result.findings.first { $0.ruleId == "deploymentMissingReplicas" })
    XCTAssertEqual(replicas.location?.target, "Deployment/generic-app")
    XCTAssertEqual(result.generatedAt, "2026-07-31T00:00:00Z")
    XCTAssertEqual(result.scans, [])
  }

  // SOURCES.md: 5 controllers; 0 failed checks.
  func testPolarisCleanAudit() throws {
    let result = try read(PolarisJSONReader.self, "polaris/polaris-audit-deploy-example.json")
    XCTAssertEqual(result.findings.count, 0)
    XCTAssertNil(result.generatedAt)
  }

  func testCountModeCountsWithoutKeeping() throws {
    let checkov = try read(CheckovJSONReader.self, "checkov/checkov-3.3.30-online-boutique.json", mode: .count)
    XCTAssertTrue(checkov.findings.isEmpty)
    XCTAssertEqual(checkov.findingCounts.kinds, [.misconfiguration: 113])
    let polaris = try read(PolarisJSONReader.self, "polaris/polaris-many.json", mode: .count)
    XCTAssertTrue(polaris.findings.isEmpty)
    XCTAssertEqual(polaris.findingCounts.severities[.high], 4)
  }

  func testWrongTypesNameFileAndJSONPath() throws {
    let checkov = #"{"check_type":"kubernetes","results":{"failed_checks":[{"check_id":"CKV_K8S_8","file_line_range":"1-2"}]}}"#
    assertJSONPathError(
      try CheckovJSONReader.read(try Fixtures.temporary(checkov, name: "checkov.json")), file: "checkov.json",
      path: "$.results.failed_checks[0].file_line_range")
    let linter = #"{"Reports":[{"Check":7}],"Summary":{}}"#
    assertJSONPathError(
      try KubeLinterJSONReader.read(try Fixtures.temporary(linter, name: "kube-linter.json")), file: "kube-linter.json",
      path: "$.Reports[0].Check")
    let polaris = #"{"PolarisOutputVersion":"1.0","Results":[{"Kind":"Deployment","Results":{"x":{"ID":"x","Success":"no"}}}]}"#
    assertJSONPathError(
      try PolarisJSONReader.read(try Fixtures.temporary(polaris, name: "polaris.json")), file: "polaris.json",
      path: "$.Results[0].Results.x.Success")
    let kubescape = #"{"summaryDetails":{"controls":{}},"results":[{"resourceID":"r","controls":[{"controlID":5}]}]}"#
    assertJSONPathError(
      try KubescapeJSONReader.read(try Fixtures.temporary(kubescape, name: "kubescape.json")), file: "kubescape.json",
      path: "$.results[0].controls[0].controlID")
  }
}
