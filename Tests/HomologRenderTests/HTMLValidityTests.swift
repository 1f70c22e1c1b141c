import Foundation
import HomologRender
import XCTest

/// Runs `scripts/check_html.py` (strict html5lib parsing, no external URL, ids and references) on the
/// demo page in both languages; skipped where python3 with html5lib is not installed.
final class HTMLValidityTests: XCTestCase {
  private static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  func testDemoPagesAreValidHTML5WithoutExternalURL() throws {
    guard run(["python3", "-c", "import html5lib"]).status == 0 else {
      throw XCTSkip("python3 with html5lib is not installed (pip install html5lib)")
    }
    let folder = try RenderFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var files: [String] = []
    for lang in ["fr", "en"] {
      let url = folder.appendingPathComponent("dossier.\(lang).html")
      try Data(try RenderFixture.render(HTMLRenderer(), lang: lang).utf8).write(to: url)
      files.append(url.path)
    }
    let result = run(["python3", Self.root.appendingPathComponent("scripts/check_html.py").path] + files)
    XCTAssertEqual(result.status, 0, result.output)
  }

  private func run(_ arguments: [String]) -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do {
      try process.run()
    } catch {
      return (127, "\(error)")
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
