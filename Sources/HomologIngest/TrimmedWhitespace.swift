import Foundation

extension String {
  /// The text without surrounding whitespace and newlines, exactly as
  /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it, but trimmed as bytes when both
  /// edges are ASCII (Foundation's version costs thousands of instructions per call, once per
  /// failing test case of a large JUnit report).
  var trimmedWhitespace: String {
    let utf8 = self.utf8
    let isBlank: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
    guard let first = utf8.firstIndex(where: { !isBlank($0) }), let last = utf8.lastIndex(where: { !isBlank($0) }) else {
      return ""
    }
    // Unicode whitespace (U+0085, U+00A0, U+2028, …) is made of bytes ≥ 0x80: such edges go to Foundation.
    if utf8[first] >= 0x80 || utf8[last] >= 0x80 { return trimmingCharacters(in: .whitespacesAndNewlines) }
    return String(decoding: utf8[first...last], as: UTF8.self)
  }
}
