import Foundation
import HomologEvaluate
import HomologModel
import HomologParsing
import XCTest

/// The generated end-of-life table: in sync with `data/eol/` and its generator, and read the way the check relies on.
final class OSEndOfLifeTableTests: XCTestCase {
  private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  private static let generated = "Sources/HomologEvaluate/Checks/Images/OSEndOfLifeTable.swift"

  private func day(_ text: String) throws -> Day { try XCTUnwrap(Day(text)) }

  private func entry(_ product: String, _ cycle: String) throws -> OSTableEntry {
    let product = try XCTUnwrap(OSEndOfLifeTable.products.first { $0.id == product }, product)
    return OSTableEntry(product: product, release: try XCTUnwrap(product.release(cycle), "\(product.id) \(cycle)"))
  }

  private func resolve(_ family: String?, _ version: String?, name: String = "img") -> [String] {
    OSReleaseResolver.resolve(ImageInfo(name: name, osFamily: family, osName: version)).entries.map(\.name)
  }

  // MARK: staleness

  func testGeneratedTableRecordsTheDigestOfEveryInputOnDisk() throws {
    let folder = Self.repository.appendingPathComponent("data/eol")
    let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
    XCTAssertEqual(
      Set(OSEndOfLifeTable.inputDigests.keys),
      Set(onDisk.map { "data/eol/\($0)" } + ["scripts/generate-eol-table.py"]),
      "run python3 scripts/generate-eol-table.py")
    for (path, digest) in OSEndOfLifeTable.inputDigests {
      let data = try Data(contentsOf: Self.repository.appendingPathComponent(path))
      XCTAssertEqual(SHA256Hasher.hex(of: data), digest, "\(path) changed: run python3 scripts/generate-eol-table.py")
    }
  }

  func testGeneratorOutputIsTheCommittedFile() throws {
    guard run(["python3", "-c", "import yaml"]).status == 0 else {
      throw XCTSkip("python3 with PyYAML is not installed (the digest test still guards the inputs)")
    }
    let result = run(["python3", Self.repository.appendingPathComponent("scripts/generate-eol-table.py").path, "--stdout"])
    XCTAssertEqual(result.status, 0)
    let committed = try String(contentsOf: Self.repository.appendingPathComponent(Self.generated), encoding: .utf8)
    XCTAssertEqual(result.stdout, committed, "\(Self.generated) is stale or edited: run python3 scripts/generate-eol-table.py")
  }

  private func run(_ arguments: [String]) -> (status: Int32, stdout: String) {
    let result = ChildProcess.run(arguments)
    return (result.status, result.output)
  }

  // MARK: content

  func testTableCoversTheBaseOperatingSystemsFromOneDatedSource() throws {
    XCTAssertEqual(
      OSEndOfLifeTable.products.map(\.id),
      [
        "debian", "ubuntu", "alpine-linux", "rhel", "rocky-linux", "almalinux", "centos", "centos-stream", "amazon-linux",
        "fedora", "oracle-linux", "sles", "opensuse",
      ])
    XCTAssertEqual(OSEndOfLifeTable.commit, "a70eca337600e7d721dc48112c271f98661d208b")
    XCTAssertEqual(OSEndOfLifeTable.date, try day("2026-08-22"))
    let debian = try entry("debian", "10").product
    XCTAssertEqual(debian.citation, "endoflife.date debian.md @ f419953c (2026-07-14)")
  }

  func testDebian10FreeSupportEndedOn20240630AndIsOverAt20261202() throws {
    let debian10 = try entry("debian", "10")
    XCTAssertEqual(debian10.release.supportEnd, .on(try day("2024-06-30")))
    XCTAssertEqual(debian10.product.supportColumn, "eoes")
    XCTAssertEqual(debian10.product.supportLabel, "Debian LTS")
    XCTAssertNil(debian10.release.paidSupportEnd)
    XCTAssertFalse(debian10.release.supportEnd.isOver(at: try day("2024-06-30")))
    XCTAssertTrue(debian10.release.supportEnd.isOver(at: try day("2024-07-01")))
    XCTAssertEqual(OSSupportStatus.judge([debian10], at: try day("2026-12-02")), .ended(debian10))
    XCTAssertEqual(OSSupportStatus.judge([try entry("debian", "12")], at: try day("2026-12-02")), .maintained(try entry("debian", "12")))
  }

  func testPaidExtendedSupportIsReportedButNotJudged() throws {
    let ubuntu = try entry("ubuntu", "20.04")
    XCTAssertEqual(ubuntu.product.supportColumn, "eol")
    XCTAssertEqual(ubuntu.release.supportEnd, .on(try day("2025-05-31")))
    XCTAssertEqual(ubuntu.release.paidSupportEnd, .on(try day("2030-04-02")))
    XCTAssertEqual(ubuntu.product.paidSupportLabel, "Expanded Security Maintenance")
    XCTAssertEqual(OSSupportStatus.judge([ubuntu], at: try day("2026-12-02")), .ended(ubuntu))
    let rhel7 = try entry("rhel", "7")
    XCTAssertEqual(rhel7.release.supportEnd, .on(try day("2024-06-30")))
    XCTAssertEqual(rhel7.release.paidSupportEnd, .on(try day("2029-05-31")))
    XCTAssertEqual(OSSupportStatus.judge([rhel7], at: try day("2026-12-02")), .ended(rhel7))
  }

  func testOracleLinux10WithNoAnnouncedEndIsMaintained() throws {
    let oracle10 = try entry("oracle-linux", "10")
    XCTAssertEqual(oracle10.release.supportEnd, .notAnnounced)
    XCTAssertEqual(OSSupportStatus.judge([oracle10], at: try day("2040-01-01")), .maintained(oracle10))
  }

  func testReleasePublishedAfterTheEvaluationDateIsNotJudged() throws {
    let debian13 = try entry("debian", "13")
    XCTAssertEqual(OSSupportStatus.judge([debian13], at: try day("2025-08-08")), .notYetReleased(debian13))
    XCTAssertEqual(OSSupportStatus.judge([debian13], at: Day(ordinal: 0)), .notYetReleased(debian13))
  }

  // MARK: scanner family and version → table release

  func testScannerVersionsMapToTheirReleaseCycle() {
    XCTAssertEqual(resolve("debian", "10.8"), ["debian 10"])
    XCTAssertEqual(resolve("alpine", "3.10.2"), ["alpine-linux 3.10"])
    XCTAssertEqual(resolve("alpine", "3.1.4"), ["alpine-linux 3.1"])
    XCTAssertEqual(resolve("ubuntu", "22.04"), ["ubuntu 22.04"])
    XCTAssertEqual(resolve("amazonlinux", "2"), ["amazon-linux 2"])
    XCTAssertEqual(resolve("amazon", "2 (Karoo)"), ["amazon-linux 2"])
    XCTAssertEqual(resolve("amazon", "2023.5.20240624"), ["amazon-linux 2023"])
    XCTAssertEqual(resolve("amazon", "AMI release 2018.03"), ["amazon-linux 2018.03"])
    XCTAssertEqual(resolve("sles", "15.4"), ["sles 15.4"])
    XCTAssertEqual(resolve("opensuse.leap", "15.5"), ["opensuse 15.5"])
    XCTAssertEqual(resolve("rocky", "9.3"), ["rocky-linux 9"])
    XCTAssertEqual(resolve("almalinux", "8.9"), ["almalinux 8"])
    XCTAssertEqual(resolve("oraclelinux", "8.7"), ["oracle-linux 8"])
    XCTAssertEqual(resolve("fedora", "40"), ["fedora 40"])
  }

  func testUBIReportedAsRedHatFollowsItsRHELRelease() {
    XCTAssertEqual(resolve("redhat", "8.7"), ["rhel 8"])
    XCTAssertEqual(resolve("redhat", "9.4", name: "registry.access.redhat.com/ubi9/ubi-minimal:9.4"), ["rhel 9"])
  }

  func testCentOSMajorMapsToLinuxOrStreamAndCentOS8IsAmbiguousUntilBothEnded() throws {
    XCTAssertEqual(resolve("centos", "7.9.2009"), ["centos 7"])
    XCTAssertEqual(resolve("centos", "9"), ["centos-stream 9"])
    XCTAssertEqual(resolve("centos-stream", "9"), ["centos-stream 9"])
    XCTAssertEqual(resolve("centos", "8.4.2105"), ["centos 8", "centos-stream 8"])
    let both = [try entry("centos", "8"), try entry("centos-stream", "8")]
    XCTAssertEqual(OSSupportStatus.judge(both, at: try day("2023-01-01")), .ambiguous(both))
    XCTAssertEqual(OSSupportStatus.judge(both, at: try day("2026-12-02")), .ended(both[1]))
  }

  func testUnknownFamiliesAndReleasesMatchNothing() {
    XCTAssertEqual(resolve("debian", "14"), [])
    XCTAssertEqual(resolve("debian", "bookworm/sid"), [])
    XCTAssertEqual(resolve("alpine", "3.21.0_alpha20240807"), [])
    XCTAssertEqual(resolve("wolfi", "20230201"), [])
    XCTAssertEqual(resolve("debian", nil), [])
    XCTAssertEqual(resolve(nil, "10"), [])
  }

  func testDistrolessDebianNameGivesTheReleaseOnlyWhenTheScannerGivesNone() {
    let named = OSReleaseResolver.resolve(ImageInfo(name: "gcr.io/distroless/static-debian12:nonroot", osFamily: "debian"))
    XCTAssertEqual(named.entries.map(\.name), ["debian 12"])
    XCTAssertEqual(named.releaseFromImageName, "12")
    XCTAssertEqual(resolve("debian", nil, name: "gcr.io/distroless/java17-debian11@sha256:0123"), ["debian 11"])
    XCTAssertEqual(resolve("debian", "12.5", name: "gcr.io/distroless/base-debian11"), ["debian 12"])
    XCTAssertEqual(resolve("debian", nil, name: "example.org/app-debian12:1"), [])
    XCTAssertEqual(resolve("ubuntu", nil, name: "gcr.io/distroless/static-debian12"), [])
  }
}
