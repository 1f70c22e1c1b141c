import Foundation
import HomologIngest
import HomologModel
import XCTest

/// Each reader says what its scan looked for, so a clean report proves an absence only for what was scanned.
final class ScanScopeTests: XCTestCase {
  private func scans<Reader: EvidenceReader>(_ reader: Reader.Type, _ relative: String) throws -> Set<ScanScope> {
    try reader.read(Fixtures.input(Fixtures.real(relative))).scans
  }

  func testTrivyImageScanIsAVulnerabilityScanAndAConfigScanIsNot() throws {
    XCTAssertEqual(try scans(TrivyJSONReader.self, "trivy/trivy-image-alpine-3.10-golden.json"), [.vulnerabilities])
    XCTAssertEqual(try scans(TrivyJSONReader.self, "trivy/trivy-config-helm-chart-golden.json"), [])
    XCTAssertEqual(try scans(TrivyJSONReader.self, "trivy/trivy-fs-secrets-golden.json"), [.secrets])
    XCTAssertEqual(try scans(TrivyJSONReader.self, "trivy/trivy-fs-vulns-misconfig-secrets.json"), [.vulnerabilities, .secrets])
    XCTAssertEqual(try scans(TrivyJSONReader.self, "trivy/trivy-legacy-list-debian-10.8.json"), [.vulnerabilities])
  }

  func testScannersOfOneKindDeclareItEvenWhenClean() throws {
    XCTAssertEqual(try scans(GrypeJSONReader.self, "grype/grype-amazonlinux2.json"), [.vulnerabilities])
    XCTAssertEqual(try scans(DependencyCheckXMLReader.self, "dependency-check/dependency-check-6.5.3.xml"), [.vulnerabilities])
    XCTAssertEqual(try scans(GitleaksJSONReader.self, "gitleaks/gitleaks-8-simple-golden.json"), [.secrets])
    XCTAssertEqual(try scans(SARIFReader.self, "sarif/semgrep-oss-1.69.0.sarif"), [.codeAnalysis])
    XCTAssertEqual(try scans(SARIFReader.self, "sarif/gitleaks-8-simple-golden.sarif"), [.secrets])
    XCTAssertEqual(try scans(SARIFReader.self, "sarif/checkov-3.3.30-online-boutique.sarif"), [])
    XCTAssertEqual(try scans(CheckovJSONReader.self, "checkov/checkov-3.3.30-online-boutique.json"), [])
    XCTAssertEqual(try scans(KubescapeJSONReader.self, "kubescape/kubescape-results.json"), [])
    XCTAssertEqual(try scans(KubeLinterJSONReader.self, "kube-linter/kube-linter-many.json"), [])
    XCTAssertEqual(try scans(PolarisJSONReader.self, "polaris/polaris-many.json"), [])
    XCTAssertEqual(try scans(GitLabSecurityJSONReader.self, "gitlab-security/gitlab-container-scanning-15.0.6-trivy-0.36.1.json"), [.vulnerabilities])
    XCTAssertEqual(try scans(GitLabSecurityJSONReader.self, "gitlab-security/gitlab-secret-detection-14.0-gitleaks-7.5.0.json"), [.secrets])
    XCTAssertEqual(try scans(GitLabSecurityJSONReader.self, "gitlab-security/gitlab-sast-15.1.4-semgrep-sage.json"), [.codeAnalysis])
  }

  func testPlatformReportsDeclareWhatTheyScanned() throws {
    XCTAssertEqual(try scans(HarborJSONReader.self, "harbor/harbor-trivy-0.44.0-report-1.1.json"), [.vulnerabilities])
    XCTAssertEqual(try scans(TrivyOperatorReader.self, "trivy-operator/trivy-operator-vulnerabilityreport-0.48.3-ubuntu-extended.json"), [.vulnerabilities])
    XCTAssertEqual(try scans(TrivyOperatorReader.self, "trivy-operator/trivy-operator-exposedsecretreport-0.38.2.json"), [.secrets])
    XCTAssertEqual(try scans(TrivyOperatorReader.self, "trivy-operator/trivy-operator-configauditreport-replicaset.json"), [])
    XCTAssertEqual(try scans(KyvernoPolicyReportReader.self, "kyverno-policyreport/kyverno-chainsaw-admission-audit-warn.yaml"), [])
  }

  func testASonarQubeGateStatusIsNoCodeAnalysisButIssuesAre() throws {
    XCTAssertEqual(try scans(SonarQubeJSONReader.self, "sonarqube/sonarqube-api-qualitygates-project-status-example.json"), [])
    XCTAssertEqual(try scans(SonarQubeJSONReader.self, "sonarqube/sonarqube-issues-api.json"), [.codeAnalysis])
    XCTAssertEqual(try scans(SonarQubeJSONReader.self, "sonarqube/sonar-report-vulnerable-flask-app.json"), [.codeAnalysis])
    XCTAssertEqual(try scans(SonarQubeReportTaskReader.self, "sonarqube/sonar-scanner-report-task-sonarqube-7.7.txt"), [])
  }

  func testAPlainSBOMIsNoVulnerabilityReport() throws {
    XCTAssertEqual(try scans(CycloneDXJSONReader.self, "cyclonedx/trivy-npm-golden.cdx.json"), [.vulnerabilities])
    // The same genuine BOM without its `vulnerabilities` member: a plain SBOM, which proves no absence.
    let url = Fixtures.real("cyclonedx/trivy-npm-golden.cdx.json")
    var bom = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    bom.removeValue(forKey: "vulnerabilities")
    let text = String(decoding: try JSONSerialization.data(withJSONObject: bom), as: UTF8.self)
    XCTAssertEqual(try CycloneDXJSONReader.read(try Fixtures.temporary(text, name: "sbom.cdx.json")).scans, [])
  }
}
