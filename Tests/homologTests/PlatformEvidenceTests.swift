import Foundation
import XCTest

/// The platform's own evidence (Trivy Operator reports, Kyverno PolicyReports) through the whole pipeline.
final class PlatformEvidenceTests: XCTestCase {
  private let real = CLI.repository.appendingPathComponent("Tests/Fixtures/real")

  /// A one-component project whose only evidence is what the cluster reported about it.
  private func evaluate(_ files: [String]) throws -> (dossier: [String: Any], folder: URL) {
    let dir = try CLI.temporaryDirectory()
    let reports = dir.appendingPathComponent("reports/api")
    try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
    for file in files {
      try FileManager.default.copyItem(at: real.appendingPathComponent(file), to: reports.appendingPathComponent((file as NSString).lastPathComponent))
    }
    try """
      project:
        name: "Plateforme"
      components:
        - name: api
          role: backend
          evidence: [reports/api]
      """.write(to: dir.appendingPathComponent("homolog.yaml"), atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out")
    let run = try CLI.run(["evaluate", "--config", dir.appendingPathComponent("homolog.yaml").path, "--out", out.path, "--as-of", "2026-11-22", "--quiet"])
    XCTAssertTrue([0, 1].contains(run.status), run.stderr)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("dossier.json"))) as! [String: Any]
    return (json, out)
  }

  /// Reports the platform owns are listed, but `--strict` refuses only files no reader recognised.
  func testStrictDoesNotRefuseReportsThePlatformOwns() throws {
    let (_, out) = try evaluate(["kyverno-policyreport/wg-policy-kube-bench-adapter-v1alpha1-list.yaml"])
    let config = out.deletingLastPathComponent().appendingPathComponent("homolog.yaml")
    let strict = try CLI.run(["evaluate", "--config", config.path, "--out", out.path, "--as-of", "2026-11-22", "--quiet", "--strict"])
    XCTAssertTrue([0, 1].contains(strict.status), strict.stderr)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("dossier.json"))) as! [String: Any]
    let reason = try XCTUnwrap((json["ignored"] as? [[String: Any]])?.first?["reason"] as? [String: Any])
    XCTAssertEqual(reason["kind"] as? String, "PolicyReport")
    XCTAssertEqual(reason["count"] as? Int, 122)
  }

  private func requirement(_ dossier: [String: Any], _ id: String) throws -> [String: Any] {
    try XCTUnwrap((dossier["requirements"] as! [[String: Any]]).first { $0["id"] as? String == id }, id)
  }

  private func check(_ requirement: [String: Any], _ id: String) throws -> [String: Any] {
    try XCTUnwrap((requirement["checks"] as! [[String: Any]]).first { $0["id"] as? String == id }, id)
  }

  /// A VulnerabilityReport with CRITICAL vulnerabilities (nginx:alpine, Trivy 0.38.2: CRITICAL 2) fails EXI-ORG-13,
  /// and is not Kubernetes evidence: the container checks have nothing to judge (no evidence), never pass.
  func testACriticalVulnerabilityReportFailsExiOrg13() throws {
    let (dossier, out) = try evaluate(["trivy-operator/trivy-operator-vulnerabilityreport-0.38.2-nginx-alpine.json"])
    let org13 = try requirement(dossier, "EXI-ORG-13")
    XCTAssertEqual(org13["status"] as? String, "non_conforme")
    let thresholds = try check(org13, "vuln.thresholds")
    XCTAssertEqual(thresholds["outcome"] as? String, "fail")
    let evidence = try XCTUnwrap((dossier["evidence"] as? [[String: Any]])?.first)
    XCTAssertEqual(evidence["format"] as? String, "trivy-operator")
    let findings = dossier["findings"] as! [[String: Any]]
    XCTAssertEqual(findings.filter { $0["severity"] as? String == "critical" }.count, 2)
    XCTAssertTrue(findings.allSatisfy { (($0["location"] as? [String: Any])?["target"] as? String)?.hasPrefix("default/Deployment/nginx-deployment ") == true })
    let tag = try check(try requirement(dossier, "EXI-ARCH-27"), "k8s.image-tag-pinned")
    XCTAssertEqual(tag["outcome"] as? String, "no_evidence")
    XCTAssertNil(dossier["admission_reported"], "no PolicyReport read")
    let html = try String(contentsOf: out.appendingPathComponent("dossier.html"), encoding: .utf8)
    XCTAssertTrue(html.contains("CVE-2023-23914"))
  }

  /// Harbor's scan of the image is judged as Trivy's image scans are (Clair sample: Critical 2).
  func testAHarborReportWithCriticalVulnerabilitiesFailsVulnThresholds() throws {
    let (dossier, _) = try evaluate(["harbor/harbor-clair-2.x-five-vulns.json"])
    let org13 = try requirement(dossier, "EXI-ORG-13")
    XCTAssertEqual(try check(org13, "vuln.thresholds")["outcome"] as? String, "fail")
    let evidence = try XCTUnwrap((dossier["evidence"] as? [[String: Any]])?.first)
    XCTAssertEqual(evidence["format"] as? String, "harbor-json")
  }

  /// The genuine 1.1 response states severity Critical while its entries peak at High: the missing worst vulnerability
  /// is counted, visible among the findings, and fails the thresholds the listed entries alone would pass.
  func testAHarborReportStatingASeverityAboveItsEntriesFailsVulnThresholds() throws {
    let (dossier, _) = try evaluate(["harbor/harbor-trivy-0.44.0-report-1.1.json"])
    let org13 = try requirement(dossier, "EXI-ORG-13")
    XCTAssertEqual(try check(org13, "vuln.thresholds")["outcome"] as? String, "fail")
    let findings = try XCTUnwrap(dossier["findings"] as? [[String: Any]])
    XCTAssertEqual(findings.filter { $0["rule_id"] as? String == "harbor-report-severity" }.map { $0["severity"] as? String }, ["critical"])
  }

  /// An ExposedSecretReport is a secret scan: EXI-ARCH-22's `secrets.none` judges it.
  func testAnExposedSecretReportIsJudgedBySecretsNone() throws {
    let (dossier, _) = try evaluate(["trivy-operator/trivy-operator-exposedsecretreport-0.38.2.json"])
    let secrets = try check(try requirement(dossier, "EXI-ARCH-22"), "secrets.none")
    XCTAssertEqual(secrets["outcome"] as? String, "fail")
  }

  /// PolicyReports feed the admission section: what the cluster reported per policy, beside the predictions.
  /// ClusterPolicyReports judge cluster-scoped objects (here Namespaces), which the platform owns: left out, and listed
  /// with their count among the ignored files (8 results), never silently.
  func testPolicyReportsShowWhatTheClusterReported() throws {
    let (dossier, out) = try evaluate([
      "kyverno-policyreport/kyverno-chainsaw-background-ns-labels-clusterpolicyreports.yaml",
      "kyverno-policyreport/kyverno-chainsaw-admission-audit-warn.yaml",
    ])
    let reported = try XCTUnwrap(dossier["admission_reported"] as? [[String: Any]])
    XCTAssertEqual(Set(reported.compactMap { $0["policy"] as? String }), ["require-multiple-replicas"])
    let ignored = try XCTUnwrap(dossier["ignored"] as? [[String: Any]])
    XCTAssertEqual(ignored.count, 1)
    XCTAssertEqual(ignored.first?["path"] as? String, "reports/api/kyverno-chainsaw-background-ns-labels-clusterpolicyreports.yaml")
    let reason = try XCTUnwrap(ignored.first?["reason"] as? [String: Any])
    XCTAssertEqual(reason["code"] as? String, "platform-reports")
    XCTAssertEqual(reason["kind"] as? String, "ClusterPolicyReport")
    XCTAssertEqual(reason["count"] as? Int, 8)
    let replicas = try XCTUnwrap(reported.first { $0["policy"] as? String == "require-multiple-replicas" })
    XCTAssertEqual((replicas["results"] as? [[String: Any]])?.first?["status"] as? String, "warn")
    let markdown = try String(contentsOf: out.appendingPathComponent("dossier.md"), encoding: .utf8)
    XCTAssertTrue(markdown.contains("Ce que le cluster a signalé"), "French admission section")
    let html = try String(contentsOf: out.appendingPathComponent("dossier.html"), encoding: .utf8)
    XCTAssertTrue(html.contains("8 résultats ou rapports ClusterPolicyReport laissés de côté"), "left out, said in the dossier")
  }

  /// A report kept apart from the components' folders lands on the component whose manifests declare its workload
  /// (ReplicaSet nginx-deployment-965685897 → Deployment nginx-deployment, namespace default).
  func testAReportLandsOnTheComponentThatDeclaresItsWorkload() throws {
    let dir = try CLI.temporaryDirectory()
    for folder in ["web", "worker", "cluster"] {
      try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    try """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: nginx-deployment, namespace: default}
      spec:
        template:
          spec:
            containers: [{name: nginx, image: "registry.example/nginx:1.25"}]
      """.write(to: dir.appendingPathComponent("web/deployment.yaml"), atomically: true, encoding: .utf8)
    try """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: nginx-deployment, namespace: other}
      spec:
        template:
          spec:
            containers: [{name: nginx, image: "registry.example/nginx:1.25"}]
      """.write(to: dir.appendingPathComponent("worker/deployment.yaml"), atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(
      at: real.appendingPathComponent("trivy-operator/trivy-operator-vulnerabilityreport-0.38.2-nginx-alpine.json"),
      to: dir.appendingPathComponent("cluster/vulnerabilityreport.json"))
    try """
      project:
        name: "Plateforme"
      components:
        - name: web
          role: backend
          evidence: [web]
        - name: worker
          role: backend
          evidence: [worker]
      evidence: [cluster]
      """.write(to: dir.appendingPathComponent("homolog.yaml"), atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out")
    let run = try CLI.run(["evaluate", "--config", dir.appendingPathComponent("homolog.yaml").path, "--out", out.path, "--as-of", "2026-11-22", "--quiet"])
    XCTAssertTrue([0, 1].contains(run.status), run.stderr)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("dossier.json"))) as! [String: Any]
    let report = try XCTUnwrap((json["evidence"] as? [[String: Any]])?.first { $0["path"] as? String == "cluster/vulnerabilityreport.json" })
    XCTAssertEqual(report["components"] as? [String], ["web"])
  }

  /// `kubectl get vulnerabilityreports,configauditreports -n app -o yaml`: one List naming web's and worker's workloads.
  /// The file is attributed to both components, but each finding lands only on the component declaring its workload.
  func testAListNamingTwoComponentsWorkloadsSplitsItsFindings() throws {
    let dir = try CLI.temporaryDirectory()
    for folder in ["web", "worker", "cluster"] {
      try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    for name in ["web", "worker"] {
      try """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: \(name), namespace: app}
        spec:
          template:
            spec:
              containers: [{name: main, image: "registry.example/\(name):1.0"}]
        """.write(to: dir.appendingPathComponent("\(name)/deployment.yaml"), atomically: true, encoding: .utf8)
    }
    try """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: aquasecurity.github.io/v1alpha1
        kind: VulnerabilityReport
        metadata:
          name: replicaset-web-7d4b9c8f6d-main
          namespace: app
          labels: {trivy-operator.resource.kind: ReplicaSet, trivy-operator.resource.name: web-7d4b9c8f6d, trivy-operator.resource.namespace: app}
        report:
          scanner: {name: Trivy, version: 0.50.0}
          artifact: {repository: web, tag: "1.0"}
          vulnerabilities:
          - {vulnerabilityID: CVE-2024-0001, resource: openssl, installedVersion: "3.0.1", severity: CRITICAL, title: web's}
      - apiVersion: aquasecurity.github.io/v1alpha1
        kind: ConfigAuditReport
        metadata:
          name: replicaset-worker-5f6c7d8e9a
          namespace: app
          labels: {trivy-operator.resource.kind: ReplicaSet, trivy-operator.resource.name: worker-5f6c7d8e9a, trivy-operator.resource.namespace: app}
        report:
          scanner: {name: Trivy, version: 0.50.0}
          checks:
          - {checkID: KSV014, severity: LOW, success: false, messages: [worker's]}
      """.write(to: dir.appendingPathComponent("cluster/reports.yaml"), atomically: true, encoding: .utf8)
    try """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: wgpolicyk8s.io/v1alpha2
        kind: PolicyReport
        metadata: {name: web-report, namespace: app}
        scope: {apiVersion: apps/v1, kind: Deployment, name: web, namespace: app}
        results:
        - {policy: require-labels, rule: check-tier, result: fail, message: web's}
      - apiVersion: wgpolicyk8s.io/v1alpha2
        kind: PolicyReport
        metadata: {name: worker-report, namespace: app}
        scope: {apiVersion: apps/v1, kind: Deployment, name: worker, namespace: app}
        results:
        - {policy: require-labels, rule: check-tier, result: fail, message: worker's}
      """.write(to: dir.appendingPathComponent("cluster/policyreports.yaml"), atomically: true, encoding: .utf8)
    try """
      project:
        name: "Plateforme"
      components:
        - name: web
          role: backend
          evidence: [web]
        - name: worker
          role: backend
          evidence: [worker]
      evidence: [cluster]
      """.write(to: dir.appendingPathComponent("homolog.yaml"), atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out")
    let run = try CLI.run(["evaluate", "--config", dir.appendingPathComponent("homolog.yaml").path, "--out", out.path, "--as-of", "2026-11-22", "--quiet"])
    XCTAssertTrue([0, 1].contains(run.status), run.stderr)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("dossier.json"))) as! [String: Any]
    let report = try XCTUnwrap((json["evidence"] as? [[String: Any]])?.first { $0["path"] as? String == "cluster/reports.yaml" })
    XCTAssertEqual(report["components"] as? [String], ["web", "worker"])
    let findings = try XCTUnwrap(json["findings"] as? [[String: Any]]).filter { $0["evidence"] as? String == "cluster/reports.yaml" }
    let landing = Dictionary(uniqueKeysWithValues: findings.map { ($0["rule_id"] as? String ?? "", $0["components"] as? [String] ?? []) })
    XCTAssertEqual(landing, ["CVE-2024-0001": ["web"], "KSV014": ["worker"]])
    let reported = try XCTUnwrap((json["admission_reported"] as? [[String: Any]])?.first { $0["policy"] as? String == "require-labels" })
    let results = try XCTUnwrap(reported["results"] as? [[String: Any]])
    XCTAssertEqual(results.map { $0["message"] as? String ?? "" }, ["web's", "worker's"])
    XCTAssertEqual(results.map { $0["components"] as? [String] ?? [] }, [["web"], ["worker"]])
    let policyFindings = try XCTUnwrap(json["findings"] as? [[String: Any]]).filter { $0["evidence"] as? String == "cluster/policyreports.yaml" }
    XCTAssertEqual(Set(policyFindings.map { $0["title"] as? String ?? "" }), ["web's", "worker's"])
    for finding in policyFindings {
      XCTAssertEqual(finding["components"] as? [String], [finding["title"] as? String == "web's" ? "web" : "worker"])
    }
  }
}
