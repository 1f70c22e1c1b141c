import Foundation
import XCTest

/// An output folder holds one run's files: stale homolog outputs are removed, other files make the run refuse.
final class OutputFolderTests: XCTestCase {
  private var demo: URL!

  override func setUpWithError() throws {
    demo = try CLI.demoCopy()
    let root = demo.deletingLastPathComponent()
    addTeardownBlock { try? FileManager.default.removeItem(at: root) }
  }

  private func evaluate(_ extra: [String]) throws -> CLI.Output {
    try CLI.run(["evaluate", "--as-of", "2026-11-22", "--quiet", "--color", "never"] + extra, in: demo)
  }

  private func names(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: demo.appendingPathComponent(folder).path).sorted()
  }

  func testMarkdownRunIntoAFolderWithAnOlderDossierLeavesNoDossierJSON() throws {
    // An older run (another date) wrote every format into the default folder, dossier/, and its manifest.
    XCTAssertEqual(try CLI.run(["evaluate", "--as-of", "2026-01-05", "--quiet"], in: demo).status, 1)
    XCTAssertEqual(try names("dossier").count, 8)
    let result = try evaluate(["--format", "md"])
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertEqual(try names("dossier"), [".homolog-outputs", "dossier.md"])
    let markdown = try Data(contentsOf: demo.appendingPathComponent("dossier/dossier.md"))
    XCTAssertEqual(
      try String(contentsOf: demo.appendingPathComponent("dossier/.homolog-outputs"), encoding: .utf8),
      "\(try CLI.sha256(markdown))  dossier.md\n", "the manifest lists what this run wrote, in sha256sum format")
  }

  func testUsersJUnitFileIsRefusedThenKeptWithForce() throws {
    let build = demo.appendingPathComponent("build")
    try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)
    try Data("<testsuites/>".utf8).write(to: build.appendingPathComponent("junit.xml"))
    try Data().write(to: build.appendingPathComponent(".gitkeep"))
    let refused = try evaluate(["--out", "build", "--format", "md"])
    XCTAssertEqual(refused.status, 2)
    XCTAssertEqual(
      refused.stderr,
      "build: erreur : le dossier de sortie contient des fichiers que homolog n'a pas écrits (junit.xml) : choisissez un dossier vide ou nouveau, "
        + "ou passez --force pour écrire à côté d'eux\n")
    XCTAssertEqual(try names("build"), [".gitkeep", "junit.xml"], "nothing written or removed")
    let forced = try evaluate(["--out", "build", "--format", "md", "--force"])
    XCTAssertEqual(forced.status, 1, forced.stderr)
    XCTAssertEqual(try names("build"), [".gitkeep", ".homolog-outputs", "dossier.md", "junit.xml"])
    XCTAssertEqual(try String(contentsOf: build.appendingPathComponent("junit.xml"), encoding: .utf8), "<testsuites/>", "the user's file untouched")
    // Forced again, a run writing junit.xml itself would replace the user's file: refused, even with --force.
    let replacing = try evaluate(["--out", "build", "--force", "--lang", "en"])
    XCTAssertEqual(replacing.status, 2)
    XCTAssertEqual(
      replacing.stderr,
      "build: error: the output folder holds files homolog did not write that this run would replace (junit.xml): homolog never replaces them, "
        + "even with --force; move them or choose another folder\n")
    XCTAssertEqual(try String(contentsOf: build.appendingPathComponent("junit.xml"), encoding: .utf8), "<testsuites/>")
    // A later forced markdown run replaces its own dossier.md and still keeps the user's file.
    let again = try evaluate(["--out", "build", "--format", "md", "--force"])
    XCTAssertEqual(again.status, 1, again.stderr)
    XCTAssertEqual(try names("build"), [".gitkeep", ".homolog-outputs", "dossier.md", "junit.xml"])
  }

  func testUserWrittenOutputNameOrEditedOutputIsForeign() throws {
    let out = demo.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
    try Data("{}".utf8).write(to: out.appendingPathComponent("dossier.json"))
    let refused = try evaluate(["--out", "out", "--format", "md"])
    XCTAssertEqual(refused.status, 2)
    XCTAssertEqual(
      refused.stderr,
      "out: erreur : le dossier de sortie contient des fichiers que homolog n'a pas écrits (dossier.json, notes.txt) : choisissez un dossier vide ou nouveau, "
        + "ou passez --force pour écrire à côté d'eux\n")
    let english = try evaluate(["--out", "out", "--format", "md", "--lang", "en"])
    XCTAssertEqual(
      english.stderr,
      "out: error: the output folder holds files homolog did not write (dossier.json, notes.txt): choose an empty or new folder, or pass --force to write beside them\n")
    let forced = try evaluate(["--out", "out", "--format", "md", "--force"])
    XCTAssertEqual(forced.status, 1, forced.stderr)
    XCTAssertEqual(try names("out"), [".homolog-outputs", "dossier.json", "dossier.md", "notes.txt"], "the user's dossier.json is never removed")
    XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("dossier.json"), encoding: .utf8), "{}")
    // A homolog output edited by hand no longer matches its hash: it is foreign too.
    try Data("edited".utf8).write(to: out.appendingPathComponent("dossier.md"))
    try FileManager.default.removeItem(at: out.appendingPathComponent("notes.txt"))
    try FileManager.default.removeItem(at: out.appendingPathComponent("dossier.json"))
    let edited = try evaluate(["--out", "out", "--format", "md"])
    XCTAssertEqual(edited.status, 2)
    XCTAssertTrue(edited.stderr.hasPrefix("out: erreur : le dossier de sortie contient des fichiers que homolog n'a pas écrits (dossier.md) :"), edited.stderr)
  }

  func testPortfolioOutputFolderReplacesItsOwnFilesOnly() throws {
    XCTAssertEqual(try evaluate(["--out", "dossiers/app"]).status, 1)
    let all = try CLI.run(["portfolio", "dossiers", "--out", "report"], in: demo)
    XCTAssertEqual(all.status, 0, all.stderr)
    XCTAssertEqual(try names("report"), [".homolog-outputs", "portfolio.csv", "portfolio.html", "portfolio.json", "portfolio.md"])
    let csv = try CLI.run(["portfolio", "dossiers", "--out", "report", "--format", "csv"], in: demo)
    XCTAssertEqual(csv.status, 0, csv.stderr)
    XCTAssertEqual(try names("report"), [".homolog-outputs", "portfolio.csv"])
    try Data("a,b".utf8).write(to: demo.appendingPathComponent("report/portfolio.json"))
    let refused = try CLI.run(["portfolio", "dossiers", "--out", "report", "--format", "csv"], in: demo)
    XCTAssertEqual(refused.status, 2)
    XCTAssertTrue(refused.stderr.contains("(portfolio.json)"), refused.stderr)
  }

  func testCompareRefusedOutputFolderWritesNoMapping() throws {
    XCTAssertEqual(try evaluate(["--out", "a"]).status, 1)
    XCTAssertEqual(try evaluate(["--out", "b"]).status, 1)
    let cmp = demo.appendingPathComponent("cmp")
    try FileManager.default.createDirectory(at: cmp, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: cmp.appendingPathComponent("mine.txt"))
    let refused = try CLI.run(["compare", "a", "b", "--out", "cmp", "--anonymize", "--mapping", "key.json", "--color", "never"], in: demo)
    XCTAssertEqual(refused.status, 2)
    XCTAssertTrue(refused.stderr.hasSuffix("cmp: erreur : le dossier de sortie contient des fichiers que homolog n'a pas écrits (mine.txt) : "
      + "choisissez un dossier vide ou nouveau, ou passez --force pour écrire à côté d'eux\n"), refused.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: demo.appendingPathComponent("key.json").path), "exit 2 wrote the mapping")
    XCTAssertEqual(try names("cmp"), ["mine.txt"])
    // A mapping inside the output folder is one of the run's outputs, listed in its manifest.
    try FileManager.default.removeItem(at: cmp.appendingPathComponent("mine.txt"))
    let inside = try CLI.run(["compare", "a", "b", "--out", "cmp", "--anonymize", "--mapping", "cmp/key.json"], in: demo)
    XCTAssertEqual(inside.status, 0, inside.stderr)
    XCTAssertTrue(try names("cmp").contains("key.json"))
    let again = try CLI.run(["compare", "a", "b", "--out", "cmp", "--anonymize", "--mapping", "key.json"], in: demo)
    XCTAssertEqual(again.status, 0, again.stderr)
    XCTAssertFalse(try names("cmp").contains("key.json"), "the previous run's mapping inside the folder is stale")
    XCTAssertTrue(FileManager.default.fileExists(atPath: demo.appendingPathComponent("key.json").path))
  }

  func testCompareOutputFolderReplacesItsOwnFilesOnly() throws {
    XCTAssertEqual(try evaluate(["--out", "a"]).status, 1)
    XCTAssertEqual(try evaluate(["--out", "b"]).status, 1)
    let all = try CLI.run(["compare", "a", "b", "--out", "cmp", "--anonymize"], in: demo)
    XCTAssertEqual(all.status, 0, all.stderr)
    let first = try names("cmp")
    XCTAssertTrue(first.contains("anonymization-key.json") && first.contains(".homolog-outputs"), "\(first)")
    try Data("mine".utf8).write(to: demo.appendingPathComponent("cmp/mine.txt"))
    let refused = try CLI.run(["compare", "a", "b", "--out", "cmp"], in: demo)
    XCTAssertEqual(refused.status, 2)
    XCTAssertTrue(refused.stderr.contains("\ncmp: erreur : le dossier de sortie contient des fichiers que homolog n'a pas écrits (mine.txt)"), refused.stderr)
    let forced = try CLI.run(["compare", "a", "b", "--out", "cmp", "--force"], in: demo)
    XCTAssertEqual(forced.status, 0, forced.stderr)
    let after = try names("cmp")
    XCTAssertFalse(after.contains("anonymization-key.json"), "the previous run's key is stale: \(after)")
    XCTAssertTrue(after.contains("mine.txt"))
  }
}
