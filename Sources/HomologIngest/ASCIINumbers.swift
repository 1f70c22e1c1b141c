import Foundation

/// Small parsing helpers over raw bytes (lines of line-based formats, attribute values).
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
  /// One pass over raw pointers: it runs for nearly every attribute of a coverage report.
  @inline(__always)
  var nonNegativeInt: Int? {
    guard let base = baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
    var start = 0
    var end = count
    guard end > 0 else { return nil }
    if base[0] &- 0x30 > 9 || base[end - 1] &- 0x30 > 9 {  // blanks around: rare
      while start < end, base[start] == 0x20 || base[start] == 0x09 { start += 1 }
      while end > start, base[end - 1] == 0x20 || base[end - 1] == 0x09 { end -= 1 }
    }
    guard start < end, end - start <= 18 else { return nil }
    var value = 0
    while start < end {
      let digit = base[start] &- 0x30
      guard digit <= 9 else { return nil }
      value = value &* 10 &+ Int(digit)
      start += 1
    }
    return value
  }

  /// The bytes as a non-negative decimal integer of at most 18 digits with nothing around, or nil
  /// (then `nonNegativeInt` decides): the common case of coverage attributes, in one short loop.
  @inline(__always)
  var plainInt: Int? {
    guard var byte = baseAddress?.assumingMemoryBound(to: UInt8.self), count > 0, count <= 18 else { return nil }
    let end = byte + count
    var value = 0
    repeat {
      let digit = byte.pointee &- 0x30
      guard digit <= 9 else { return nil }
      value = value &* 10 &+ Int(digit)
      byte += 1
    } while byte < end
    return value
  }

  /// True when the bytes equal this ASCII text.
  @inline(__always)
  func equals(_ text: StaticString) -> Bool {
    guard count == text.utf8CodeUnitCount else { return false }
    let expected = text.utf8Start
    for index in 0..<count where self[index] != expected[index] { return false }
    return true
  }

  /// The bytes decoded as UTF-8 (invalid sequences repaired).
  var text: String { String(decoding: self, as: UTF8.self) }
}

extension String {
  /// The text as a non-negative decimal integer (blanks around allowed), parsed without Foundation.
  var nonNegativeInt: Int? {
    var text = self
    return text.withUTF8 { UnsafeRawBufferPointer($0).nonNegativeInt }
  }
}
