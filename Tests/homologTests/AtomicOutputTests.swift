import Foundation
import XCTest

/// Killing `homolog evaluate` (SIGKILL, no chance to clean up) never leaves a truncated or mixed-up file.
final class AtomicOutputTests: XCTestCase {
  private var demo: URL!
  private var out: URL!

  override func setUpWithError() throws {
    demo = try CLI.demoCopy()
    out = demo.deletingLastPathComponent().appendingPathComponent("OUT")
  }

  private func arguments(_ lang: String) -> [String] {
    ["evaluate", "--config", demo.appendingPathComponent("homolog.yaml").path, "--out", out.path, "--as-of", "2026-11-22", "--lang", lang, "--quiet"]
  }

  /// Starts homolog without waiting for it.
  private func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Every file of the output folder, by name (staging folders left out).
  private func snapshot() throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where !name.hasPrefix(".homolog-staging-") {
      files[name] = try Data(contentsOf: out.appendingPathComponent(name))
    }
    return files
  }

  /// The dossier of one language, written into the output folder.
  private func reference(_ lang: String) throws -> [String: Data] {
    let result = try CLI.run(arguments(lang))
    XCTAssertTrue([0, 1].contains(result.status), result.stderr)
    return try snapshot()
  }

  func testSIGKILLWhileStagedLeavesThePreviousDossierWhole() throws {
    let english = try reference("en")
    let french = try reference("fr")
    XCTAssertNotEqual(english["dossier.md"], french["dossier.md"])
    let process = try start(arguments("en"), environment: ["HOMOLOG_TEST_PAUSE_BEFORE_RENAME": "30"])
    let deadline = Date().addingTimeInterval(20)
    var staged = false
    while Date() < deadline && !staged {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
      if let staging = names.first(where: { $0.hasPrefix(".homolog-staging-") }) {
        let inside = (try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(staging).path)) ?? []
        staged = Set(inside) == Set(french.keys)
      }
      if !staged { usleep(20_000) }
    }
    XCTAssertTrue(staged, "the run never staged its outputs")
    usleep(100_000)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationReason, .uncaughtSignal)
    XCTAssertEqual(try snapshot(), french, "a killed run changed the previous dossier")

    // The next run replaces the dossier and removes the dead run's staging folder.
    XCTAssertEqual(try reference("en"), english)
    let left = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".homolog-staging-") }
    XCTAssertEqual(left, [])
  }

  func testSIGKILLAtRandomMomentsLeavesEveryFileWholeOldOrNew() throws {
    let english = try reference("en")
    let french = try reference("fr")
    var generator = SystemRandomNumberGenerator()
    var killedMidway = 0
    for round in 0..<16 {
      let lang = round % 2 == 0 ? "en" : "fr"
      let process = try start(arguments(lang))
      usleep(UInt32.random(in: 0...250_000, using: &generator))
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        killedMidway += 1
      }
      process.waitUntilExit()
      let files = try snapshot()
      XCTAssertEqual(Set(files.keys), Set(french.keys), "round \(round)")
      let manifest = String(decoding: files[".homolog-outputs"] ?? Data(), as: UTF8.self).split(separator: "\n").map(String.init)
      for (name, data) in files where name != ".homolog-outputs" {
        XCTAssertTrue(data == english[name] || data == french[name], "round \(round): \(name) is neither the old nor the new version")
        XCTAssertTrue(manifest.contains("\(try CLI.sha256(data))  \(name)"), "round \(round): the manifest does not vouch for \(name), the next run would refuse it")
      }
    }
    XCTAssertGreaterThan(killedMidway, 0, "no run was killed midway: the test proved nothing")
  }
}
