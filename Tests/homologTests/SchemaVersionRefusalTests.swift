import Foundation
import HomologModel
import HomologRender
import XCTest

/// Dossiers of another major schema version (`schema_version`, or `schema`) are refused by diff, compare and
/// evaluate --baseline (exit 2, located at the key), listed as unreadable by portfolio; any 2.x version reads.
final class SchemaVersionRefusalTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws {
    folder = try TemporaryFolders.make("homolog-schema-version")
    try SchemaTestDossiers.write(SchemaTestDossiers.least(), to: folder.appendingPathComponent("current/dossier.json"))
  }

  /// Writes the least dossier with its version keys changed (nil removes the key).
  private func write(
    _ name: String, version: String?, schema: String = "homolog-dossier/2", dossier: Dossier = SchemaTestDossiers.least()
  ) throws {
    try SchemaTestDossiers.write(dossier, to: folder.appendingPathComponent(name)) { json in
      json["schema_version"] = version
      json["schema"] = schema
    }
  }

  private static let newer =
    "dossier of schema 3.0.0, written by a newer homolog: this homolog reads schema 2.x (\"homolog-dossier/2\", up to 2.1.0); "
    + "read it with a homolog that knows its version"

  func testDiffRefusesANewerMajorVersionNamingFileVersionAndWhatItReads() throws {
    try write("future.json", version: "3.0.0")
    let english = try CLI.run(["diff", "future.json", "current/dossier.json", "--lang", "en"], in: folder)
    XCTAssertEqual(english.status, 2)
    XCTAssertEqual(english.stdout, "")
    XCTAssertEqual(english.stderr, "future.json (at $.schema_version): error: \(Self.newer)\n")
    let french = try CLI.run(["diff", "current/dossier.json", "future.json"], in: folder)
    XCTAssertEqual(french.status, 2)
    XCTAssertEqual(
      french.stderr,
      "future.json (at $.schema_version): erreur : dossier de schéma 3.0.0, écrit par un homolog plus récent : ce homolog lit le schéma 2.x "
        + "(« homolog-dossier/2 », jusqu'à 2.1.0) ; lisez-le avec un homolog qui connaît sa version\n")
  }

  func testTheSchemaIdentifierOfAnotherMajorIsRefusedToo() throws {
    try write("next.json", version: nil, schema: "homolog-dossier/3")
    try write("old.json", version: "1.4.0", schema: "homolog-dossier/1")
    try write("bad.json", version: "2.1")
    let next = try CLI.run(["diff", "current/dossier.json", "next.json", "--lang", "en"], in: folder)
    XCTAssertEqual(next.status, 2)
    XCTAssertEqual(
      next.stderr,
      "next.json (at $.schema): error: dossier of schema homolog-dossier/3, written by a newer homolog: this homolog reads schema 2.x "
        + "(\"homolog-dossier/2\", up to 2.1.0); read it with a homolog that knows its version\n")
    let old = try CLI.run(["diff", "old.json", "current/dossier.json", "--lang", "en"], in: folder)
    XCTAssertEqual(old.status, 2)
    XCTAssertEqual(
      old.stderr,
      "old.json (at $.schema_version): error: dossier of schema 1.4.0: this homolog reads schema 2.x (\"homolog-dossier/2\", up to 2.1.0); "
        + "re-evaluate it with this homolog\n")
    let bad = try CLI.run(["diff", "bad.json", "current/dossier.json", "--lang", "en"], in: folder)
    XCTAssertEqual(bad.status, 2)
    XCTAssertEqual(
      bad.stderr,
      "bad.json (at $.schema_version): error: schema_version \"2.1\" is not a version MAJOR.MINOR.PATCH: this homolog reads schema 2.x "
        + "(\"homolog-dossier/2\", up to 2.1.0)\n")
  }

  func testEveryVersionOfMajorTwoReadsWithOrWithoutSchemaVersion() throws {
    try write("unversioned.json", version: nil)
    try write("later.json", version: "2.9.4")
    let result = try CLI.run(["diff", "unversioned.json", "later.json", "--format", "json"], in: folder)
    XCTAssertEqual(result.status, 0, result.stderr)
    try write("a.json", version: nil, dossier: SchemaTestDossiers.fullest())
    try write("b.json", version: "2.9.4", dossier: SchemaTestDossiers.fullest())
    let compared = try CLI.run(["compare", "a.json", "b.json", "--format", "csv"], in: folder)
    XCTAssertEqual(compared.status, 0, compared.stderr)
    XCTAssertEqual(compared.stdout.split(separator: "\r\n").count, 3, compared.stdout)
    XCTAssertEqual(try JSONRenderer.decoder.decode(Dossier.self, from: Data(contentsOf: folder.appendingPathComponent("unversioned.json"))).schemaVersion, nil)
  }

  func testCompareRefusesANewerMajorVersion() throws {
    try write("b.json", version: "3.0.0")
    let result = try CLI.run(["compare", "current/dossier.json", "b.json", "--lang", "en"], in: folder)
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(result.stdout, "")
    XCTAssertEqual(result.stderr, "b.json (at $.schema_version): error: \(Self.newer)\n")
  }

  func testEvaluateRefusesABaselineOfANewerMajorVersionAndWritesNothing() throws {
    let demo = try CLI.demoCopy()
    try write("future.json", version: "3.0.0")
    let result = try CLI.run(
      ["evaluate", "--config", demo.appendingPathComponent("homolog.yaml").path, "--out", "out", "--baseline", "future.json", "--lang", "en"],
      in: folder)
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(result.stderr, "future.json (at $.schema_version): error: \(Self.newer)\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "nothing is written")
  }

  /// Portfolio lists a dossier it cannot read among its unreadable files, with the reason, and goes on (exit 0).
  func testPortfolioListsANewerMajorVersionAmongTheUnreadable() throws {
    try write("apps/future/dossier.json", version: "3.0.0")
    try SchemaTestDossiers.write(SchemaTestDossiers.least(), to: folder.appendingPathComponent("apps/app/dossier.json"))
    let result = try CLI.run(["portfolio", "apps", "--format", "json", "--lang", "en"], in: folder)
    XCTAssertEqual(result.status, 0, result.stderr)
    let portfolio = try JSONRenderer.decoder.decode(Portfolio.self, from: Data(result.stdout.utf8))
    XCTAssertEqual(portfolio.rows.map(\.file), ["app/dossier.json"])
    XCTAssertEqual(portfolio.unreadable, [IgnoredFile(path: "future/dossier.json", reason: Self.newer)])
    XCTAssertTrue(result.stderr.contains("1 dossier aggregated, 1 unreadable"), result.stderr)
  }
}
