import Foundation
import HomologEvaluate
import HomologIngest
import HomologModel
import XCTest

/// `image.base-supported` judges the base OS at the evaluation date from the shipped table, on genuine scans.
final class ImageBaseSupportedCheckTests: XCTestCase {
  private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  private static let real = repository.appendingPathComponent("Tests/Fixtures/real")
  private let check = ImageBaseSupportedCheck()

  /// The check's result on genuine scans under `Tests/Fixtures/real/`, at a date.
  private func evaluate(_ paths: [String], at date: String) throws -> CheckResult {
    let urls = paths.map { Self.real.appendingPathComponent($0) }
    let collected = try EvidenceCollector(baseDirectory: Self.real).collect(urls)
    XCTAssertEqual(collected.files.count, paths.count)
    return check.evaluate(EvidenceSet(files: collected.files, asOf: try XCTUnwrap(Day(date))))
  }

  /// The check's result on images stated directly (cases no genuine scan holds).
  private func evaluate(_ images: [ImageInfo], at date: String) throws -> CheckResult {
    let file = EvidenceFile(provenance: Provenance(path: "scan.json", sha256: "x", bytes: 1, format: "grype-json"), images: images)
    return check.evaluate(EvidenceSet(files: [file], asOf: try XCTUnwrap(Day(date))))
  }

  private func keys(_ result: CheckResult) -> [String] { result.observations.map(\.message.key) }

  func testTrivyDebian10ScanFailsAt20261202CitingTheDateAndTheTable() throws {
    let result = try evaluate(["trivy/trivy-legacy-list-debian-10.8.json"], at: "2026-12-02")
    XCTAssertEqual(result.outcome, .fail)
    XCTAssertEqual(result.summary.key, "image.base-supported.fail")
    XCTAssertEqual(result.summary.arg("images"), "debian (debian 10.8)")
    XCTAssertEqual(keys(result), ["image.os-end-of-life"])
    let problem = try XCTUnwrap(result.observations.first)
    XCTAssertTrue(problem.problem)
    XCTAssertEqual(problem.message.arg("end"), "2024-06-30")
    XCTAssertEqual(problem.message.arg("support"), "Debian LTS")
    XCTAssertEqual(problem.message.arg("source"), "endoflife.date debian.md @ f419953c (2026-07-14)")
    XCTAssertEqual(problem.evidence, "trivy/trivy-legacy-list-debian-10.8.json")
  }

  func testTrivyDebian10ScanPassedWhileDebianLTSRan() throws {
    let result = try evaluate(["trivy/trivy-legacy-list-debian-10.8.json"], at: "2024-06-30")
    XCTAssertEqual(result.outcome, .pass)
    XCTAssertEqual(result.observations.first?.message.arg("end"), "2024-06-30")
  }

  func testTrivyKubernetesReportFailsBothDebian104Images() throws {
    let result = try evaluate(["trivy/trivy-k8s-cluster-eks.json"], at: "2026-12-02")
    XCTAssertEqual(result.outcome, .fail)
    XCTAssertEqual(result.summary.arg("failed"), "2")
    XCTAssertEqual(result.observations.filter(\.problem).map { $0.message.arg("image") }, [
      "gcr.io/google_samples/gb-redis-follower:v2", "docker.io/redis:6.0.5",
    ])
  }

  func testGrypeRHEL87ScanPassesAt20261202AndReportsPaidELSWithoutCountingIt() throws {
    let result = try evaluate(["grype/grype-0.96-rhel-8.7.json"], at: "2026-12-02")
    XCTAssertEqual(result.outcome, .pass)
    XCTAssertEqual(result.summary.arg("count"), "1")
    XCTAssertEqual(result.summary.arg("source"), "endoflife.date @ a70eca33 (2026-08-22)")
    XCTAssertEqual(keys(result), ["image.os-maintained", "image.os-paid-support"])
    XCTAssertEqual(result.observations[0].message.arg("end"), "2029-05-31")
    XCTAssertEqual(result.observations[0].message.arg("support"), "Maintenance Support")
    XCTAssertEqual(result.observations[1].message.arg("support"), "Extended Life Cycle Support")
    XCTAssertEqual(result.observations[1].message.arg("end"), "2033-05-31")
    XCTAssertEqual(result.observations.map(\.problem), [false, false])
  }

  func testGrypeAmazonLinux2ScanWithNoEOLFlagFailsAfter20260630() throws {
    XCTAssertEqual(try evaluate(["grype/grype-amazonlinux2.json"], at: "2026-06-30").outcome, .pass)
    let result = try evaluate(["grype/grype-amazonlinux2.json"], at: "2026-12-02")
    XCTAssertEqual(result.outcome, .fail)
    XCTAssertEqual(result.observations.first?.message.arg("end"), "2026-06-30")
  }

  func testTrivyEOSLFlagIsReportedButTheTableDecides() throws {
    let before = try evaluate(["trivy/trivy-image-alpine-3.10-golden.json"], at: "2021-05-01")
    XCTAssertEqual(before.outcome, .pass)
    XCTAssertEqual(keys(before), ["image.os-maintained", "image.scanner-eosl"])
    XCTAssertEqual(before.observations.map(\.problem), [false, false])
    let after = try evaluate(["trivy/trivy-image-alpine-3.10-golden.json"], at: "2026-12-02")
    XCTAssertEqual(after.outcome, .fail)
    XCTAssertEqual(after.observations.first?.message.arg("end"), "2021-05-01")
  }

  func testCurrentReleasesPassAt20261202() throws {
    let images = [
      ImageInfo(name: "debian:12", osFamily: "debian", osName: "12.12"),
      ImageInfo(name: "ubuntu:24.04", osFamily: "ubuntu", osName: "24.04"),
      ImageInfo(name: "alpine:3.22", osFamily: "alpine", osName: "3.22.2"),
    ]
    let result = try evaluate(images, at: "2026-12-02")
    XCTAssertEqual(result.outcome, .pass)
    XCTAssertEqual(result.observations.filter { $0.message.key == "image.os-maintained" }.map { $0.message.arg("end") }, [
      "2028-06-30", "2029-05-31", "2027-05-01",
    ])
  }

  func testUnknownReleaseGivesNoEvidenceNamingItNeverMaintained() throws {
    let result = try evaluate([ImageInfo(name: "debian:14", osFamily: "debian", osName: "14.0")], at: "2026-12-02")
    XCTAssertEqual(result.outcome, .noEvidence)
    XCTAssertEqual(result.summary.key, "image.base-supported.undetermined")
    XCTAssertEqual(result.summary.arg("images"), "debian:14 (debian 14.0)")
    XCTAssertEqual(keys(result), ["image.os-unknown-release"])
    XCTAssertEqual(result.observations.first?.message.arg("os"), "debian 14.0")
    XCTAssertEqual(try evaluate([ImageInfo(name: "cgr.dev/chainguard/static", osFamily: "wolfi", osName: "20230201")], at: "2026-12-02").outcome, .noEvidence)
  }

  func testUnknownReleaseBesideAMaintainedOneIsNoEvidenceAndBesideAnEndedOneFails() throws {
    let unknown = ImageInfo(name: "app", osFamily: "debian", osName: "bookworm/sid")
    let maintained = ImageInfo(name: "db", osFamily: "redhat", osName: "9.4")
    let ended = ImageInfo(name: "old", osFamily: "debian", osName: "9.13")
    XCTAssertEqual(try evaluate([maintained, unknown], at: "2026-12-02").outcome, .noEvidence)
    XCTAssertEqual(try evaluate([maintained, unknown, ended], at: "2026-12-02").outcome, .fail)
  }

  func testDistrolessImageNamedDebian12IsJudgedAsDebian12() throws {
    let result = try evaluate([ImageInfo(name: "gcr.io/distroless/static-debian12:nonroot", osFamily: "debian")], at: "2026-12-02")
    XCTAssertEqual(result.outcome, .pass)
    XCTAssertEqual(keys(result), ["image.os-release-from-name", "image.os-maintained"])
    XCTAssertEqual(result.observations[0].message.arg("release"), "12")
  }

  func testWithoutAnEvaluationDateNothingIsJudged() throws {
    let file = try EvidenceCollector(baseDirectory: Self.real).collect([Self.real.appendingPathComponent("grype/grype-0.96-rhel-8.7.json")])
    let result = check.evaluate(EvidenceSet(files: file.files))
    XCTAssertEqual(result.outcome, .noEvidence)
    XCTAssertEqual(keys(result), ["image.os-not-yet-released"])
  }

  func testNoImageIsNoEvidence() throws {
    let result = try evaluate(["trivy/trivy-fs-vulns-misconfig-secrets.json"], at: "2026-12-02")
    XCTAssertEqual(result.outcome, .noEvidence)
    XCTAssertEqual(result.summary.key, "image.base-supported.no_evidence")
  }

  func testEveryEmittedMessageHasBothTextsWithItsArguments() throws {
    var results = [
      try evaluate(["trivy/trivy-legacy-list-debian-10.8.json"], at: "2026-12-02"),
      try evaluate(["grype/grype-0.96-rhel-8.7.json", "trivy/trivy-image-alpine-3.10-golden.json"], at: "2021-05-01"),
      try evaluate(["trivy/trivy-fs-vulns-misconfig-secrets.json"], at: "2026-12-02"),
      try evaluate(["grype/grype-0.96-rhel-8.7.json"], at: "2026-12-02"),
      try evaluate(
        [
          ImageInfo(name: "a", osFamily: "debian", osName: "14"), ImageInfo(name: "b", osFamily: "centos", osName: "8"),
          ImageInfo(name: "gcr.io/distroless/cc-debian12", osFamily: "debian"),
        ], at: "2023-01-01"),
      try evaluate([ImageInfo(name: "c", osFamily: "oracle", osName: "10.1")], at: "2026-12-02"),
      try evaluate([ImageInfo(name: "d", osFamily: "debian", osName: "13")], at: "2025-01-01"),
    ]
    results.append(check.evaluate(EvidenceSet(files: [])))
    var tables: [String: [String: String]] = [:]
    for language in ["fr", "en"] {
      let url = Self.repository.appendingPathComponent("templates/i18n/\(language)/messages.json")
      tables[language] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
    }
    var emitted = Set<String>()
    for message in results.flatMap({ [$0.summary] + $0.observations.map(\.message) }) {
      emitted.insert(message.key)
      for (language, table) in tables {
        let text = try XCTUnwrap(table[message.key], "\(language): no text for \(message.key)")
        XCTAssertEqual(placeholders(text).subtracting(message.args.map(\.name)), [], "\(language) \(message.key)")
      }
    }
    let expected: Set<String> = [
      "image.base-supported.pass", "image.base-supported.fail", "image.base-supported.no_evidence",
      "image.base-supported.undetermined", "image.os-end-of-life", "image.os-maintained", "image.os-maintained-no-end",
      "image.os-paid-support", "image.os-not-yet-released", "image.os-ambiguous-release", "image.os-unknown-release",
      "image.os-release-from-name", "image.scanner-eosl",
    ]
    XCTAssertEqual(expected.subtracting(emitted), [])
  }

  private func placeholders(_ text: String) -> Set<String> {
    var names = Set<String>()
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      names.insert(rest[rest.index(after: open)..<close].split { $0 == ":" || $0 == "|" }.first.map(String.init) ?? "")
      rest = rest[rest.index(after: close)...]
    }
    return names
  }
}
