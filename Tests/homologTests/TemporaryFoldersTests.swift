import Foundation
import XCTest

/// Tests leave nothing in the temporary directory: every test target makes its folders through the shared
/// `TemporaryFolders` (Tests/Support), which removes them when the test that made them ends (`.ci/run` also compares the
/// temporary directory before and after the suite).
final class TemporaryFoldersTests: XCTestCase {
  func testNoTestMakesATemporaryFolderByHand() throws {
    let tests = CLI.repository.appendingPathComponent("Tests")
    let enumerator = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "swift", !["TemporaryFolders.swift", "TemporaryFoldersTests.swift"].contains(url.lastPathComponent), !url.path.contains("/Fixtures/") else { continue }
      let text = try String(contentsOf: url, encoding: .utf8)
      XCTAssertFalse(text.contains("temporaryDirectory.appendingPathComponent"), "\(url.lastPathComponent): use TemporaryFolders.make")
    }
  }
}
