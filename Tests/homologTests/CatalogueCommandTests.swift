import Foundation
import XCTest

final class CatalogueCommandTests: XCTestCase {
  func testShippedCatalogueValidates() throws {
    let result = try CLI.run(["catalogue", "validate", "requirements/cct-cloud-pi-native.yaml"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "requirements/cct-cloud-pi-native.yaml: valide — 55 exigences (26 P, 29 I), version 27.05.2024\n")
    let english = try CLI.run(["catalogue", "validate", "requirements/cct-cloud-pi-native.yaml", "--lang", "en"])
    XCTAssertEqual(english.stdout, "requirements/cct-cloud-pi-native.yaml: valid — 55 requirements (26 P, 29 I), version 27.05.2024\n")
  }

  func testDuplicatedIdExits2NamingTheIdAndBothLines() throws {
    let text = try String(contentsOf: CLI.repository.appendingPathComponent("requirements/cct-cloud-pi-native.yaml"), encoding: .utf8)
    let copy = text.replacingOccurrences(of: "  - id: EXI-G-2\n", with: "  - id: EXI-G-1\n")
    let dir = try CLI.temporaryDirectory()
    try Data(copy.utf8).write(to: dir.appendingPathComponent("cat.yaml"))
    let result = try CLI.run(["catalogue", "validate", "cat.yaml"], in: dir)
    XCTAssertEqual(result.status, 2)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let first = lines.firstIndex { $0 == "  - id: EXI-G-1" }! + 1
    let second = lines.firstIndex { $0 == "  - id: EXI-G-2" }! + 1
    XCTAssertTrue(result.stderr.contains("erreur : identifiant d'exigence EXI-G-1 en double (lignes \(first) et \(second))\n"), result.stderr)
    XCTAssertTrue(result.stderr.hasPrefix("cat.yaml:\(second)"), result.stderr)
    let english = try CLI.run(["catalogue", "validate", "cat.yaml", "--lang", "en"], in: dir)
    XCTAssertTrue(english.stderr.hasPrefix("cat.yaml:\(second): error: duplicate requirement id EXI-G-1 (lines \(first) and \(second))\n"), english.stderr)
  }

  func testListPrintsIdLevelCategoryTitle() throws {
    let result = try CLI.run(["catalogue", "list"])
    XCTAssertEqual(result.status, 0)
    XCTAssertTrue(result.stdout.contains("EXI-G-6\tP\tInfrastructure\t"), result.stdout)
    XCTAssertEqual(result.stdout.split(separator: "\n").count, 56)
  }

  func testHelpAndVersion() throws {
    XCTAssertTrue(try CLI.run(["--version"]).stdout.hasPrefix("homolog "))
    for command in ["evaluate", "inspect", "catalogue", "init", "checks", "formats"] {
      let result = try CLI.run([command, "--help"])
      XCTAssertEqual(result.status, 0, command)
      XCTAssertTrue(result.stdout.contains("USAGE : homolog \(command)"), command)
    }
  }

  func testInitWritesStartersListingEveryAttestableRequirementCommentedOut() throws {
    let dir = try CLI.temporaryDirectory()
    let result = try CLI.run(["init", "--name", "Essai"], in: dir)
    XCTAssertEqual(result.status, 0, result.stderr)
    let attestations = try String(contentsOf: dir.appendingPathComponent("attestations.yaml"), encoding: .utf8)
    XCTAssertTrue(attestations.contains("# - requirement: EXI-ORG-3\n"))
    XCTAssertFalse(attestations.contains("requirement: EXI-ARCH-27"), "EXI-ARCH-27 needs technical evidence")
    XCTAssertEqual(try CLI.run(["init"], in: dir).status, 2, "existing files are kept")
    // The starters themselves are valid input.
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("reports/api"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("reports/shared"), withIntermediateDirectories: true)
    let run = try CLI.run(["evaluate", "--config", "homolog.yaml", "--out", "out", "--as-of", "2026-11-22", "--quiet"], in: dir)
    XCTAssertEqual(run.status, 1, run.stderr)
  }
}

final class FormatsAndChecksCommandTests: XCTestCase {
  func testFormatsSaysHowEveryFormatIsDetected() throws {
    let result = try CLI.run(["formats"])
    XCTAssertEqual(result.status, 0)
    let lines = result.stdout.split(separator: "\n")
    XCTAssertGreaterThanOrEqual(lines.count, 20)
    for line in lines {
      XCTAssertEqual(line.split(separator: "\t").count, 3, String(line))
      XCTAssertFalse(line.hasSuffix("content sniffing"), "\(line): add it to ReaderDetection.swift")
    }
  }

  func testDocsChecksMatchesTheCommand() throws {
    let result = try CLI.run(["checks", "--format", "md", "--lang", "en"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let doc = try String(contentsOf: CLI.repository.appendingPathComponent("docs/checks.md"), encoding: .utf8)
    XCTAssertEqual(doc, result.stdout, "regenerate with: swift run homolog checks --format md --lang en > docs/checks.md")
  }
}
