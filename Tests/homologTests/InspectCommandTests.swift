import Foundation
import XCTest

/// `homolog inspect --json` on every genuine fixture reports the figures the producing tool states
/// (Tests/Fixtures/real/SOURCES.md): severity counts, coverage totals, test counts.
final class InspectCommandTests: XCTestCase {
  /// Expected figures per fixture: findings (critical, high, medium, low, info), lines and branches (covered/total), tests.
  struct Facts {
    var format: String
    var findings: [Int]? = nil
    var lines: [Int]? = nil
    var branches: [Int]? = nil
    var tests: [Int]? = nil
  }

  static let facts: [String: Facts] = [
    "trivy/trivy-image-alpine-3.10-golden.json": Facts(format: "trivy-json", findings: [0, 0, 4, 0, 0]),
    "trivy/trivy-image-teamdojo-alpine-3.9.json": Facts(format: "trivy-json", findings: [1, 1, 3, 0, 0]),
    "trivy/trivy-config-helm-chart-golden.json": Facts(format: "trivy-json", findings: nil),
    "trivy/trivy-legacy-list-debian-10.8.json": Facts(format: "trivy-json", findings: [0, 18, 9, 65, 1]),
    "cobertura/coverage-py-7.17.3-more-itertools-10.5.0.xml": Facts(format: "cobertura-xml", lines: [1897, 1908], branches: [743, 758]),
    "cobertura/gcovr-8.8-cjson-1.7.15.xml": Facts(format: "cobertura-xml", lines: [1788, 2009], branches: [1082, 1374]),
    "cobertura/coverlet-csharp.cobertura.xml": Facts(format: "cobertura-xml", lines: [289, 402], branches: [87, 170]),
    "cobertura/istanbul-typescript-jenkins.cobertura.xml": Facts(format: "cobertura-xml", lines: [63, 156], branches: [25, 41]),
    "jacoco/jacoco-codingstyle.xml": Facts(format: "jacoco-xml", lines: [294, 323], branches: [109, 116]),
    "jacoco/jacoco-gradle-groovy-shared-library.xml": Facts(format: "jacoco-xml", lines: [225, 225], branches: [124, 128]),
    "clover/clover-maven-1.3.13.xml": Facts(format: "clover-xml", lines: [2, 18], branches: [1, 2]),
    "clover/nyc-15.1.0-node-ini-3.0.1-foo.clover.xml": Facts(format: "clover-xml", lines: [109, 118], branches: [92, 100]),
    "lcov/coverage-py-7.17.3-more-itertools-10.5.0.lcov": Facts(format: "lcov", lines: [1897, 1908], branches: [743, 758]),
    "lcov/lcov-1.16-cjson-1.7.15.info": Facts(format: "lcov", lines: [1788, 2009], branches: [1082, 1374]),
    "lcov/nyc-15.1.0-node-ini-3.0.1-foo.lcov.info": Facts(format: "lcov", lines: [109, 118], branches: [92, 100]),
    "go-coverprofile/go-1.19-google-uuid-1.3.0.coverage.out": Facts(format: "go-coverprofile", lines: [277, 316]),
    "go-coverprofile/go-1.19-pmezard-go-difflib-1.0.0.coverage.out": Facts(format: "go-coverprofile", lines: [274, 297]),
    "junit/surefire-3.0-MyTest-one-failure.xml": Facts(format: "junit-xml", tests: [4, 1, 0, 0]),
    "junit/surefire-3.0-testsuites-26-suites.xml": Facts(format: "junit-xml", tests: [257, 0, 0, 0]),
    "junit/pytest-9.2.0-more-itertools-10.5.0.xml": Facts(format: "junit-xml", tests: [664, 0, 0, 1]),
    "junit/ctest-3.25-cjson-1.7.15.xml": Facts(format: "junit-xml", tests: [22, 0, 0, 0]),
    // Scanner results in JUnit form: findings (Checkov states severity NONE without a platform key: info), no tests.
    "junit/checkov-3.3.30-online-boutique.junit.xml": Facts(format: "scanner-junit-xml", findings: [0, 0, 0, 0, 113]),
    "junit/trivy-junit-tpl-fs-vulns-misconfig-secrets.xml": Facts(format: "scanner-junit-xml", findings: [0, 2, 1, 0, 0]),
    "junit/trivy-junit-tpl-image-teamdojo-alpine-3.9.xml": Facts(format: "scanner-junit-xml", findings: [1, 1, 3, 0, 0]),
    "junit/trivy-junit-tpl-2020-bare-image-teamdojo-alpine-3.9.xml": Facts(format: "scanner-junit-xml", findings: [1, 1, 3, 0, 0]),
    "junit/trivy-junit-tpl-2022-bare-pairs-fs-vulns-misconfig-secrets.xml": Facts(format: "scanner-junit-xml", findings: [0, 2, 1, 0, 0]),
    // Kubescape states no severity in JUnit: its 16 failed controls are info.
    "junit/kubescape-junit-printer-golden-nsa.xml": Facts(format: "scanner-junit-xml", findings: [0, 0, 0, 0, 16]),
    "dependency-check/dependency-check-6.4.1-golang.xml": Facts(format: "dependency-check-xml", findings: [1, 11, 20, 2, 0]),
    "dependency-check/dependency-check-6.4.1-golang.json": Facts(format: "dependency-check-json", findings: [1, 11, 20, 2, 0]),
    "dependency-check/dependency-check-6.5.3.xml": Facts(format: "dependency-check-xml", findings: [0, 0, 0, 1, 0]),
    // Grype's None/Unknown/Negligible count as info.
    "grype/grype-amazonlinux2.json": Facts(format: "grype-json", findings: [0, 6, 6, 1, 3]),
    "grype/grype-0.96-rhel-8.7.json": Facts(format: "grype-json", findings: [1, 18, 13, 2, 1]),
    // SARIF: error → high, warning (also the default when a result states no level) → medium, note/none → info;
    // a `security-severity` property, when present, decides instead (Semgrep).
    "sarif/bandit-1.9.4-examples.sarif": Facts(format: "sarif", findings: [0, 134, 303, 0, 160]),
    "sarif/codeql-2.5.4.sarif": Facts(format: "sarif", findings: [0, 11, 4, 0, 57]),
    "sarif/checkov-3.3.30-online-boutique.sarif": Facts(format: "sarif", findings: [0, 113, 0, 0, 0]),
    "sarif/dependency-check-6.1.2.sarif": Facts(format: "sarif", findings: [0, 13, 0, 0, 0]),
    "sarif/gitleaks-7.4.0.sarif": Facts(format: "sarif", findings: [0, 0, 8, 0, 0]),
    "sarif/gitleaks-8-simple-golden.sarif": Facts(format: "sarif", findings: [0, 0, 1, 0, 0]),
    "sarif/semgrep-oss-1.69.0.sarif": Facts(format: "sarif", findings: [34, 1, 42, 0, 0]),
    "sarif/trivy-alpine-3.10-golden.sarif": Facts(format: "sarif", findings: [0, 0, 4, 0, 0]),
    "gitleaks/gitleaks-8-many.json": Facts(format: "gitleaks-json", findings: [0, 4, 0, 0, 0]),
    "gitleaks/gitleaks-8-simple-golden.json": Facts(format: "gitleaks-json", findings: [0, 1, 0, 0, 0]),
    "sonarqube/sonarqube-issues-api.json": Facts(format: "sonarqube-json", findings: [0, 1, 2, 0, 0]),
    "cyclonedx/grype-0.41.0-log4j.cdx.json": Facts(format: "cyclonedx-json", findings: [4, 1, 3, 0, 0]),
    "cyclonedx/trivy-npm-golden.cdx.json": Facts(format: "cyclonedx-json", findings: [0, 0, 1, 0, 0]),
    "cyclonedx/dependency-track-4.11.4-dropwizard-vulns.cdx.json": Facts(format: "cyclonedx-json", findings: [10, 49, 19, 7, 2]),
    "istanbul/nyc-15.1.0-node-ini-3.0.1-foo.coverage-final.json": Facts(format: "istanbul-json", lines: [109, 118], branches: [92, 100]),
    "istanbul/nyc-15.1.0-node-ini-3.0.1-foo.coverage-summary.json": Facts(format: "istanbul-summary-json", lines: [109, 118], branches: [92, 100]),
    "istanbul/jest-ts-jest-template-windows.coverage-summary.json": Facts(format: "istanbul-summary-json", lines: [15, 15], branches: [0, 0]),
    // Tools lane: severities as SOURCES.md counts them (GitLab's Unknown and a missing severity are info; Polaris
    // danger → high, warning → medium; Checkov without platform key and kube-linter state none: info).
    "gitlab-security/gitlab-container-scanning-14.0.6-trivy-ecr.json": Facts(format: "gitlab-security-json", findings: [12, 58, 26, 2, 0]),
    "gitlab-security/gitlab-container-scanning-15.0.6-trivy-0.36.1.json": Facts(format: "gitlab-security-json", findings: [0, 6, 33, 58, 0]),
    "gitlab-security/gitlab-dependency-scanning-3.0-gemnasium-2.24.1.json": Facts(format: "gitlab-dependency-scanning-json", findings: [0, 5, 0, 0, 1]),
    "gitlab-security/gitlab-sast-14.0-security-code-scan-no-severity.json": Facts(format: "gitlab-security-json", findings: [0, 0, 0, 0, 1]),
    "gitlab-security/gitlab-sast-15.1.4-semgrep-sage.json": Facts(format: "gitlab-security-json", findings: [0, 2, 6, 0, 0]),
    "gitlab-security/gitlab-sast-2.3-multi-analyzer-many.json": Facts(format: "gitlab-security-json", findings: [13, 4, 143, 41, 266]),
    "gitlab-security/gitlab-sast-3.0-find-sec-bugs-4.2.0.json": Facts(format: "gitlab-security-json", findings: [0, 2, 1, 0, 0]),
    "gitlab-security/gitlab-secret-detection-14.0-gitleaks-7.5.0.json": Facts(format: "gitlab-security-json", findings: [3, 0, 0, 0, 0]),
    "checkov/checkov-3.3.30-online-boutique.json": Facts(format: "checkov-json", findings: [0, 0, 0, 0, 113]),
    // Clean reports of a scanner: zero findings is a figure (SOURCES.md: Kubescape 33 controls passed, Polaris 0 failed checks).
    "kubescape/kubescape-results.json": Facts(format: "kubescape-json", findings: [0, 0, 0, 0, 0]),
    "kube-linter/kube-linter-many.json": Facts(format: "kube-linter-json", findings: [0, 0, 0, 0, 7]),
    "polaris/polaris-many.json": Facts(format: "polaris-json", findings: [0, 4, 17, 0, 0]),
    "polaris/polaris-audit-deploy-example.json": Facts(format: "polaris-json", findings: [0, 0, 0, 0, 0]),
    "sonarqube/sonar-report-branch-new-severities.json": Facts(format: "sonarqube-json", findings: [0, 2, 1, 0, 0]),
  ]

  func testInspectJSONReportsTheProducingToolsOwnFigures() throws {
    let paths = Self.facts.keys.sorted()
    let result = try CLI.run(["inspect", "--json"] + paths.map { "Tests/Fixtures/real/\($0)" })
    XCTAssertEqual(result.status, 0, result.stderr)
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let files = json["files"] as! [[String: Any]]
    XCTAssertEqual(files.count, paths.count)
    for file in files {
      let path = (file["path"] as! String).replacingOccurrences(of: "Tests/Fixtures/real/", with: "")
      let facts = try XCTUnwrap(Self.facts[path], path)
      XCTAssertEqual(file["format"] as? String, facts.format, path)
      if let expected = facts.findings {
        let findings = try XCTUnwrap(file["findings"] as? [String: Int], path)
        XCTAssertEqual(["critical", "high", "medium", "low", "info"].map { findings[$0]! }, expected, path)
        XCTAssertEqual(findings["total"], expected.reduce(0, +), path)
      }
      if let expected = facts.lines {
        let lines = try XCTUnwrap((file["coverage"] as? [String: Any])?["lines"] as? [String: Int], path)
        XCTAssertEqual([lines["covered"]!, lines["total"]!], expected, path)
      }
      if let expected = facts.branches {
        let branches = try XCTUnwrap((file["coverage"] as? [String: Any])?["branches"] as? [String: Int], path)
        XCTAssertEqual([branches["covered"]!, branches["total"]!], expected, path)
      }
      if let expected = facts.tests {
        let tests = try XCTUnwrap(file["tests"] as? [String: Int], path)
        XCTAssertEqual(["total", "failed", "errored", "skipped"].map { tests[$0]! }, expected, path)
      }
    }
  }

  /// A quality-gate status and sonar-scanner's `report-task.txt` are no findings reports: no finding count, not even zero.
  func testSonarQubeGateAndReportTaskPrintNoFindingCount() throws {
    let paths = ["sonarqube/sonar-scanner-report-task-sonarqube-7.7.txt", "sonarqube/sonarqube-api-qualitygates-project-status-example.json"]
    let result = try CLI.run(["inspect", "--json"] + paths.map { "Tests/Fixtures/real/\($0)" })
    XCTAssertEqual(result.status, 0, result.stderr)
    let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let files = try XCTUnwrap(json["files"] as? [[String: Any]])
    XCTAssertEqual(files.compactMap { $0["format"] as? String }.sorted(), ["sonarqube-json", "sonarqube-report-task"])
    for file in files { XCTAssertNil(file["findings"], "\(file["path"] ?? "")") }
    let text = try CLI.run(["inspect", "--lang", "en"] + paths.map { "Tests/Fixtures/real/\($0)" })
    XCTAssertFalse(text.stdout.contains("finding"), text.stdout)
  }

  func testInspectTextNamesEachObjectOnceInTheRunsLanguage() throws {
    let french = try CLI.run(["inspect", "samples/demo/manifests", "Tests/Fixtures/real/clover/gcovr-8.8-clamp.clover.xml"])
    XCTAssertEqual(french.status, 0, french.stderr)
    let lines = french.stdout.split(separator: "\n").map(String.init)
    XCTAssertTrue(lines.contains("samples/demo/manifests/rendered.yaml: kubernetes-yaml — 8 objets, 4 conteneurs, 5 constats"), french.stdout)
    XCTAssertTrue(
      lines.contains(
        "  samples/demo/manifests/rendered.yaml:175: k8s.probes [EXI-ARCH-12] Deployment/rhab-backend, conteneur backend : "
          + "readinessProbe manquant, livenessProbe et readinessProbe attendues"), french.stdout)
    // A check no requirement maps to prints no empty list.
    XCTAssertTrue(
      lines.contains("  samples/demo/manifests/rendered.yaml:289: k8s.cronjob-history CronJob/rhab-purge : failedJobsHistoryLimit absent, 5 ou moins attendu"),
      french.stdout)
    // gcovr writes a timestamp where Clover writes its version: no version is shown.
    XCTAssertTrue(
      lines.contains("Tests/Fixtures/real/clover/gcovr-8.8-clamp.clover.xml: clover-xml — Clover — lignes 9/10, branches 0/0"), french.stdout)
    for line in lines where line.hasPrefix("  ") {
      XCTAssertFalse(line.hasPrefix("  :"), "a finding without a place: \(line)")
      XCTAssertFalse(line.contains("[]"), line)
    }

    let english = try CLI.run(["inspect", "--lang", "en", "samples/demo/manifests", "samples/demo/reports/api/junit.xml"])
    XCTAssertTrue(
      english.stdout.contains(
        "\n  samples/demo/manifests/rendered.yaml:18: k8s.configmap-no-credentials [EXI-ARCH-22] ConfigMap/rhab-config: "
          + "key DB_PASSWORD holds a credential, expected it in a Secret (refused in production)\n"), english.stdout)
    XCTAssertTrue(
      english.stdout.contains("samples/demo/reports/api/junit.xml: junit-xml — JUnit — 78 tests (0 failed, 0 errored, 0 skipped)"), english.stdout)
  }
}
