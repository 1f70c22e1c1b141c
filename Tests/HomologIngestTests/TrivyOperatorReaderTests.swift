import Foundation
import HomologIngest
import HomologModel
import XCTest

final class TrivyOperatorReaderTests: XCTestCase {
  private func read(_ name: String) throws -> ReadResult {
    let url = Fixtures.real("trivy-operator/\(name)")
    let head = try XCTUnwrap(FileHead.read(url))
    XCTAssertTrue(AllReaders.detect(head) == TrivyOperatorReader.self, "\(name) not detected as Trivy Operator reports")
    return try TrivyOperatorReader.read(Fixtures.input(url))
  }

  private func count(_ result: ReadResult, _ kind: FindingKind) -> Int { result.findings.filter { $0.kind == kind }.count }

  // Figures below are the ones SOURCES.md reads off each file (each report's summary agrees with them).
  func testVulnerabilityReportOfADeploymentsReplicaSet() throws {
    let result = try read("trivy-operator-vulnerabilityreport-0.38.2-nginx-alpine.json")
    XCTAssertEqual(result.tool, ToolInfo(name: "Trivy", version: "0.38.2"))
    XCTAssertEqual(result.generatedAt, "2023-03-23T16:23:01Z")
    XCTAssertEqual(result.counts(.vulnerability), ["MEDIUM": 25, "LOW": 11, "HIGH": 3, "CRITICAL": 2])
    XCTAssertEqual(result.scans, [.vulnerabilities])
    let first = try XCTUnwrap(result.findings.first)
    XCTAssertEqual(first.ruleId, "CVE-2023-23914")
    XCTAssertEqual(first.package, PackageRef(name: "curl", installedVersion: "7.87.0-r1", fixedVersion: "7.87.0-r2"))
    // ReplicaSet nginx-deployment-965685897 belongs to Deployment nginx-deployment.
    XCTAssertEqual(first.location?.target, "default/Deployment/nginx-deployment index.docker.io/library/nginx:alpine")
    XCTAssertEqual(result.workloads, [ObjectRef(kind: "Deployment", namespace: "default", name: "nginx-deployment", container: "nginx")])
  }

  func testVulnerabilityReportStatingTheImageOS() throws {
    let result = try read("trivy-operator-vulnerabilityreport-0.48.3-ubuntu-extended.json")
    XCTAssertEqual(result.counts(.vulnerability), ["MEDIUM": 5])
    XCTAssertEqual(
      result.images,
      [ImageInfo(
        name: "index.docker.io/library/ubuntu:20.04@sha256:f78909c2b360d866b3220655c0b079838258b8891a12ac25fc670f0cbb54229f",
        osFamily: "ubuntu", osName: "20.04")])
    XCTAssertEqual(result.findings.first?.location?.target?.hasPrefix("lbc/Pod/ubuntu "), true)
  }

  func testConfigAuditReportCountsFailedChecks() throws {
    let result = try read("trivy-operator-configauditreport-replicaset.json")
    XCTAssertEqual(result.counts(.misconfiguration), ["LOW": 11, "MEDIUM": 2])
    XCTAssertEqual(result.scans, [])
    XCTAssertEqual(result.findings.first?.ruleId, "KSV014")
    XCTAssertEqual(result.findings.first?.location?.target, "default/Deployment/nginx-deployment")
  }

  func testExposedSecretReportIsASecretScan() throws {
    let result = try read("trivy-operator-exposedsecretreport-0.38.2.json")
    XCTAssertEqual(result.counts(.secret), ["CRITICAL": 2])
    XCTAssertEqual(result.scans, [.secrets])
    XCTAssertEqual(result.findings.first?.ruleId, "aws-secret-access-key")
    XCTAssertEqual(result.findings.first?.location?.path, "root/aws_secret.txt")
    // The matched text is never kept.
    XCTAssertFalse(result.findings.contains { $0.title.contains("****") })
  }

  func testReportsInATopLevelArray() throws {
    let result = try read("trivy-operator-reports-in-json-list.json")
    XCTAssertEqual(result.counts(.vulnerability), ["MEDIUM": 5])
    XCTAssertEqual(result.counts(.misconfiguration), ["LOW": 11, "MEDIUM": 2])
  }

  func testReportsKeyedByCRD() throws {
    let result = try read("trivy-operator-all-reports-by-crd.json")
    XCTAssertEqual(result.counts(.vulnerability), ["MEDIUM": 25, "LOW": 11, "HIGH": 3, "CRITICAL": 2])
    XCTAssertEqual(result.counts(.misconfiguration), ["LOW": 1])
    XCTAssertEqual(result.counts(.secret), ["CRITICAL": 1])
    XCTAssertEqual(result.scans, [.vulnerabilities, .secrets])
  }

  func testYAMLConfigAuditAndRbacAssessment() throws {
    let pod = try read("trivy-operator-envtest-pod-configauditreport.yaml")
    XCTAssertEqual(pod.counts(.misconfiguration), ["LOW": 9, "MEDIUM": 3, "HIGH": 1])
    XCTAssertEqual(pod.findings.first?.location?.target, "default/Pod/my-pod")
    XCTAssertEqual(pod.findings.first?.location?.line, 33)
    let role = try read("trivy-operator-envtest-role-rbacassessmentreport.yaml")
    XCTAssertEqual(role.counts(.misconfiguration), ["MEDIUM": 1])
    XCTAssertEqual(role.findings.first?.location?.target, "default/Role/proxy")
  }

  /// An InfraAssessmentReport judges the control plane (the platform's, not the project's): recognised, not read.
  func testInfraAssessmentIsRecognisedButLeftOut() throws {
    let result = try read("trivy-operator-envtest-apiserver-infraassessmentreport.yaml")
    XCTAssertEqual(result.findings, [])
    XCTAssertEqual(result.scans, [])
  }

  /// None of these files is a Kubernetes manifest any more.
  func testNoReportIsReadAsAManifest() throws {
    for url in Fixtures.realFiles("trivy-operator") + Fixtures.realFiles("kyverno-policyreport") {
      let head = try XCTUnwrap(FileHead.read(url))
      XCTAssertFalse(KubernetesManifestReader.sniff(head), url.lastPathComponent)
      XCTAssertFalse(KubernetesJSONManifestReader.sniff(head), url.lastPathComponent)
    }
  }

  func testOwningWorkloads() {
    XCTAssertTrue(TrivyOperatorReader.owningWorkload(kind: "ReplicaSet", name: "web-7d4b9c8f6d") == ("Deployment", "web"))
    XCTAssertTrue(TrivyOperatorReader.owningWorkload(kind: "Job", name: "backup-28930140") == ("CronJob", "backup"))
    XCTAssertTrue(TrivyOperatorReader.owningWorkload(kind: "StatefulSet", name: "db-0") == ("StatefulSet", "db-0"))
  }

  func testBrokenYAMLIsRefusedAtItsLine() throws {
    let input = try Fixtures.temporary(
      """
      apiVersion: aquasecurity.github.io/v1alpha1
      kind: VulnerabilityReport
      metadata: {name: r
      report: {}
      """, name: "broken.yaml")
    XCTAssertThrowsError(try TrivyOperatorReader.read(input)) { error in
      let error = error as? InputError
      XCTAssertEqual(error?.location?.file, "broken.yaml")
      XCTAssertEqual(error?.location?.line, 4, error?.description ?? "")
    }
  }

  func testAReportWithoutItsBodyGivesNothingAndAFileWithoutReportsIsRefused() throws {
    let input = try Fixtures.temporary(
      "apiVersion: aquasecurity.github.io/v1alpha1\nkind: VulnerabilityReport\n---\napiVersion: v1\nkind: Secret\n",
      name: "odd.yaml")
    // A report without its `report` member gives nothing, but the file is one (it names a report kind).
    XCTAssertEqual(try TrivyOperatorReader.read(input).findings, [])
    let none = try Fixtures.temporary("[]", name: "empty.json")
    XCTAssertThrowsError(try TrivyOperatorReader.read(none)) { error in
      XCTAssertEqual((error as? InputError)?.location, SourceLocation(file: "empty.json", line: 1))
    }
  }
}
