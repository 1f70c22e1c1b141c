import Foundation
import HomologIngest
import HomologModel
import XCTest

/// Count mode (what `inspect` and `homolog-bench` use) against keep mode, on every genuine fixture a reader accepts.
final class FindingModeTests: XCTestCase {
  /// Every genuine file under `Tests/Fixtures/real`, recursively, sorted.
  private func genuineFiles() -> [URL] {
    let root = Fixtures.root.appendingPathComponent("real")
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    var files: [URL] = []
    while let url = enumerator?.nextObject() as? URL {
      if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true { files.append(url) }
    }
    return files.sorted { $0.path < $1.path }
  }

  private func collect(_ url: URL, _ mode: FindingMode) throws -> CollectedEvidence {
    try EvidenceCollector(baseDirectory: Fixtures.root, parallelism: 1, findingMode: mode).collect([url])
  }

  func testCountModeCountsWhatKeepModeKeepsOnEveryGenuineFixture() throws {
    var compared = 0
    var findings = 0
    var formats = Set<String>()
    for url in genuineFiles() {
      let kept = try collect(url, .keep)
      let counted = try collect(url, .count)
      XCTAssertEqual(kept.ignored, counted.ignored, url.path)
      guard let keep = kept.files.first, let count = counted.files.first else { continue }
      let name = url.lastPathComponent
      XCTAssertEqual(keep.countedFindings, FindingCounts(), "keep mode counts nothing aside: \(name)")
      let expected = FindingCounts(keep.findings)
      XCTAssertEqual(count.findingCounts.total, expected.total, "total of \(name)")
      XCTAssertEqual(count.findingCounts.severities, expected.severities, "severities of \(name)")
      XCTAssertEqual(count.findingCounts.kinds, expected.kinds, "kinds of \(name)")
      XCTAssertEqual(count.scans, keep.scans, "scans of \(name)")
      XCTAssertEqual(count.provenance, keep.provenance, "provenance (format, tool, time, digest) of \(name)")
      XCTAssertEqual(count.images, keep.images, "images of \(name)")
      XCTAssertEqual(count.coverage, keep.coverage, "coverage of \(name)")
      XCTAssertEqual(count.tests, keep.tests, "tests of \(name)")
      XCTAssertEqual(count.qualityGate, keep.qualityGate, "quality gate of \(name)")
      XCTAssertEqual(count.kubernetes.count, keep.kubernetes.count, "Kubernetes objects of \(name)")
      if ["sarif", "trivy-json", "grype-json", "cyclonedx-json", "sonarqube-json", "gitlab-security-json", "gitlab-dependency-scanning-json", "checkov-json",
        "kubescape-json", "kube-linter-json", "polaris-json"].contains(keep.provenance.format.rawValue)
      {
        XCTAssertTrue(count.findings.isEmpty, "count mode keeps no finding of \(name)")
      }
      compared += 1
      findings += expected.total
      formats.insert(keep.provenance.format.rawValue)
    }
    // Not vacuous: the genuine corpus spans every finding reader and thousands of findings.
    XCTAssertGreaterThanOrEqual(compared, 60)
    XCTAssertGreaterThan(findings, 1000)
    XCTAssertTrue(formats.isSuperset(of: ["sarif", "trivy-json", "grype-json", "cyclonedx-json"]), "\(formats.sorted())")
    XCTAssertTrue(
      formats.isSuperset(of: ["sonarqube-json", "gitlab-security-json", "checkov-json", "kube-linter-json", "polaris-json"]),
      "\(formats.sorted())")
  }
}
