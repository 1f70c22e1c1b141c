import Foundation
import XCTest

/// Usage errors follow git and swift-argument-parser: the problem named first, one line, where the help is, exit 2.
final class ArgumentParsingTests: XCTestCase {
  private func assertUsageError(_ arguments: [String], _ message: String, see: String = "homolog evaluate --help", file: StaticString = #filePath, line: UInt = #line) throws {
    let result = try CLI.run(arguments + ["--color", "never"])
    XCTAssertEqual(result.status, 2, result.stderr, file: file, line: line)
    XCTAssertEqual(result.stderr, "error: \(message)\nsee '\(see)'\n", file: file, line: line)
    XCTAssertEqual(result.stdout, "", file: file, line: line)
  }

  func testUnknownOptionIsNamedWithTheClosestOne() throws {
    try assertUsageError(["evaluate", "--outdir", "o"], "unknown option '--outdir'; did you mean '--out'?")
    try assertUsageError(["evaluate", "--confg", "x.yaml"], "unknown option '--confg'; did you mean '--config'?")
    try assertUsageError(["evaluate", "--zzzzzzzz"], "unknown option '--zzzzzzzz'")
    try assertUsageError(["diff", "a", "b", "--formt", "md"], "unknown option '--formt'; did you mean '--format'?", see: "homolog diff --help")
  }

  func testUnexpectedArgumentIsNamed() throws {
    try assertUsageError(["evaluate", "homolog.yaml"], "unexpected argument 'homolog.yaml'; did you mean '--config homolog.yaml'?")
    try assertUsageError(["evaluate", "quiet"], "unexpected argument 'quiet'; did you mean '--quiet'?")
    try assertUsageError(["formats", "extra"], "unexpected argument 'extra'", see: "homolog formats --help")
  }

  func testUnknownCommandAndActionGetASuggestion() throws {
    try assertUsageError(["evalute"], "unknown command 'evalute'; did you mean 'evaluate'?", see: "homolog --help")
    try assertUsageError(["help", "evalute"], "unknown command 'evalute'; did you mean 'evaluate'?", see: "homolog --help")
    try assertUsageError(
      ["catalogue", "valdate", "x"], "unknown catalogue action 'valdate'; did you mean 'validate'? (expected validate, list or mapping)",
      see: "homolog catalogue --help")
    try assertUsageError(
      ["evaluate", "--format", "mdd"], "unknown format 'mdd'; did you mean 'md'? (expected json, md, html, junit, sarif, codequality, oscal)")
    try assertUsageError(["evaluate", "--lang", "fra"], "--lang expects fr or en, got 'fra'; did you mean 'fr'?")
  }

  func testRepeatedSingleValueOptionIsRefusedByName() throws {
    try assertUsageError(["evaluate", "--out", "a", "--out", "b"], "option '--out' given more than once (it takes one value)")
    try assertUsageError(["evaluate", "--out=a", "--out=b"], "option '--out' given more than once (it takes one value)")
  }

  func testMissingValueAndFlagWithValue() throws {
    try assertUsageError(["evaluate", "--out", "--quiet"], "option '--out' expects a value (DIR)")
    try assertUsageError(["evaluate", "--quiet=yes"], "option '--quiet' takes no value")
  }

  func testHelpIsAnOptionNeverAValue() throws {
    let help = try CLI.run(["evaluate", "--help"])
    XCTAssertEqual(help.status, 0)
    XCTAssertTrue(help.stdout.hasPrefix("USAGE: homolog evaluate [--config FILE] [--out DIR] [options]\n"), help.stdout)
    XCTAssertEqual(try CLI.run(["evaluate", "-h"]).stdout, help.stdout)
    // As --config's value, --help is a file name: no help, the missing file is reported.
    let dir = try CLI.temporaryDirectory()
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    let valued = try CLI.run(["evaluate", "--config", "--help", "--color", "never"], in: dir)
    XCTAssertEqual(valued.status, 2)
    XCTAssertEqual(valued.stdout, "")
    XCTAssertTrue(valued.stderr.hasPrefix("--help: error: cannot read the file"), valued.stderr)
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
    XCTAssertTrue(general.stdout.contains("USAGE: homolog <command> [options]"))
    for name in ["evaluate", "inspect", "catalogue", "init", "checks", "formats", "diff", "compare", "portfolio", "completion"] {
      let viaHelp = try CLI.run(["help", name])
      let viaOption = try CLI.run([name, "--help"])
      XCTAssertEqual(viaHelp.status, 0, name)
      XCTAssertEqual(viaOption.status, 0, name)
      XCTAssertEqual(viaHelp.stdout, viaOption.stdout, name)
      XCTAssertTrue(viaHelp.stdout.hasPrefix("USAGE: homolog \(name)"), name)
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
