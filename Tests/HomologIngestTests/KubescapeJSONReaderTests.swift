import Foundation
import HomologIngest
import HomologModel
import XCTest

/// Kubescape JSON on its genuine sample (SOURCES.md): failed controls are findings on their resource. A configuration scan declares no scan scope.
final class KubescapeJSONReaderTests: XCTestCase {
  private func read<Reader: EvidenceReader>(_ reader: Reader.Type, _ relative: String, mode: FindingMode = .keep) throws -> ReadResult {
    try Fixtures.read(reader, relative, mode: mode)
  }

  func testKubescapeAllPassedGivesNoFinding() throws {
    let result = try read(KubescapeJSONReader.self, "kubescape/kubescape-results.json")
    XCTAssertEqual(result.tool, ToolInfo(name: "Kubescape", version: "v3.0.3"))
    XCTAssertEqual(result.findings.count, 0)
    XCTAssertEqual(result.scans, [])
    XCTAssertNil(result.generatedAt)  // Kubescape wrote the zero time
  }

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

  func testWrongTypeNamesFileAndJSONPath() throws {
    let json = #"{"summaryDetails":{"controls":{}},"results":[{"resourceID":"r","controls":[{"controlID":5}]}]}"#
    assertJSONPathError(
      try KubescapeJSONReader.read(try Fixtures.temporary(json, name: "kubescape.json")), file: "kubescape.json",
      path: "$.results[0].controls[0].controlID")
  }
}
