import XCTest
@testable import HomologEvaluate

final class GateRuleTests: XCTestCase {
  func testPlaceholder() {}
}
