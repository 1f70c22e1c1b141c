import Foundation
import HomologIngest
import HomologModel
import XCTest

/// Damaged copies of genuine fixtures, for the sad paths every reader must report with a location.
enum SadInputs {
  /// The first `fraction` of a fixture's bytes in a temporary file, and the number of lines it holds.
  static func truncated(_ url: URL, fraction: Double = 0.5) throws -> (input: InputFile, lines: Int) {
    let data = try Data(contentsOf: url)
    let cut = data.prefix(Int(Double(data.count) * fraction))
    let text = String(decoding: cut, as: UTF8.self)
    let input = try Fixtures.temporary(text, name: "cut-" + url.lastPathComponent)
    let lines = text.reduce(into: 1) { count, character in if character == "\n" { count += 1 } }
    return (input, lines)
  }

  /// Asserts that reading fails with an `InputError` in `file`, at `line` when given, whose message contains `fragment`.
  static func assertLocatedError(
    _ body: @autoclosure () throws -> some Any, file: String, line: Int? = nil, message fragment: String = "",
    sourceFile: StaticString = #filePath, sourceLine: UInt = #line
  ) {
    XCTAssertThrowsError(try body(), file: sourceFile, line: sourceLine) { error in
      guard let error = error as? InputError else {
        return XCTFail("expected an InputError, got \(error)", file: sourceFile, line: sourceLine)
      }
      XCTAssertEqual(error.location?.file, file, file: sourceFile, line: sourceLine)
      XCTAssertNotNil(error.location?.line, "\(error)", file: sourceFile, line: sourceLine)
      if let line { XCTAssertEqual(error.location?.line, line, "\(error)", file: sourceFile, line: sourceLine) }
      XCTAssertTrue(error.message.contains(fragment), "\(error)", file: sourceFile, line: sourceLine)
    }
  }
}
