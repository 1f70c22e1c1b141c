import Foundation
import XCTest

/// Colour on stderr: `--color always|never|auto`, `NO_COLOR`, and only on a terminal in auto mode.
final class ColorTests: XCTestCase {
  private let red = "\u{1B}[31m"
  private let reset = "\u{1B}[0m"

  func testAlwaysColoursErrorsRed() throws {
    let result = try CLI.run(["evaluate", "--outdir", "o", "--color", "always"])
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(result.stderr, "\(red)erreur :\(reset) option inconnue « --outdir » ; vouliez-vous dire « --out » ?\nvoir « homolog evaluate --help »\n")
    let english = try CLI.run(["evaluate", "--outdir", "o", "--color", "always", "--lang", "en"])
    XCTAssertEqual(english.stderr, "\(red)error:\(reset) unknown option '--outdir'; did you mean '--out'?\nsee 'homolog evaluate --help'\n")
  }

  func testLocatedErrorKeepsFileLineColonAndItsColour() throws {
    let dir = try CLI.temporaryDirectory()
    XCTAssertEqual(try CLI.run(["init"], in: dir).status, 0)
    let again = try CLI.run(["init", "--color", "always"], in: dir)
    XCTAssertEqual(again.status, 2)
    XCTAssertEqual(again.stderr, "homolog.yaml: \(red)erreur :\(reset) homolog.yaml existe déjà (--force pour l'écraser)\n")
    let english = try CLI.run(["init", "--color", "always", "--lang", "en"], in: dir)
    XCTAssertEqual(english.stderr, "homolog.yaml: \(red)error:\(reset) homolog.yaml already exists (use --force to overwrite)\n")
  }

  func testNeverAndNotATerminalAreUncoloured() throws {
    for extra in [["--color", "never"], [], ["--color", "auto"]] {
      let result = try CLI.run(["evaluate", "--outdir", "o"] + extra)
      XCTAssertEqual(result.stderr, "erreur : option inconnue « --outdir » ; vouliez-vous dire « --out » ?\nvoir « homolog evaluate --help »\n", "\(extra)")
    }
  }

  func testUnknownColorModeGetsASuggestion() throws {
    let result = try CLI.run(["formats", "--color", "allways"])
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(result.stderr, "erreur : --color attend auto, always ou never, reçu « allways » ; vouliez-vous dire « always » ?\nvoir « homolog formats --help »\n")
    let english = try CLI.run(["evaluate", "--color", "allways", "--lang", "en"])
    XCTAssertEqual(english.stderr, "error: --color expects auto, always or never, got 'allways'; did you mean 'always'?\nsee 'homolog evaluate --help'\n")
  }

  func testSummaryStatusAndGateFailureColoured() throws {
    let demo = try CLI.demoCopy()
    addTeardownBlock { try? FileManager.default.removeItem(at: demo.deletingLastPathComponent()) }
    let result = try CLI.run(["evaluate", "--as-of", "2026-11-22", "--color", "always"], in: demo)
    XCTAssertEqual(result.status, 1, result.stderr)
    // The gate failure's first line is red whatever its wording; the verdict word in the summary too.
    let failure = result.stderr.split(separator: "\n").first { $0.hasPrefix(red) }.map(String.init) ?? ""
    XCTAssertTrue(failure.hasSuffix(reset) && failure.contains("liminato"), result.stderr)
    let summary = result.stderr.split(separator: "\n").first { $0.hasPrefix("Demo") || $0.contains("→") }.map(String.init) ?? ""
    XCTAssertNotNil(summary.range(of: "\u{1B}\\[31m[ÉéEe]liminato", options: .regularExpression), summary)
  }

  /// On a terminal (through script(1)), auto colours unless NO_COLOR is set.
  func testTerminalAutoAndNoColor() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("script(1) is not installed") }
    func onTerminal(_ environment: [String: String]) throws -> String {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
      process.arguments = ["-qc", "'\(CLI.binary.path)' evaluate --outdir o", "/dev/null"]
      var env = ProcessInfo.processInfo.environment
      env.removeValue(forKey: "NO_COLOR")
      env["TERM"] = "xterm"
      for (key, value) in environment { env[key] = value }
      process.environment = env
      let out = Pipe()
      process.standardOutput = out
      process.standardInput = FileHandle.nullDevice
      try process.run()
      let data = out.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return String(decoding: data, as: UTF8.self)
    }
    XCTAssertTrue(try onTerminal([:]).hasPrefix("\(red)erreur :\(reset) option inconnue « --outdir »"))
    XCTAssertTrue(try onTerminal(["NO_COLOR": "1"]).hasPrefix("erreur : option inconnue « --outdir »"))
  }
}
