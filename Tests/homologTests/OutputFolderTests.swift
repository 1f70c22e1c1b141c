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
    // An older run (another date) wrote every format into the default folder, dossier/.
    XCTAssertEqual(try CLI.run(["evaluate", "--as-of", "2026-01-05", "--quiet"], in: demo).status, 1)
    XCTAssertEqual(try names("dossier").count, 7)
    let result = try evaluate(["--format", "md"])
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertEqual(try names("dossier"), ["dossier.md"])
  }

  func testFolderHoldingOtherFilesIsRefusedUnlessForced() throws {
    let out = demo.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
    try Data("{}".utf8).write(to: out.appendingPathComponent("dossier.json"))
    let refused = try evaluate(["--out", "out", "--format", "md"])
    XCTAssertEqual(refused.status, 2)
    XCTAssertEqual(
      refused.stderr,
      "out : erreur : le dossier de sortie contient des fichiers que homolog n'a pas écrits (notes.txt) : choisissez un dossier vide ou nouveau, "
        + "ou passez --force pour écrire à côté d'eux\n")
    let english = try evaluate(["--out", "out", "--format", "md", "--lang", "en"])
    XCTAssertEqual(
      english.stderr,
      "out: error: the output folder holds files homolog did not write (notes.txt): choose an empty or new folder, or pass --force to write beside them\n")
    XCTAssertEqual(try names("out"), ["dossier.json", "notes.txt"], "nothing written or removed")
    let forced = try evaluate(["--out", "out", "--format", "md", "--force"])
    XCTAssertEqual(forced.status, 1, forced.stderr)
    XCTAssertEqual(try names("out"), ["dossier.md", "notes.txt"], "the stale dossier.json removed, the user's file kept")
  }

  func testPortfolioOutputFolderReplacesItsOwnFilesOnly() throws {
    XCTAssertEqual(try evaluate(["--out", "dossiers/app"]).status, 1)
    let all = try CLI.run(["portfolio", "dossiers", "--out", "report"], in: demo)
    XCTAssertEqual(all.status, 0, all.stderr)
    XCTAssertEqual(try names("report"), ["portfolio.csv", "portfolio.json", "portfolio.md"])
    let csv = try CLI.run(["portfolio", "dossiers", "--out", "report", "--format", "csv"], in: demo)
    XCTAssertEqual(csv.status, 0, csv.stderr)
    XCTAssertEqual(try names("report"), ["portfolio.csv"])
  }
}
