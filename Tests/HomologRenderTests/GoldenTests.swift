import Foundation
import HomologModel
import HomologRender
import XCTest

/// Every output format of the demo dossier, byte for byte, against `Tests/Golden/demo/expected/`.
/// A mismatch fails and never rewrites; `HOMOLOG_UPDATE_GOLDEN=1` regenerates the files on purpose.
final class GoldenTests: XCTestCase {
  private static let expected = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Golden/demo/expected")

  private static var updating: Bool { ProcessInfo.processInfo.environment["HOMOLOG_UPDATE_GOLDEN"] == "1" }

  func testEveryFormatMatchesItsGoldenFile() throws {
    for renderer in AllRenderers.list {
      let name = type(of: renderer).fileName
      let actual = try RenderFixture.render(renderer)
      let url = Self.expected.appendingPathComponent(name)
      if Self.updating {
        try FileManager.default.createDirectory(at: Self.expected, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url, options: .atomic)
        print("GoldenTests: wrote \(url.path)")
        continue
      }
      guard let data = FileManager.default.contents(atPath: url.path) else {
        XCTFail("missing golden file \(url.path): run HOMOLOG_UPDATE_GOLDEN=1 swift test --disable-swift-testing --filter GoldenTests")
        continue
      }
      let expected = String(decoding: data, as: UTF8.self)
      guard actual != expected else { continue }
      XCTFail("\(name) differs from its golden file: \(Self.firstDifference(expected, actual))")
      if name.hasSuffix(".json") {
        let parsedExpected = try JSONSerialization.jsonObject(with: data) as? NSDictionary
        let parsedActual = try JSONSerialization.jsonObject(with: Data(actual.utf8)) as? NSDictionary
        XCTAssertEqual(parsedActual, parsedExpected, "\(name): parsed values")
      }
    }
  }

  func testRenderingTwiceGivesTheSameBytes() throws {
    for renderer in AllRenderers.list {
      XCTAssertEqual(try RenderFixture.render(renderer), try RenderFixture.render(renderer), type(of: renderer).fileName)
    }
  }

  /// `line N: expected «…» got «…»` for the first line that differs.
  private static func firstDifference(_ expected: String, _ actual: String) -> String {
    let left = expected.components(separatedBy: "\n")
    let right = actual.components(separatedBy: "\n")
    for index in 0..<max(left.count, right.count) {
      let want = index < left.count ? left[index] : "<end of file>"
      let got = index < right.count ? right[index] : "<end of file>"
      if want != got { return "line \(index + 1): expected «\(want.prefix(300))» got «\(got.prefix(300))»" }
    }
    return "same lines, different bytes"
  }
}
