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
    XCTAssertEqual(result.platformReports, ["InfraAssessmentReport": 1])
  }

  /// None of these files is a Kubernetes manifest any more.
  func testNoReportIsReadAsAManifest() throws {
    let urls = Fixtures.realFiles("trivy-operator") + Fixtures.realFiles("kyverno-policyreport")
    XCTAssertFalse(urls.isEmpty, "no genuine report fixture found")
    for url in urls {
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
    let input = try Fixtures.temporary("apiVersion: aquasecurity.github.io/v1alpha1\nkind: VulnerabilityReport\n", name: "odd.yaml")
    // A report without its `report` member gives nothing, but the file is one (it names a report kind).
    XCTAssertEqual(try TrivyOperatorReader.read(input).findings, [])
    let none = try Fixtures.temporary("[]", name: "empty.json")
    XCTAssertThrowsError(try TrivyOperatorReader.read(none)) { error in
      XCTAssertEqual((error as? InputError)?.location, SourceLocation(file: "empty.json", line: 1))
    }
  }

  // MARK: one reader per file: what another reader would read is refused where it stands, never dropped

  /// `kubectl get deploy,vulnerabilityreports -o yaml` with more than 64 KiB of manifests before the report: the file is
  /// detected as manifests from its head, and the report, which would be lost there, is refused at its line.
  func testAReportAfter64KiBOfManifestsIsRefusedAtItsLine() throws {
    let manifests = ["online-boutique-release-manifests.yaml", "sock-shop-complete-demo.yaml"]
    var text = ""
    while text.utf8.count <= FileHead.size {
      for name in manifests {
        text += try String(contentsOf: Fixtures.real("kubernetes/\(name)"), encoding: .utf8)
        if !text.hasSuffix("\n") { text += "\n" }
        text += "---\n"
      }
    }
    let reportLine = text.split(separator: "\n", omittingEmptySubsequences: false).count
    text += try String(contentsOf: Fixtures.real("trivy-operator/trivy-operator-vulnerabilityreport-0.38.2-nginx-alpine.json"), encoding: .utf8)
    let input = try Fixtures.temporary(text, name: "deploy-and-reports.yaml")
    XCTAssertTrue(AllReaders.detect(try XCTUnwrap(FileHead.read(input.url))) == KubernetesManifestReader.self)
    XCTAssertThrowsError(try KubernetesManifestReader.read(input)) { error in
      let error = error as? InputError
      XCTAssertEqual(error?.location, SourceLocation(file: "deploy-and-reports.yaml", line: reportLine), error?.description ?? "")
      XCTAssertTrue(error?.message.contains("VulnerabilityReport \"replicaset-nginx-deployment-965685897-nginx\"") == true, "\(String(describing: error))")
      XCTAssertTrue(error?.message.contains("keep reports in their own file, e.g. `kubectl get vulnerabilityreports") == true)
    }
  }

  /// A manifest among reports, and a PolicyReport among Trivy Operator reports, are refused at their line.
  func testAManifestOrTheOtherFamilyInAReportFileIsRefusedAtItsLine() throws {
    let report = "apiVersion: aquasecurity.github.io/v1alpha1\nkind: VulnerabilityReport\nmetadata: {name: r}\n"
    let mixed = try Fixtures.temporary(report + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n", name: "mixed.yaml")
    XCTAssertTrue(AllReaders.detect(try XCTUnwrap(FileHead.read(mixed.url))) == TrivyOperatorReader.self)
    XCTAssertThrowsError(try TrivyOperatorReader.read(mixed)) { error in
      let error = error as? InputError
      XCTAssertEqual(error?.location, SourceLocation(file: "mixed.yaml", line: 5))
      XCTAssertTrue(error?.message.hasPrefix("Deployment \"web\" (apps/v1) is not a Trivy Operator report") == true, "\(String(describing: error))")
    }
    let families = try Fixtures.temporary(
      report + "---\napiVersion: wgpolicyk8s.io/v1alpha2\nkind: PolicyReport\nmetadata: {name: p, namespace: app}\nresults: []\n",
      name: "families.yaml")
    XCTAssertThrowsError(try TrivyOperatorReader.read(families)) { error in
      let error = error as? InputError
      XCTAssertEqual(error?.location, SourceLocation(file: "families.yaml", line: 5))
      XCTAssertTrue(error?.message.contains("kubectl get policyreports -A -o yaml") == true, "\(String(describing: error))")
    }
    let policies = try Fixtures.temporary(
      "apiVersion: wgpolicyk8s.io/v1alpha2\nkind: PolicyReport\nmetadata: {name: p, namespace: app}\nresults: []\n---\n" + report,
      name: "policies.yaml")
    XCTAssertTrue(AllReaders.detect(try XCTUnwrap(FileHead.read(policies.url))) != KubernetesManifestReader.self)
    XCTAssertThrowsError(try KyvernoPolicyReportReader.read(policies)) { error in
      XCTAssertEqual((error as? InputError)?.location, SourceLocation(file: "policies.yaml", line: 6))
    }
  }
}
