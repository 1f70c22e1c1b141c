import Foundation
import XCTest

/// `homolog evaluate` and `homolog inspect` on hostile evidence: exit 0, 1 or a clean exit 2, in
/// bounded time; nothing written on exit 2; no terminal control sequence reaches the terminal.
final class HostileEvaluateTests: XCTestCase {
  private static let hostile = CLI.repository.appendingPathComponent("Tests/Fixtures/hostile")

  private static var corpus: [URL] {
    let enumerator = FileManager.default.enumerator(at: hostile, includingPropertiesForKeys: nil)
    var files: [URL] = []
    while let url = enumerator?.nextObject() as? URL {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      if !isDirectory.boolValue && url.lastPathComponent != "README.md" { files.append(url) }
    }
    return files.sorted { $0.path < $1.path }
  }

  private func evaluate(_ demo: URL, out: URL, extra: [String] = []) throws -> CLI.Output {
    try CLI.run(["evaluate", "--config", demo.appendingPathComponent("homolog.yaml").path, "--out", out.path, "--as-of", "2026-11-22"] + extra)
  }

  func testEveryHostileFileAsEvidenceGivesACleanExit() throws {
    let demo = try CLI.demoCopy()
    let slot = demo.appendingPathComponent("reports/shared/hostile")
    try FileManager.default.createDirectory(at: slot, withIntermediateDirectories: true)
    for file in Self.corpus {
      let placed = slot.appendingPathComponent(file.lastPathComponent)
      try FileManager.default.copyItem(at: file, to: placed)
      defer { try? FileManager.default.removeItem(at: placed) }
      let out = demo.deletingLastPathComponent().appendingPathComponent("OUT-\(file.lastPathComponent)")
      let start = Date()
      let result = try evaluate(demo, out: out)
      XCTAssertLessThan(Date().timeIntervalSince(start), 20, file.lastPathComponent)
      XCTAssertTrue([0, 1, 2].contains(result.status), "\(file.lastPathComponent): exit \(result.status)\n\(result.stderr)")
      if result.status == 2 {
        XCTAssertTrue(result.stderr.contains("reports/shared/hostile/\(file.lastPathComponent)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("error: "), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "\(file.lastPathComponent): exit 2 wrote a dossier")
      }
      XCTAssertFalse(result.stderr.utf8.contains(0x1B), "\(file.lastPathComponent): ESC on stderr")
    }
  }

  func testMarkupInEvidenceIsEscapedInTheDossierAndStrippedFromTheTerminal() throws {
    let demo = try CLI.demoCopy()
    try FileManager.default.copyItem(
      at: Self.hostile.appendingPathComponent("trivy-markup-in-strings.json"),
      to: demo.appendingPathComponent("reports/shared/trivy-\u{1B}[31mred.json"))
    let config = demo.appendingPathComponent("homolog.yaml")
    var yaml = try String(contentsOf: config, encoding: .utf8)
    yaml = yaml.replacingOccurrences(
      of: #"name: "Registre des habilitations (RHab)""#,
      with: #"name: "RHab <script>alert(1)</script> {{#t}}x{{/t}} =cmd|' /C calc'!A0 \e]0;title\a\e[2J""#)
    try yaml.write(to: config, atomically: true, encoding: .utf8)
    let out = demo.deletingLastPathComponent().appendingPathComponent("OUT")
    let result = try evaluate(demo, out: out)
    XCTAssertTrue([0, 1].contains(result.status), result.stderr)
    XCTAssertFalse(result.stderr.utf8.contains(0x1B), result.stderr)
    XCTAssertTrue(result.stderr.contains("RHab <script>"), "the summary names the project: \(result.stderr)")
    for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
      let bytes = try Data(contentsOf: out.appendingPathComponent(name))
      XCTAssertFalse(bytes.contains(0x1B), "\(name) holds a raw ESC byte")
      let text = String(decoding: bytes, as: UTF8.self)
      if name.hasSuffix(".md") || name.hasSuffix(".html") {
        XCTAssertFalse(text.contains("<script>alert(1)"), "\(name) holds raw HTML from evidence")
        XCTAssertFalse(text.contains("<img src=x"), "\(name) holds raw HTML from evidence")
        XCTAssertFalse(text.contains("RHab x"), "\(name): a Mustache tag from evidence was expanded")
      }
    }
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("dossier.json"))) as! [String: Any]
    let project = json["project"] as! [String: Any]
    XCTAssertTrue((project["name"] as! String).contains("=cmd|' /C calc'!A0"), "JSON carries evidence text verbatim, as data")
  }

  func testInspectPrintsNoControlSequence() throws {
    let dir = try CLI.temporaryDirectory()
    for name in ["trivy-markup-in-strings.json", "lcov-escape-sequences-and-dotdot.info", "cobertura-hostile-filenames.xml"] {
      try FileManager.default.copyItem(at: Self.hostile.appendingPathComponent(name), to: dir.appendingPathComponent("\u{1B}[2J\u{202E}" + name))
    }
    for arguments in [["inspect", dir.path, "--keep-going"], ["inspect", dir.path, "--keep-going", "--json"]] {
      let result = try CLI.run(arguments)
      XCTAssertTrue([0, 2].contains(result.status), result.stderr)
      for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
        XCTAssertFalse(text.utf8.contains(0x1B), "\(arguments.last!): ESC on \(stream)")
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x9B || $0.value == 0x07 }, stream)
      }
      XCTAssertTrue(result.stdout.contains("lcov-escape-sequences-and-dotdot.info"), result.stdout)
    }
  }

  func testEvidenceOutsideTheProjectFolderIsRefused() throws {
    let demo = try CLI.demoCopy()
    let outside = demo.deletingLastPathComponent().appendingPathComponent("outside")
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: demo.appendingPathComponent("reports/shared/trivy-api-image.json"), to: outside.appendingPathComponent("t.json"))
    try FileManager.default.createSymbolicLink(at: demo.appendingPathComponent("reports/escape"), withDestinationURL: outside)
    let config = demo.appendingPathComponent("homolog.yaml")
    let original = try String(contentsOf: config, encoding: .utf8)
    for path in ["../outside", "reports/escape", "/etc"] {
      try original.replacingOccurrences(of: "  - reports/shared", with: "  - reports/shared\n  - \(path)").write(to: config, atomically: true, encoding: .utf8)
      let out = demo.deletingLastPathComponent().appendingPathComponent("OUT")
      let result = try evaluate(demo, out: out)
      XCTAssertEqual(result.status, 2, path)
      XCTAssertTrue(result.stderr.contains("outside the project folder"), result.stderr)
      XCTAssertTrue(result.stderr.contains("homolog.yaml:28:5: error: evidence path '"), "located at its line: \(result.stderr)")
      XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }
    // The same folder passed on the command line is the operator's choice.
    try original.write(to: config, atomically: true, encoding: .utf8)
    let out = demo.deletingLastPathComponent().appendingPathComponent("OUT")
    let result = try evaluate(demo, out: out, extra: ["--evidence", outside.path])
    XCTAssertTrue([0, 1].contains(result.status), result.stderr)
  }

  func testOutputThroughALinkIntoAnEvidenceFolderIsRefused() throws {
    let demo = try CLI.demoCopy()
    let link = demo.deletingLastPathComponent().appendingPathComponent("innocent")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: demo.appendingPathComponent("reports/shared"))
    let result = try evaluate(demo, out: link.appendingPathComponent("OUT"))
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.stderr.contains("--out ne doit pas être dans un dossier de preuves (reports/shared)"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: demo.appendingPathComponent("reports/shared/OUT").path))
  }

  func testATwoGigabyteSparseEvidenceFileIsRefusedQuicklyWithTheLimitNamed() throws {
    let demo = try CLI.demoCopy()
    let big = demo.appendingPathComponent("reports/shared/huge.json")
    try Data(#"{"SchemaVersion": 2, "ArtifactName": "x", "Results": ["#.utf8).write(to: big)
    XCTAssertEqual(truncate(big.path, 2 << 30), 0)
    let out = demo.deletingLastPathComponent().appendingPathComponent("OUT")
    let start = Date()
    let result = try evaluate(demo, out: out)
    XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.stderr.contains("reports/shared/huge.json: error: Trivy JSON file of 2.1 GB"), result.stderr)
    XCTAssertTrue(result.stderr.contains("--max-file-mb"), result.stderr)
    let raised = try evaluate(demo, out: out, extra: ["--max-file-mb", "nope"])
    XCTAssertEqual(raised.status, 2)
    XCTAssertTrue(raised.stderr.contains("--max-file-mb attend un nombre positif de mégaoctets, reçu « nope »"), raised.stderr)
  }

  func testHostileProjectFilesExit2Quickly() throws {
    let demo = try CLI.demoCopy()
    let config = demo.appendingPathComponent("homolog.yaml")
    let bomb = try String(contentsOf: Self.hostile.appendingPathComponent("yaml-alias-bomb.yaml"), encoding: .utf8)
    let documents = [
      "project: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
      "project: " + String(repeating: "{a: ", count: 100_000) + "1" + String(repeating: "}", count: 100_000),
      bomb,
      "project: {name: \"x\u{0}y\"}\n",
    ]
    for document in documents {
      try Data(document.utf8).write(to: config)
      let start = Date()
      let result = try evaluate(demo, out: demo.deletingLastPathComponent().appendingPathComponent("OUT"))
      XCTAssertLessThan(Date().timeIntervalSince(start), 10)
      XCTAssertEqual(result.status, 2, String(document.prefix(40)))
      XCTAssertTrue(result.stderr.contains("homolog.yaml"), result.stderr)
    }
  }
}
