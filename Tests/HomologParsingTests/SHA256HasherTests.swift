import Foundation
import HomologParsing
import XCTest

final class SHA256HasherTests: XCTestCase {
  func testKnownDigests() {
    XCTAssertEqual(SHA256Hasher.hex(of: Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    XCTAssertEqual(SHA256Hasher.hex(of: Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  func testStreamedFileDigestMatchesWholeDigest() throws {
    let url = try TemporaryFolders.make("homolog-sha").appendingPathComponent("data")
    let data = Data((0..<(FileInput.chunkSize * 2 + 17)).map { UInt8($0 % 251) })
    try data.write(to: url)
    let digest = try FileInput.digest(url, displayPath: "x")
    XCTAssertEqual(digest.bytes, data.count)
    XCTAssertEqual(digest.sha256, SHA256Hasher.hex(of: data))
  }
}
