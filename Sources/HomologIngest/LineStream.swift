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
