import HomologEvaluate
import XCTest

final class GateRuleTests: XCTestCase {
  func testParsesEveryRuleAndRefusesUnknownOnes() {
    XCTAssertEqual(GateRule("eliminatory"), .eliminatory)
    XCTAssertEqual(GateRule("score<80"), .scoreBelow(80))
    XCTAssertEqual(GateRule("expired-derogation"), .expiredDerogation)
    XCTAssertEqual(GateRule("no-evidence"), .noEvidence)
    XCTAssertEqual(GateRule("regression"), .regression)
    XCTAssertNil(GateRule("score<abc"))
    XCTAssertNil(GateRule("score<120"))
    XCTAssertNil(GateRule("everything"))
  }
}
