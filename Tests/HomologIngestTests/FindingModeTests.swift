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
      if Self.countingFormats.contains(keep.provenance.format.rawValue) {
        XCTAssertTrue(count.findings.isEmpty, "count mode keeps no finding of \(name)")
      }
      compared += 1
      findings += expected.total
      formats.insert(keep.provenance.format.rawValue)
    }
    // Not vacuous: the genuine corpus spans every finding reader and thousands of findings.
    XCTAssertGreaterThanOrEqual(compared, 60)
    XCTAssertGreaterThan(findings, 1000)
    XCTAssertTrue(formats.isSuperset(of: Self.countingFormats), "\(formats.sorted())")
  }

  /// Formats whose readers keep no finding in count mode (checked above on each of their genuine fixtures).
  static let countingFormats: Set<String> = [
    "sarif", "trivy-json", "grype-json", "cyclonedx-json", "gitleaks-json", "dependency-check-json", "dependency-check-xml",
    "sonarqube-json", "gitlab-security-json", "gitlab-dependency-scanning-json", "checkov-json", "kubescape-json",
    "kube-linter-json", "polaris-json",
  ]

  /// The readers made to count in this round, on their genuine fixtures: the counts equal keep mode's and the
  /// figures the fixtures' SOURCES rows state, with no finding kept.
  func testGitleaksAndDependencyCheckCountWithoutKeeping() throws {
    let expected: [(path: String, severities: [Int])] = [
      ("gitleaks/gitleaks-7.5.0.json", [0, 8, 0, 0, 0]),
      ("gitleaks/gitleaks-8-many.json", [0, 4, 0, 0, 0]),
      ("gitleaks/gitleaks-8-simple-golden.json", [0, 1, 0, 0, 0]),
      ("gitleaks/gitleaks-pre7-one.json", [0, 1, 0, 0, 0]),
      ("dependency-check/dependency-check-6.4.1-golang.json", [1, 11, 20, 2, 0]),
      ("dependency-check/dependency-check-6.4.1-golang.xml", [1, 11, 20, 2, 0]),
      ("dependency-check/dependency-check-6.5.3.xml", [0, 0, 0, 1, 0]),
    ]
    for (path, severities) in expected {
      let url = Fixtures.real(path)
      let keep = try XCTUnwrap(collect(url, .keep).files.first, path)
      let count = try XCTUnwrap(collect(url, .count).files.first, path)
      XCTAssertTrue(count.findings.isEmpty, "no finding kept: \(path)")
      XCTAssertEqual(keep.findings.count, severities.reduce(0, +), path)
      let counted = count.findingCounts.severities
      XCTAssertEqual([counted.critical, counted.high, counted.medium, counted.low, counted.info], severities, path)
      XCTAssertEqual(counted, FindingCounts(keep.findings).severities, path)
      XCTAssertEqual(count.findingCounts.kinds, FindingCounts(keep.findings).kinds, path)
    }
  }

  /// A gitleaks 4 leak states its severity: count mode counts it there, and still refuses a leak without a rule.
  func testGitleaksCountModeUsesTheStatedSeverityAndRefusesALeakWithoutRule() throws {
    let json = #"[{"line":"x","commit":"c","offender":"hunter2","rule":"Password","commitMsg":"m","file":"a.cfg","severity":"low"}]"#
    var input = try Fixtures.temporary(json, name: "v4.json")
    input.findingMode = .count
    let result = try GitleaksJSONReader.read(input)
    XCTAssertTrue(result.findings.isEmpty)
    XCTAssertEqual(result.findingCounts.severities.low, 1)
    XCTAssertEqual(result.findingCounts.total, 1)
    var ruleless = try Fixtures.temporary(#"[{"offender":"hunter2","file":"a.cfg"}]"#, name: "norule.json")
    ruleless.findingMode = .count
    XCTAssertThrowsError(try GitleaksJSONReader.read(ruleless)) { error in
      XCTAssertTrue("\(error)".contains("expected \"RuleID\""), "\(error)")
    }
  }
}
