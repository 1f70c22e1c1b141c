import Foundation
import HomologIngest
import HomologModel
import XCTest

final class KyvernoPolicyReportReaderTests: XCTestCase {
  private func read(_ name: String) throws -> ReadResult {
    let url = Fixtures.real("kyverno-policyreport/\(name)")
    let head = try XCTUnwrap(FileHead.read(url))
    XCTAssertTrue(AllReaders.detect(head) == KyvernoPolicyReportReader.self, "\(name) not detected as a PolicyReport")
    return try KyvernoPolicyReportReader.read(Fixtures.input(url))
  }

  private func statuses(_ result: ReadResult) -> [PolicyResultStatus: Int] {
    result.policyResults.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
  }

  // Figures below are the ones SOURCES.md reads off each file (each report's summary agrees with them).
  /// ClusterPolicyReports judge cluster-scoped objects (Namespaces here), which the platform owns: left out, counted.
  func testFourClusterPolicyReportsAreThePlatformsAndCounted() throws {
    let result = try read("kyverno-chainsaw-background-ns-labels-clusterpolicyreports.yaml")
    XCTAssertEqual(result.policyResults.count, 0)
    XCTAssertEqual(result.findings.count, 0)
    XCTAssertEqual(result.platformReports, ["ClusterPolicyReport": 8])
  }

  func testPodSecurityFailWithItsSeverity() throws {
    let result = try read("kyverno-chainsaw-podsecurity-restricted-fail.yaml")
    XCTAssertEqual(statuses(result), [.fail: 1])
    XCTAssertEqual(result.findings.map(\.originalSeverity), ["medium"])
    XCTAssertEqual(result.policyResults.first?.object, ObjectRef(kind: "Pod", namespace: "default", name: "badpod01"))
    XCTAssertEqual(result.workloads, [ObjectRef(kind: "Pod", namespace: "default", name: "badpod01")])
  }

  func testResultsWithoutRuleOrMessage() throws {
    let result = try read("kyverno-chainsaw-vpol-ivpol-vap-same-name.yaml")
    XCTAssertEqual(statuses(result), [.fail: 1, .pass: 2])
    XCTAssertEqual(result.findings.count, 1)
    XCTAssertNil(result.policyResults.first?.rule)
    XCTAssertEqual(result.policyResults.first?.source, "KyvernoValidatingPolicy")
  }

  func testWarnIsAFinding() throws {
    let result = try read("kyverno-chainsaw-admission-audit-warn.yaml")
    XCTAssertEqual(statuses(result), [.warn: 1])
    XCTAssertEqual(result.findings.count, 1)
    XCTAssertEqual(result.policyResults.first?.object, ObjectRef(kind: "Deployment", namespace: nil, name: "nginx-test"))
  }

  /// kube-bench's CIS results name no object (they judge nodes and the control plane): the platform's, left out and
  /// counted (122 results; SOURCES.md: fail 36, warn 49, pass 37), never project findings.
  func testV1Alpha1ListOfTheKubeBenchAdapterIsThePlatforms() throws {
    let result = try read("wg-policy-kube-bench-adapter-v1alpha1-list.yaml")
    XCTAssertEqual(result.policyResults.count, 0)
    XCTAssertEqual(result.findings.count, 0)
    XCTAssertEqual(result.platformReports, ["PolicyReport": 122])
    XCTAssertEqual(result.tool, ToolInfo(name: "PolicyReport"))
  }

  func testJSONPolicyReportAndAnUnknownStatus() throws {
    let json = try Fixtures.temporary(
      """
      {"apiVersion": "wgpolicyk8s.io/v1alpha2", "kind": "PolicyReport", "metadata": {"name": "r", "namespace": "app"},
       "scope": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "api", "namespace": "app"},
       "results": [{"policy": "disallow-latest", "rule": "validate-image-tag", "result": "fail", "source": "kyverno"},
                   {"policy": "need-liveness-readiness", "rule": "probes", "result": "skip", "source": "kyverno"}]}
      """, name: "polr.json")
    let result = try KyvernoPolicyReportReader.read(json)
    XCTAssertEqual(result.policyResults.map(\.status), [.fail, .skip])
    XCTAssertEqual(result.policyResults.first?.object, ObjectRef(kind: "Deployment", namespace: "app", name: "api"))
    XCTAssertEqual(result.findings.count, 1)
    let broken = try Fixtures.temporary(
      """
      apiVersion: wgpolicyk8s.io/v1alpha2
      kind: PolicyReport
      metadata: {name: r}
      results:
      - policy: p
        result: failed
      """, name: "broken.yaml")
    XCTAssertThrowsError(try KyvernoPolicyReportReader.read(broken)) { error in
      let error = error as? InputError
      XCTAssertEqual(error?.location?.file, "broken.yaml")
      XCTAssertEqual(error?.location?.line, 5)
      XCTAssertEqual(error?.message.contains("found \"failed\""), true, error?.description ?? "")
    }
  }
}
