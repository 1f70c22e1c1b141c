import Foundation
import XCTest

/// Usage errors follow git and swift-argument-parser: the problem named first, one line, where the help is, exit 2.
/// They speak the run's language: `--lang` when the command line gives it, else French (with French typography).
final class ArgumentParsingTests: XCTestCase {
  /// A French usage error (the default): `erreur : MESSAGE` then `voir « homolog CMD --help »`.
  private func assertUsageError(_ arguments: [String], _ message: String, see: String = "homolog evaluate --help", file: StaticString = #filePath, line: UInt = #line) throws {
    let result = try CLI.run(arguments + ["--color", "never"])
    XCTAssertEqual(result.status, 2, result.stderr, file: file, line: line)
    XCTAssertEqual(result.stderr, "erreur : \(message)\nvoir « \(see) »\n", file: file, line: line)
    XCTAssertEqual(result.stdout, "", file: file, line: line)
  }

  /// The same error under `--lang en`: `error: MESSAGE` then `see 'homolog CMD --help'`.
  private func assertEnglishUsageError(_ arguments: [String], _ message: String, see: String = "homolog evaluate --help", file: StaticString = #filePath, line: UInt = #line) throws {
    let result = try CLI.run(arguments + ["--lang", "en", "--color", "never"])
    XCTAssertEqual(result.status, 2, result.stderr, file: file, line: line)
    XCTAssertEqual(result.stderr, "error: \(message)\nsee '\(see)'\n", file: file, line: line)
    XCTAssertEqual(result.stdout, "", file: file, line: line)
  }

  func testUnknownOptionIsNamedWithTheClosestOne() throws {
    try assertUsageError(["evaluate", "--outdir", "o"], "option inconnue « --outdir » ; vouliez-vous dire « --out » ?")
    try assertUsageError(["evaluate", "--confg", "x.yaml"], "option inconnue « --confg » ; vouliez-vous dire « --config » ?")
    try assertUsageError(["evaluate", "--zzzzzzzz"], "option inconnue « --zzzzzzzz »")
    try assertUsageError(["diff", "a", "b", "--formt", "md"], "option inconnue « --formt » ; vouliez-vous dire « --format » ?", see: "homolog diff --help")
    try assertEnglishUsageError(["evaluate", "--outdir", "o"], "unknown option '--outdir'; did you mean '--out'?")
    try assertEnglishUsageError(["evaluate", "--zzzzzzzz"], "unknown option '--zzzzzzzz'")
    // --lang=en counts too, wherever it stands before --.
    let equals = try CLI.run(["evaluate", "--lang=en", "--outdir", "o"])
    XCTAssertEqual(equals.stderr, "error: unknown option '--outdir'; did you mean '--out'?\nsee 'homolog evaluate --help'\n")
  }

  func testUnexpectedArgumentIsNamed() throws {
    try assertUsageError(["evaluate", "homolog.yaml"], "argument inattendu « homolog.yaml » ; vouliez-vous dire « --config homolog.yaml » ?")
    try assertUsageError(["evaluate", "quiet"], "argument inattendu « quiet » ; vouliez-vous dire « --quiet » ?")
    try assertUsageError(["formats", "extra"], "argument inattendu « extra »", see: "homolog formats --help")
    try assertEnglishUsageError(["evaluate", "homolog.yaml"], "unexpected argument 'homolog.yaml'; did you mean '--config homolog.yaml'?")
  }

  func testUnknownCommandAndActionGetASuggestion() throws {
    try assertUsageError(["evalute"], "commande inconnue « evalute » ; vouliez-vous dire « evaluate » ?", see: "homolog --help")
    try assertUsageError(["help", "evalute"], "commande inconnue « evalute » ; vouliez-vous dire « evaluate » ?", see: "homolog --help")
    try assertUsageError(
      ["catalogue", "valdate", "x"],
      "action de catalogue inconnue « valdate » ; vouliez-vous dire « validate » ? (attendu : validate, list, mapping ou diff)",
      see: "homolog catalogue --help")
    try assertUsageError(
      ["evaluate", "--format", "mdd"],
      "format inconnu « mdd » ; vouliez-vous dire « md » ? (attendu : json, md, html, junit, sarif, codequality, oscal, action-plan, pdf)")
    // An unknown language cannot choose the language: the error is French.
    try assertUsageError(["evaluate", "--lang", "fra"], "--lang attend fr ou en, reçu « fra » ; vouliez-vous dire « fr » ?")
    try assertEnglishUsageError(["evalute"], "unknown command 'evalute'; did you mean 'evaluate'?", see: "homolog --help")
    try assertEnglishUsageError(
      ["catalogue", "valdate", "x"], "unknown catalogue action 'valdate'; did you mean 'validate'? (expected validate, list, mapping or diff)",
      see: "homolog catalogue --help")
    try assertEnglishUsageError(
      ["evaluate", "--format", "mdd"], "unknown format 'mdd'; did you mean 'md'? (expected json, md, html, junit, sarif, codequality, oscal, action-plan, pdf)")
  }

  func testRepeatedSingleValueOptionIsRefusedByName() throws {
    try assertUsageError(["evaluate", "--out", "a", "--out", "b"], "l'option « --out » est donnée plus d'une fois (elle prend une seule valeur)")
    try assertUsageError(["evaluate", "--out=a", "--out=b"], "l'option « --out » est donnée plus d'une fois (elle prend une seule valeur)")
    try assertEnglishUsageError(["evaluate", "--out", "a", "--out", "b"], "option '--out' given more than once (it takes one value)")
  }

  func testMissingValueAndFlagWithValue() throws {
    try assertUsageError(["evaluate", "--out", "--quiet"], "l'option « --out » attend une valeur (DIR)")
    try assertUsageError(["evaluate", "--quiet=yes"], "l'option « --quiet » ne prend pas de valeur")
    try assertEnglishUsageError(["evaluate", "--out", "--quiet"], "option '--out' expects a value (DIR)")
    try assertEnglishUsageError(["evaluate", "--quiet=yes"], "option '--quiet' takes no value")
  }

  func testEmptyValueIsRefusedByName() throws {
    try assertUsageError(["evaluate", "--config="], "l'option « --config » attend une valeur (FILE), reçu une valeur vide")
    try assertUsageError(["evaluate", "--out", ""], "l'option « --out » attend une valeur (DIR), reçu une valeur vide")
    try assertUsageError(["diff", "a", "b", "--format="], "l'option « --format » attend une valeur (FORMAT), reçu une valeur vide", see: "homolog diff --help")
    try assertEnglishUsageError(["evaluate", "--out="], "option '--out' expects a value (DIR), got an empty one")
  }

  func testFolderValuesAreJoinedAsPaths() throws {
    let dir = try CLI.temporaryDirectory()
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    for given in ["sub", "sub/", "./sub"] {
      let result = try CLI.run(["evaluate", "--config", given, "--color", "never"], in: dir)
      XCTAssertEqual(result.status, 2, given)
      XCTAssertTrue(result.stderr.hasPrefix(given.hasPrefix("./") ? "./sub/homolog.yaml: " : "sub/homolog.yaml: "), "\(given): \(result.stderr)")
    }
    let diff = try CLI.run(["diff", "sub/", "sub", "--color", "never"], in: dir)
    XCTAssertEqual(diff.status, 2)
    XCTAssertEqual(diff.stderr, "sub/: erreur : ce dossier ne contient pas de dossier.json : un dossier.json ou le dossier de sortie de homolog evaluate est attendu\n")
  }

  func testLangIsACommonOptionOfEveryCommand() throws {
    let help = try CLI.run(["help", "evaluate", "--lang", "en"])
    XCTAssertEqual(help.status, 0, help.stderr)
    XCTAssertTrue(help.stdout.hasPrefix("USAGE: homolog evaluate"), help.stdout)
    let completion = try CLI.run(["completion", "bash", "--lang", "en"])
    XCTAssertEqual(completion.status, 0, completion.stderr)
    XCTAssertEqual(try CLI.run(["checks", "--lang=en"]).status, 0)
    XCTAssertTrue(try CLI.run(["help", "checks", "--lang", "en"]).stdout.contains("\n  --lang fr|en         language of what the command prints (default fr)\n"))
    XCTAssertTrue(try CLI.run(["help", "checks"]).stdout.contains("\n  --lang fr|en         langue de ce qu'affiche la commande (fr par défaut)\n"))
    // Parsed once: the language of a usage error follows --lang wherever it stands, even after the problem.
    try assertEnglishUsageError(["formats", "--bogus"], "unknown option '--bogus'", see: "homolog formats --help")
    try assertEnglishUsageError(["help", "evaluate", "extra"], "help takes one command, got 2 arguments", see: "homolog --help")
    let unknown = try CLI.run(["formats", "--lang", "de", "--color", "never"])
    XCTAssertEqual(unknown.status, 2)
    XCTAssertTrue(unknown.stderr.hasPrefix("erreur : "), unknown.stderr)
  }

  func testFlagGivenAValueSaysItTakesNoneNeverSuggestsItself() throws {
    try assertUsageError(["evaluate", "--version=1"], "l'option « --version » ne prend pas de valeur")
    try assertUsageError(["evaluate", "--help=yes"], "l'option « --help » ne prend pas de valeur")
    try assertEnglishUsageError(["evaluate", "--version=1"], "option '--version' takes no value")
    try assertUsageError(["--version=1"], "l'option « --version » ne prend pas de valeur", see: "homolog --help")
    for arguments in [["evaluate", "--version=1"], ["evaluate", "--force=1"], ["--version=2"]] {
      let result = try CLI.run(arguments + ["--color", "never"])
      XCTAssertFalse(result.stderr.contains("vouliez-vous dire"), "\(arguments): \(result.stderr)")
    }
  }

  func testDiffPrintsOneFormat() throws {
    try assertUsageError(["diff", "a", "b", "--format", "md,json"], "sans --out, diff affiche un seul format : --format md, --format html ou --format json", see: "homolog diff --help")
    try assertEnglishUsageError(["diff", "a", "b", "--format", "md,json"], "without --out, diff prints one format: --format md, --format html or --format json", see: "homolog diff --help")
  }

  func testOptionValuesAreCheckedInTheRunsLanguage() throws {
    try assertUsageError(["evaluate", "--as-of", "30/11/2026"], "--as-of attend une date AAAA-MM-JJ, reçu « 30/11/2026 »")
    try assertEnglishUsageError(["evaluate", "--as-of", "30/11/2026"], "--as-of expects a date YYYY-MM-DD, got '30/11/2026'")
    try assertUsageError(["evaluate", "--max-file-mb", "0"], "--max-file-mb attend un nombre positif de mégaoctets, reçu « 0 »")
    try assertEnglishUsageError(["evaluate", "--max-file-mb", "0"], "--max-file-mb expects a positive number of megabytes, got '0'")
    try assertUsageError(["diff", "a"], "deux dossiers sont attendus, OLD et NEW, reçu 1", see: "homolog diff --help")
    try assertEnglishUsageError(["diff", "a"], "expected two dossiers, OLD and NEW, got 1", see: "homolog diff --help")
  }

  func testHelpIsAnOptionNeverAValue() throws {
    let help = try CLI.run(["evaluate", "--help"])
    XCTAssertEqual(help.status, 0)
    XCTAssertTrue(help.stdout.hasPrefix("USAGE : homolog evaluate [--config FILE] [--out DIR] [options]\n"), help.stdout)
    XCTAssertEqual(try CLI.run(["evaluate", "-h"]).stdout, help.stdout)
    // As --config's value, --help is a file name: no help, the missing file is reported.
    let dir = try CLI.temporaryDirectory()
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    let valued = try CLI.run(["evaluate", "--config", "--help", "--color", "never"], in: dir)
    XCTAssertEqual(valued.status, 2)
    XCTAssertEqual(valued.stdout, "")
    XCTAssertTrue(valued.stderr.hasPrefix("--help"), valued.stderr)
    XCTAssertTrue(valued.stderr.contains("erreur : fichier de projet « --help » inexistant"), valued.stderr)
    // After --, --help is a positional.
    let ended = try CLI.run(["inspect", "--", "--help", "--color", "never"], in: dir)
    XCTAssertEqual(ended.status, 2)
    XCTAssertEqual(ended.stdout, "")
    XCTAssertFalse(ended.stderr.contains("USAGE"), ended.stderr)
  }

  func testDoubleDashEndsOptions() throws {
    let dir = try CLI.temporaryDirectory()
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    try Data("{}".utf8).write(to: dir.appendingPathComponent("--json"))
    let result = try CLI.run(["inspect", "--", "--json"], in: dir)
    XCTAssertTrue(result.stdout.contains("--json"), result.stdout + result.stderr)
    XCTAssertFalse(result.stdout.hasPrefix("{"), "--json after -- is a file, not the option")
  }

  func testHelpCommandAndEveryCommandsHelp() throws {
    let general = try CLI.run(["help"])
    XCTAssertEqual(general.status, 0)
    XCTAssertTrue(general.stdout.contains("USAGE : homolog <commande> [options]"))
    for name in ["evaluate", "inspect", "catalogue", "init", "checks", "formats", "diff", "compare", "portfolio", "completion"] {
      let viaHelp = try CLI.run(["help", name])
      let viaOption = try CLI.run([name, "--help"])
      XCTAssertEqual(viaHelp.status, 0, name)
      XCTAssertEqual(viaOption.status, 0, name)
      XCTAssertEqual(viaHelp.stdout, viaOption.stdout, name)
      XCTAssertTrue(viaHelp.stdout.hasPrefix("USAGE : homolog \(name)"), name)
      XCTAssertTrue(viaHelp.stdout.contains("  --color WHEN "), name)
      XCTAssertTrue(viaHelp.stdout.contains("  -h, --help "), name)
      XCTAssertTrue(general.stdout.contains("  \(name) "), name)
    }
  }

  func testVersionOnACommandPrintsTheVersion() throws {
    let result = try CLI.run(["evaluate", "--version"])
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(result.stdout, "homolog 0.1.0\n")
    XCTAssertEqual(try CLI.run(["--version"]).stdout, "homolog 0.1.0\n")
  }
}
