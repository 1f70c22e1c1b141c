import Foundation
import HomologIngest
import HomologModel
import XCTest

/// `EvidenceCollector.hashesFiles`: on by default (the dossier names files by digest), off for `inspect`,
/// which prints no digest; everything else read is the same either way.
final class CollectorHashingTests: XCTestCase {
  /// Genuine fixtures with their `sha256sum` and size in bytes.
  static let files: [(path: String, sha256: String, bytes: Int)] = [
    ("cobertura/gcovr-8.8-cjson-1.7.15.xml", "e6cde329e17ac36ca9312054c181884a08c4db296928ba177c948d5d89d22e46", 453_425),
    ("sarif/codeql-2.5.4.sarif", "280da22fe8722af988ab9f7782f247b19f546a0f10a2843f1664706166e1f2eb", 576_391),
  ]

  private func collect(_ url: URL, hashing: Bool) throws -> EvidenceFile {
    let collected = try EvidenceCollector(baseDirectory: Fixtures.root, findingMode: .count, hashesFiles: hashing).collect([url])
    return try XCTUnwrap(collected.files.first, url.path)
  }

  func testHashingIsOnByDefault() {
    XCTAssertTrue(EvidenceCollector(baseDirectory: Fixtures.root).hashesFiles)
  }

  func testWithoutHashingTheDigestIsEmptyAndTheRestUnchanged() throws {
    for file in Self.files {
      let url = Fixtures.real(file.path)
      let hashed = try collect(url, hashing: true)
      let unhashed = try collect(url, hashing: false)
      XCTAssertEqual(hashed.provenance.sha256, file.sha256, file.path)
      XCTAssertEqual(hashed.provenance.bytes, file.bytes, file.path)
      XCTAssertEqual(unhashed.provenance.sha256, "", file.path)
      XCTAssertEqual(unhashed.provenance.bytes, file.bytes, "the size still comes from the file: \(file.path)")
      var expected = hashed.provenance
      expected.sha256 = ""
      XCTAssertEqual(unhashed.provenance, expected, file.path)
      XCTAssertEqual(unhashed.findingCounts, hashed.findingCounts, file.path)
      XCTAssertEqual(unhashed.coverage, hashed.coverage, file.path)
    }
  }
}
