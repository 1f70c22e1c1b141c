import Foundation
import HomologIngest
import XCTest

/// Detection does not depend on where a format's marker keys sit: past the first 64 KiB, the
/// streaming outline of the document decides.
final class JSONOutlineDetectionTests: XCTestCase {
  private func file(_ text: String, name: String) throws -> URL {
    let dir = try TemporaryFolders.make("homolog-outline")
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }

  private let filler = (0..<2_000).map { #"{"key": "project:src/file\#($0).js", "path": "src/file\#($0).js", "qualifier": "FIL"}"# }
    .joined(separator: ",\n")

  func testSonarQubeIssuesAfterALongComponentList() throws {
    let text = #"{"components": [\#(filler)], "issues": [{"key": "k1", "rule": "js:S1", "component": "project:src/file1.js", "severity": "MAJOR", "message": "m"}], "total": 1}"#
    XCTAssertGreaterThan(text.utf8.count, 2 * 64 * 1024)
    let url = try file(text, name: "issues.json")
    XCTAssertNil(AllReaders.detect(FileHead(bytes: try Data(contentsOf: url), fileName: "issues.json")))
    XCTAssertEqual(FileHead.read(url).flatMap(AllReaders.detect)?.format, "sonarqube-json")
  }

  func testTrivyReportWithItsMarkersLast() throws {
    let text = #"{"Misc": [\#(filler)], "ArtifactName": "app:1", "SchemaVersion": 2}"#
    let url = try file(text, name: "trivy.json")
    XCTAssertEqual(FileHead.read(url).flatMap(AllReaders.detect)?.format, "trivy-json")
  }

  func testAnUnknownDocumentStaysUnknown() throws {
    let url = try file(#"{"items2": [\#(filler)], "name": "x"}"#, name: "other.json")
    XCTAssertNil(FileHead.read(url).flatMap(AllReaders.detect))
  }
}
