import Foundation
import HomologRender
import XCTest

final class MustacheValueTests: XCTestCase {
  func testJSONSerializationBooleansAreNotNumbers() throws {
    let json = #"{"t": true, "f": false, "one": 1, "zero": 0, "real": 1.5, "big": 9007199254740993, "nothing": null}"#
    let value = MustacheValue(jsonObject: try JSONSerialization.jsonObject(with: Data(json.utf8)))
    XCTAssertEqual(
      value,
      [
        "t": true, "f": false, "one": 1, "zero": 0, "real": 1.5, "big": .number(.integer(9_007_199_254_740_993)),
        "nothing": nil,
      ])
  }

  func testNumbersRenderAsTheSpecExpects() {
    let cases: [(MustacheNumber, String)] = [
      (.integer(85), "85"), (.real(1.21), "1.21"), (.real(3.0), "3"), (.real(-0.0), "0"), (.real(1.5), "1.5"),
      (.real(0.1 + 0.2), "0.30000000000000004"), (.real(1e300), "1e+300"), (.real(-42), "-42"),
    ]
    for (number, expected) in cases {
      XCTAssertEqual(number.description, expected)
    }
  }

  func testSwiftValuesConvert() {
    let value = MustacheValue(
      jsonObject: ["f": Float(1.1), "i": Int64(7), "b": true, "s": "x", "l": [1, 2]] as [String: Any])
    XCTAssertEqual(value, ["f": 1.1, "i": 7, "b": true, "s": "x", "l": [1, 2]])
  }

  func testEncodableUsesSnakeCaseKeys() throws {
    struct Row: Encodable {
      var cveID = "CVE-1"
      var cvssScore: Float = 7.1
      var isFixed = false
      var fixedVersion: String?
      var affectedPackages = ["openssl"]
    }
    let value = try MustacheValue(encodable: Row())
    XCTAssertEqual(
      value, ["cve_id": "CVE-1", "cvss_score": 7.1, "is_fixed": false, "affected_packages": ["openssl"]])
    let output = try MustacheTemplate(
      parsing: "{{cve_id}} {{cvss_score}} {{is_fixed}}{{^fixed_version}} unfixed{{/fixed_version}}"
    )
    .render(value)
    XCTAssertEqual(output, "CVE-1 7.1 false unfixed")
  }

  func testEncodableTopLevelFragment() throws {
    XCTAssertEqual(try MustacheValue(encodable: "plain"), "plain")
    XCTAssertEqual(try MustacheValue(encodable: [true, false]), [true, false])
  }
}
