/// The ASCII bytes the parser looks at.
enum MustacheByte {
  static let newline = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let space = UInt8(ascii: " ")
  static let tab = UInt8(ascii: "\t")

  /// Space or tab: what may surround a standalone tag on its line.
  static func isBlank(_ byte: UInt8) -> Bool {
    byte == space || byte == tab
  }

  /// Any ASCII whitespace, as trimmed from tag contents.
  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == space || byte == tab || byte == newline || byte == carriageReturn || byte == 0x0B || byte == 0x0C
  }

  /// `bytes` without leading and trailing whitespace.
  static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var slice = bytes
    while let first = slice.first, isWhitespace(first) { slice.removeFirst() }
    while let last = slice.last, isWhitespace(last) { slice.removeLast() }
    return slice
  }
}
