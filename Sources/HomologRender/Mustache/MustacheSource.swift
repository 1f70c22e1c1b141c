/// A template's UTF-8 bytes and name, turning byte offsets into located errors.
struct MustacheSource {
  let bytes: [UInt8]
  let name: String?

  /// Whether a template line begins at `offset`.
  func isLineStart(_ offset: Int) -> Bool {
    offset == 0 || bytes[offset - 1] == MustacheByte.newline
  }

  /// The 1-based line holding `offset`.
  func line(of offset: Int) -> Int {
    var line = 1
    for byte in bytes[..<offset] where byte == MustacheByte.newline { line += 1 }
    return line
  }

  /// An error at `offset`, with its 1-based line and column (counted in characters).
  func error(_ message: String, at offset: Int) -> MustacheError {
    var lineStart = offset
    while lineStart > 0, bytes[lineStart - 1] != MustacheByte.newline { lineStart -= 1 }
    let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
    return MustacheError(message, template: name, line: line(of: offset), column: column)
  }
}
