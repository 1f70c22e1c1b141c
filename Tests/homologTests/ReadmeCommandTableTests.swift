import Foundation
import XCTest

/// The README's command table and `evaluate` help are the commands' own help: a changed option or summary fails here.
final class ReadmeCommandTableTests: XCTestCase {
  private static let commands = ["evaluate", "diff", "compare", "portfolio", "inspect", "catalogue", "init", "checks", "formats", "completion", "schema", "sign", "verify"]

  private func readme() throws -> String {
    try String(contentsOf: CLI.repository.appendingPathComponent("README.md"), encoding: .utf8)
  }

  /// The table row a command's help gives: usage lines, options (common ones aside), summary from `homolog --help`.
  private func expectedRow(_ command: String, summaries: [String: String]) throws -> String {
    let help = try CLI.run(["help", command, "--lang", "en"]).stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var usage: [String] = []
    for line in help {
      if line.hasPrefix("USAGE: ") {
        usage.append(String(line.dropFirst(7)))
      } else if !usage.isEmpty && line.hasPrefix("       homolog") {
        usage.append(line.trimmingCharacters(in: .whitespaces))
      } else if !usage.isEmpty {
        break
      }
    }
    var options: [String] = []
    if let start = help.firstIndex(of: "OPTIONS:") {
      for line in help[(start + 1)...] {
        if line.isEmpty { break }
        guard line.hasPrefix("  --") else { continue }
        // The label runs to the first double space (a long label stands alone on its line).
        let rest = line.dropFirst(2)
        let label = rest.range(of: "  ").map { String(rest[..<$0.lowerBound]) } ?? String(rest)
        let words = label.split(separator: " ")
        if !["--lang", "--color", "--help"].contains(String(words[0])) { options.append(label) }
      }
    }
    func code(_ text: String) -> String { "`" + text.replacingOccurrences(of: "|", with: "\\|") + "`" }
    let summary = try XCTUnwrap(summaries[command], command).replacingOccurrences(of: "|", with: "\\|")
    return "| \(usage.map(code).joined(separator: " <br>")) | \(options.isEmpty ? "—" : options.map(code).joined(separator: " ")) | \(summary) |"
  }

  func testCommandTableMatchesEveryCommandsHelp() throws {
    var summaries: [String: String] = [:]
    for line in try CLI.run(["--help", "--lang", "en"]).stdout.split(separator: "\n") where line.hasPrefix("  ") {
      let parts = line.dropFirst(2).split(separator: " ", maxSplits: 1)
      if parts.count == 2 { summaries[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces) }
    }
    let readme = try readme()
    let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `homolog ") }.map(String.init)
    XCTAssertEqual(rows.count, Self.commands.count, "one row per command")
    for (command, row) in zip(Self.commands, rows) {
      XCTAssertEqual(row, try expectedRow(command, summaries: summaries), command)
    }
  }

  func testEvaluateHelpIsQuotedWhole() throws {
    let help = try CLI.run(["help", "evaluate", "--lang", "en"]).stdout
    XCTAssertTrue(try readme().contains("```\n" + help + "```\n"), "README's evaluate help differs from `homolog help evaluate`")
  }

  func testCatalogueHelpAndREADMEStateTheSameErrorFormat() throws {
    let format = "FILE:LINE:COLUMN: error: MESSAGE"
    XCTAssertTrue(try CLI.run(["catalogue", "--help", "--lang", "en"]).stdout.contains(format))
    XCTAssertTrue(try readme().contains("`catalogue validate` prints every problem as `\(format)`"))
  }

  func testEveryOptionAndCompletionAndColourAreDocumented() throws {
    let readme = try readme()
    for text in [
      "`--name NAME`", "`--force`", "`--quiet`", "`--from-ci FILE`", "`policy.allowed_registries`", "--color auto|always|never",
      "NO_COLOR", "homolog completion bash", "homolog completion zsh", "homolog completion fish", "`--strict`",
    ] {
      XCTAssertTrue(readme.contains(text), text)
    }
  }
}
