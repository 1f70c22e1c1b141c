import Foundation
import HomologModel
import HomologParsing
import XCTest

final class FileInputTests: XCTestCase {
  private func temporary(_ bytes: Data) throws -> URL {
    let url = try TemporaryFolders.make("homolog-fileinput").appendingPathComponent("file")
    try bytes.write(to: url)
    return url
  }

  func testReadWholeGivesTheBytesAndRefusesAboveTheLimit() throws {
    let url = try temporary(Data("hello".utf8))
    XCTAssertEqual(try FileInput.readWhole(url, displayPath: "f"), Data("hello".utf8))
    XCTAssertThrowsError(try FileInput.readWhole(url, displayPath: "f", limit: 4)) { error in
      XCTAssertTrue("\(error)".contains("above the 4-byte limit"), "\(error)")
    }
    XCTAssertEqual(try FileInput.readWhole(try temporary(Data()), displayPath: "e"), Data())
  }

  func testReadWholeRefusesFoldersAndPipes() throws {
    XCTAssertThrowsError(try FileInput.readWhole(FileManager.default.temporaryDirectory, displayPath: "d")) { error in
      XCTAssertTrue("\(error)".contains("expected a regular file, found a folder"), "\(error)")
    }
    let fifo = try TemporaryFolders.make("homolog-fifo").appendingPathComponent("fifo")
    XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
    XCTAssertThrowsError(try FileInput.readWhole(fifo, displayPath: "p"))
  }

  /// Found by fuzzing: `Data(contentsOf:)` leaked 4 KB on every empty file.
  func testReadingEmptyFilesDoesNotLeak() throws {
    let url = try temporary(Data())
    for _ in 0..<100 { _ = try FileInput.readWhole(url, displayPath: "e") }
    let before = Self.residentBytes
    for _ in 0..<5_000 { _ = try FileInput.readWhole(url, displayPath: "e") }
    XCTAssertLessThan(Self.residentBytes - before, 8 << 20)
  }

  private static var residentBytes: Int {
    let text = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? "0 0"
    return (Int(text.split(separator: " ")[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
}
