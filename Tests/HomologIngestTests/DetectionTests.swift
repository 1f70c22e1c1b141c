import Foundation
import HomologIngest
import HomologModel
import XCTest

/// Content detection over every genuine fixture: each JSON evidence file goes to its reader, and no
/// reader of this table takes a file of another format (XML, YAML, LCOV, other JSON tools).
final class DetectionTests: XCTestCase {
  /// File (relative to `Tests/Fixtures/real/`) → expected format id.
  static let expected: [String: FormatID] = [
    "trivy/trivy-config-helm-chart-golden.json": "trivy-json",
    "trivy/trivy-fs-secrets-golden.json": "trivy-json",
    "trivy/trivy-fs-vulns-misconfig-secrets.json": "trivy-json",
    "trivy/trivy-image-alpine-3.10-golden.json": "trivy-json",
    "trivy/trivy-image-teamdojo-alpine-3.9.json": "trivy-json",
    "trivy/trivy-k8s-cluster-eks.json": "trivy-json",
    "trivy/trivy-legacy-list-debian-10.8.json": "trivy-json",
    "grype/grype-0.96-rhel-8.7.json": "grype-json",
    "grype/grype-amazonlinux2.json": "grype-json",
    "sarif/bandit-1.9.4-examples.sarif": "sarif",
    "sarif/checkov-3.3.30-online-boutique.sarif": "sarif",
    "sarif/codeql-2.5.4.sarif": "sarif",
    "sarif/dependency-check-6.1.2.sarif": "sarif",
    "sarif/gitleaks-7.4.0.sarif": "sarif",
    "sarif/gitleaks-8-simple-golden.sarif": "sarif",
    "sarif/semgrep-oss-1.69.0.sarif": "sarif",
    "sarif/trivy-alpine-3.10-golden.sarif": "sarif",
    "gitleaks/gitleaks-7.5.0.json": "gitleaks-json",
    "gitleaks/gitleaks-8-many.json": "gitleaks-json",
    "gitleaks/gitleaks-8-simple-golden.json": "gitleaks-json",
    "gitleaks/gitleaks-pre7-one.json": "gitleaks-json",
    "sonarqube/sonar-report-vulnerable-flask-app.json": "sonarqube-json",
    "sonarqube/sonarqube-hotspots-api.json": "sonarqube-json",
    "sonarqube/sonarqube-issues-api.json": "sonarqube-json",
    "sonarqube/sonarqube-api-qualitygates-project-status-example.json": "sonarqube-json",
    "dependency-check/dependency-check-6.4.1-golang.json": "dependency-check-json",
    "cyclonedx/cyclonedx-py-7.5.0-environment.cdx.json": "cyclonedx-json",
    "cyclonedx/dependency-track-4.11.4-dropwizard-vulns.cdx.json": "cyclonedx-json",
    "cyclonedx/grype-0.41.0-log4j.cdx.json": "cyclonedx-json",
    "cyclonedx/trivy-npm-golden.cdx.json": "cyclonedx-json",
    "spdx/syft-1.50.0-alpine.spdx.json": "spdx-json",
    "spdx/trivy-conda-golden.spdx.json": "spdx-json",
    "istanbul/jest-ts-jest-template-windows.coverage-summary.json": "istanbul-summary-json",
    "istanbul/nyc-15.1.0-node-ini-3.0.1-foo.coverage-final.json": "istanbul-json",
    "istanbul/nyc-15.1.0-node-ini-3.0.1-foo.coverage-summary.json": "istanbul-summary-json",
    "openapi/oai-petstore-3.0.yaml": "openapi",
    "openapi/oai-petstore-swagger-2.0.json": "openapi",
    "openapi/oai-webhook-example-3.1.yaml": "openapi",
    // Tools lane: SonarQube report-task.txt and the new sonar-report sample, GitLab security reports, Kubernetes
    // configuration scanners.
    "sonarqube/sonar-report-branch-new-severities.json": "sonarqube-json",
    "sonarqube/sonar-scanner-report-task-sonarqube-7.7.txt": "sonarqube-report-task",
    "gitlab-security/gitlab-container-scanning-14.0.6-trivy-ecr.json": "gitlab-security-json",
    "gitlab-security/gitlab-container-scanning-15.0.6-trivy-0.36.1.json": "gitlab-security-json",
    "gitlab-security/gitlab-dependency-scanning-3.0-gemnasium-2.24.1.json": "gitlab-dependency-scanning-json",
    "gitlab-security/gitlab-sast-14.0-security-code-scan-no-severity.json": "gitlab-security-json",
    "gitlab-security/gitlab-sast-15.1.4-semgrep-sage.json": "gitlab-security-json",
    "gitlab-security/gitlab-sast-2.3-multi-analyzer-many.json": "gitlab-security-json",
    "gitlab-security/gitlab-sast-3.0-find-sec-bugs-4.2.0.json": "gitlab-security-json",
    "gitlab-security/gitlab-secret-detection-14.0-gitleaks-7.5.0.json": "gitlab-security-json",
    "checkov/checkov-3.3.30-online-boutique.json": "checkov-json",
    "kubescape/kubescape-results.json": "kubescape-json",
    "kube-linter/kube-linter-many.json": "kube-linter-json",
    "polaris/polaris-many.json": "polaris-json",
    "polaris/polaris-audit-deploy-example.json": "polaris-json",
  ]

  /// Folders whose every file must be in the table, so a new fixture cannot go untested.
  static let folders = ["trivy", "grype", "sarif", "gitleaks", "sonarqube", "cyclonedx", "spdx", "istanbul", "openapi",
    "gitlab-security", "checkov", "kubescape", "kube-linter", "polaris"]

  private static var formats: Set<FormatID> { Set(expected.values) }

  private func detected(_ relative: String) throws -> FormatID? {
    AllReaders.detect(try XCTUnwrap(FileHead.read(Fixtures.real(relative)), relative))?.format
  }

  func testEveryJSONFixtureGoesToItsReader() throws {
    for (file, format) in Self.expected.sorted(by: { $0.key < $1.key }) {
      XCTAssertEqual(try detected(file), format, file)
    }
  }

  func testTheTableCoversEveryFileOfItsFolders() {
    for folder in Self.folders {
      for url in Fixtures.realFiles(folder) {
        XCTAssertNotNil(Self.expected["\(folder)/\(url.lastPathComponent)"], "\(folder)/\(url.lastPathComponent) not in the table")
      }
    }
    for file in Self.expected.keys {
      XCTAssertTrue(FileManager.default.fileExists(atPath: Fixtures.real(file).path), "\(file) missing")
    }
  }

  func testNoOtherFileIsTakenByTheseReaders() throws {
    let root = Fixtures.real("")
    let names = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: root.path))
    var checked = 0
    for relative in names.sorted() where Self.expected[relative] == nil {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else { continue }
      if let format = try detected(relative) {
        XCTAssertFalse(Self.formats.contains(format), "\(relative) taken as \(format)")
      }
      checked += 1
    }
    // XML, YAML, LCOV, coverprofiles, SOURCES.md and Kubernetes manifests.
    XCTAssertGreaterThan(checked, 30)
  }

  func testEveryDetectedFixtureIsRead() throws {
    let root = Fixtures.real("")
    for relative in try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted() {
      let url = root.appendingPathComponent(relative)
      guard let head = FileHead.read(url), let reader = AllReaders.detect(head) else { continue }
      XCTAssertNoThrow(try reader.read(InputFile(url: url, path: relative)), relative)
    }
  }

  func testEachReaderSniffsOnlyItsOwnFixtures() throws {
    for (file, format) in Self.expected {
      let head = try XCTUnwrap(FileHead.read(Fixtures.real(file)))
      for reader in AllReaders.list where reader.format != format && Self.formats.contains(reader.format) {
        // Order in AllReaders.list must not be what keeps two of these formats apart.
        XCTAssertFalse(reader.sniff(head), "\(reader.format) also sniffs \(file)")
      }
    }
  }
}
