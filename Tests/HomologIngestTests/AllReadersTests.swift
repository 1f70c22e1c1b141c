import HomologIngest
import XCTest

final class AllReadersTests: XCTestCase {
  func testEveryReaderHasAUniqueFormatAndDescribesItsDetection() {
    let formats = AllReaders.list.map(\.format)
    XCTAssertEqual(Set(formats).count, formats.count)
    for reader in AllReaders.list {
      XCTAssertTrue(reader is any DetectionDescribing.Type, "\(reader.format) does not say how it is detected (ReaderDetection.swift)")
    }
  }
}
