import XCTest

final class DecisionCommandTests: XCTestCase {
  func testPlaceholder() {}
}
