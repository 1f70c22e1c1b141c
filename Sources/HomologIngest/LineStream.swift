import Foundation
import HomologModel
import HomologParsing

/// Splits a file into lines while streaming it (LF or CRLF endings, a line may span chunks).
enum LineStream {
  /// Longest line accepted; a longer one is an error rather than an unbounded buffer.
  static let maxLineBytes = 1 << 20

  /// Calls `body` with each line's bytes (without the line ending) and its 1-based number.
  /// A UTF-8 byte-order mark at the start of the file is skipped.
  static func forEachLine(
    _ url: URL, displayPath: String, _ body: (UnsafeRawBufferPointer, Int) throws(InputError) -> Void
  ) throws(InputError) {
    var carry: [UInt8] = []
    var lineNumber = 0
    var atStart = true
    try FileInput.forEachChunk(url, displayPath: displayPath) { chunk throws(InputError) in
      var rest = chunk
      if atStart {
        atStart = false
        if rest.count >= 3, rest[0] == 0xEF, rest[1] == 0xBB, rest[2] == 0xBF {
          rest = UnsafeRawBufferPointer(rebasing: rest[3...])
        }
      }
      while !rest.isEmpty {
        guard let base = rest.baseAddress, let found = memchr(base, 0x0A, rest.count) else {
          guard carry.count + rest.count <= maxLineBytes else {
            throw InputError(
              "expected lines shorter than \(maxLineBytes) bytes", at: SourceLocation(file: displayPath, line: lineNumber + 1))
          }
          carry.append(contentsOf: rest)
          return
        }
        let length = UnsafeRawPointer(found) - base
        lineNumber += 1
        if carry.isEmpty {
          try body(trimmingCR(UnsafeRawBufferPointer(start: base, count: length)), lineNumber)
        } else {
          carry.append(contentsOf: UnsafeRawBufferPointer(start: base, count: length))
          try withBytes(carry) { line throws(InputError) in try body(trimmingCR(line), lineNumber) }
          carry.removeAll(keepingCapacity: true)
        }
        rest = UnsafeRawBufferPointer(rebasing: rest[(length + 1)...])
      }
    }
    if !carry.isEmpty {
      lineNumber += 1
      try withBytes(carry) { line throws(InputError) in try body(trimmingCR(line), lineNumber) }
    }
  }

  /// `withUnsafeBytes` keeping the error type (the standard one only rethrows `any Error`).
  private static func withBytes(
    _ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(InputError) -> Void
  ) throws(InputError) {
    var outcome: Result<Void, InputError> = .success(())
    bytes.withUnsafeBytes { raw in outcome = Result { () throws(InputError) in try body(raw) } }
    try outcome.get()
  }

  private static func trimmingCR(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    if let last = line.last, last == 0x0D { return UnsafeRawBufferPointer(rebasing: line.dropLast()) }
    return line
  }
}

/// Small parsing helpers over raw line bytes.
extension UnsafeRawBufferPointer {
  /// The bytes with leading and trailing spaces and tabs removed.
  var trimmingBlanks: UnsafeRawBufferPointer {
    var start = startIndex
    var end = endIndex
    while start < end, self[start] == 0x20 || self[start] == 0x09 { start += 1 }
    while end > start, self[end - 1] == 0x20 || self[end - 1] == 0x09 { end -= 1 }
    return UnsafeRawBufferPointer(rebasing: self[start..<end])
  }

  /// The bytes as a non-negative decimal integer (blanks around allowed), or nil.
  var nonNegativeInt: Int? {
    let digits = trimmingBlanks
    guard !digits.isEmpty, digits.count <= 18 else { return nil }
    var value = 0
    for byte in digits {
      guard byte >= 0x30, byte <= 0x39 else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  /// True when the bytes equal this ASCII text.
  func equals(_ text: StaticString) -> Bool {
    guard count == text.utf8CodeUnitCount else { return false }
    guard let base = baseAddress else { return text.utf8CodeUnitCount == 0 }
    return memcmp(base, text.utf8Start, count) == 0
  }

  /// The bytes decoded as UTF-8 (invalid sequences repaired).
  var text: String { String(decoding: self, as: UTF8.self) }
}
