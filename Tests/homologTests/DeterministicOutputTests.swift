import Foundation
import XCTest

/// Evidence files are read concurrently; the dossier must not depend on which finishes first.
final class DeterministicOutputTests: XCTestCase {
  func testManyEvidenceFilesGiveTheSameDossierBytesOnEveryRun() throws {
    let demo = try CLI.demoCopy()
    let many = demo.appendingPathComponent("reports/shared/many")
    try FileManager.default.createDirectory(at: many, withIntermediateDirectories: true)
    let real = CLI.repository.appendingPathComponent("Tests/Fixtures/real")
    let enumerator = FileManager.default.enumerator(at: real, includingPropertiesForKeys: nil)
    var copied = 0
    while let url = enumerator?.nextObject() as? URL {
      guard ["json", "xml", "info", "lcov", "out", "sarif"].contains(url.pathExtension) else { continue }
      for copy in 0..<2 {
        try FileManager.default.copyItem(at: url, to: many.appendingPathComponent("\(copy)-\(copied)-\(url.lastPathComponent)"))
      }
      copied += 1
    }
    XCTAssertGreaterThan(copied, 30)
    var outputs: [[String: Data]] = []
    for run in 0..<3 {
      let out = demo.deletingLastPathComponent().appendingPathComponent("OUT-\(run)")
      let result = try CLI.run([
        "evaluate", "--config", demo.appendingPathComponent("homolog.yaml").path, "--out", out.path, "--as-of", "2026-11-22",
        "--keep-going", "--quiet",
      ])
      XCTAssertTrue([0, 1].contains(result.status), result.stderr)
      var files: [String: Data] = [:]
      for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
        files[name] = try Data(contentsOf: out.appendingPathComponent(name))
      }
      outputs.append(files)
    }
    XCTAssertGreaterThan(outputs[0].count, 1)
    XCTAssertEqual(outputs[0], outputs[1])
    XCTAssertEqual(outputs[0], outputs[2])
    let dossier = String(decoding: outputs[0]["dossier.json"] ?? Data(), as: UTF8.self)
    XCTAssertTrue(dossier.contains("reports/shared/many/1-"), "the copies are in the dossier")
  }
}
