import HomologIngest
import XCTest

final class AllReadersTests: XCTestCase {
  func testEveryReaderHasAUniqueFormat() {
    let formats = AllReaders.list.map { $0.format.rawValue }
    XCTAssertEqual(Set(formats).count, formats.count)
  }
}
