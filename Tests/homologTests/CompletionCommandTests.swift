import Foundation
import XCTest

/// `homolog completion`: scripts generated from the option tables, the bash one exercised in bash.
final class CompletionCommandTests: XCTestCase {
  /// Runs `_homolog` in bash with the given words, the last one being completed; returns COMPREPLY.
  private func complete(_ words: [String]) throws -> [String] {
    let quoted = words.map { "'\($0)'" }.joined(separator: " ")
    let script = """
      source <('\(CLI.binary.path)' completion bash)
      COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _homolog; printf '%s\\n' "${COMPREPLY[@]}"
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0)
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  func testBashCompletesCommandsOptionsAndValues() throws {
    XCTAssertEqual(try complete(["homolog", "eva"]), ["evaluate"])
    XCTAssertEqual(try complete(["homolog", "co"]), ["compare", "completion"])
    XCTAssertEqual(try complete(["homolog", "evaluate", "--la"]), ["--lang"])
    XCTAssertEqual(try complete(["homolog", "evaluate", "--lang", ""]), ["fr", "en"])
    XCTAssertEqual(try complete(["homolog", "evaluate", "--color", "a"]), ["auto", "always"])
    XCTAssertEqual(try complete(["homolog", "catalogue", "va"]), ["validate"])
    XCTAssertEqual(try complete(["homolog", "completion", "z"]), ["zsh"])
    XCTAssertEqual(try complete(["homolog", "help", "port"]), ["portfolio"])
  }

  func testEveryShellsScriptListsEveryCommandAndOption() throws {
    for shell in ["bash", "zsh", "fish"] {
      let result = try CLI.run(["completion", shell])
      XCTAssertEqual(result.status, 0, shell)
      for word in ["evaluate", "portfolio", "completion", "config", "fail-on", "allow-mixed-policies", "from-ci"] {
        XCTAssertTrue(result.stdout.contains(word), "\(shell) lacks \(word)")
      }
    }
    let zsh = try CLI.run(["completion", "zsh"]).stdout
    XCTAssertTrue(zsh.hasPrefix("#compdef homolog\n"))
    XCTAssertTrue(zsh.contains("'*--evidence["), "a repeatable option may be given again")
    let fish = try CLI.run(["completion", "fish"]).stdout
    XCTAssertTrue(fish.contains("complete -c homolog -n '__fish_seen_subcommand_from evaluate' -l lang -x -a 'fr en'"), fish)
  }

  func testZshAndFishScriptsParse() throws {
    for (shell, check) in [("zsh", ["-n"]), ("fish", ["--no-execute"])] {
      guard let path = ["/usr/bin/\(shell)", "/bin/\(shell)"].first(where: FileManager.default.isExecutableFile) else {
        throw XCTSkip("\(shell) is not installed: its completion script was not parsed")
      }
      let dir = try CLI.temporaryDirectory()
      addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
      let file = dir.appendingPathComponent("script")
      try Data(try CLI.run(["completion", shell]).stdout.utf8).write(to: file)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: path)
      process.arguments = check + [file.path]
      try process.run()
      process.waitUntilExit()
      XCTAssertEqual(process.terminationStatus, 0, shell)
    }
  }

  /// Where fish is installed (.ci/run does not install it), its completion is exercised too.
  func testFishCompletesAPartialCommandWhenInstalled() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/fish") else { throw XCTSkip("fish is not installed: its completion was not exercised") }
    let dir = try CLI.temporaryDirectory()
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("homolog.fish")
    try Data(try CLI.run(["completion", "fish"]).stdout.utf8).write(to: script)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/fish")
    process.arguments = [
      "--no-config", "-c",
      "source '\(script.path)'; complete -C 'homolog eva'; complete -C 'homolog evaluate --lang '; complete -C 'homolog help por'",
    ]
    process.environment = ["HOME": dir.path, "PATH": "/usr/bin:/bin"]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    XCTAssertEqual(
      String(decoding: data, as: UTF8.self),
      "evaluate\tévalue un projet\nen\tlangue du dossier\nfr\tlangue du dossier\nportfolio\tagrège les dossiers de nombreuses applications\n")
  }

  func testOneShellOnly() throws {
    let result = try CLI.run(["completion", "bash", "zsh", "--color", "never"])
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(result.stderr, "erreur : argument inattendu « zsh »\nvoir « homolog completion --help »\n")
    XCTAssertEqual(result.stdout, "")
  }

  func testUnknownShell() throws {
    let result = try CLI.run(["completion", "zhs", "--color", "never"])
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(
      result.stderr, "erreur : shell inconnu « zhs » ; vouliez-vous dire « zsh » ? (attendu : bash, zsh ou fish)\nvoir « homolog completion --help »\n")
    // --lang is common to every command.
    let english = try CLI.run(["completion", "zhs", "--lang", "en", "--color", "never"])
    XCTAssertEqual(english.stderr, "error: unknown shell 'zhs'; did you mean 'zsh'? (expected bash, zsh or fish)\nsee 'homolog completion --help'\n")
  }
}
