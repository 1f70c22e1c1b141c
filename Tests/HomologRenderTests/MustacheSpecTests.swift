import Foundation
import HomologRender
import XCTest

/// Runs every case of the official Mustache spec files kept in `Tests/Fixtures/mustache-spec/`.
final class MustacheSpecTests: XCTestCase {
  private static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures/mustache-spec")

  /// Cases in each required spec file; a missing or changed file fails instead of passing with fewer cases.
  private static let caseCounts = [
    "comments": 12, "delimiters": 14, "interpolation": 42, "inverted": 22, "partials": 12, "sections": 34,
  ]

  func testComments() throws { try runSpecFile("comments") }
  func testDelimiters() throws { try runSpecFile("delimiters") }
  func testInterpolation() throws { try runSpecFile("interpolation") }
  func testInverted() throws { try runSpecFile("inverted") }
  func testPartials() throws { try runSpecFile("partials") }
  func testSections() throws { try runSpecFile("sections") }

  func testAllSpecFilesTogetherRun136Cases() throws {
    var executed = 0
    for file in Self.caseCounts.keys.sorted() {
      executed += try runSpecFile(file)
    }
    XCTAssertEqual(executed, 136, "cases executed across the six spec files")
  }

  /// Renders each case of `<file>.json` and compares it with `expected`; returns how many cases ran.
  @discardableResult
  private func runSpecFile(_ file: String) throws -> Int {
    let url = Self.fixtures.appendingPathComponent("\(file).json")
    let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    let cases = try XCTUnwrap(root?["tests"] as? [[String: Any]], "\(file).json has no \"tests\" array")
    var executed = 0
    for specCase in cases {
      let name = specCase["name"] as? String ?? "<unnamed>"
      let label = "\(file).json, case \"\(name)\""
      guard let template = specCase["template"] as? String, let expected = specCase["expected"] as? String else {
        XCTFail("\(label): no template or expected output")
        continue
      }
      do {
        let partials = try MustachePartials(sources: specCase["partials"] as? [String: String] ?? [:])
        let context = MustacheValue(jsonObject: specCase["data"] ?? NSNull())
        let output = try MustacheTemplate(parsing: template, name: name).render(context, partials: partials)
        XCTAssertEqual(output, expected, label)
      } catch {
        XCTFail("\(label): \(error)")
      }
      executed += 1
    }
    XCTAssertEqual(executed, Self.caseCounts[file], "\(file).json: number of cases executed")
    return executed
  }
}
