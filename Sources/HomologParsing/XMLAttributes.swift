import CLibXML2
import Foundation

/// The attributes of one start tag, read in place without copying (valid only during the callback).
public struct XMLAttributes {
  @usableFromInline let raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  @usableFromInline let count: Int

  /// The value of the attribute with this local name, or nil.
  public func value(_ name: String) -> String? {
    guard let raw else { return nil }
    return name.withCString { wanted -> String? in
      for index in 0..<count {
        let base = index * 5
        guard let local = raw[base], let start = raw[base + 3], let end = raw[base + 4] else { continue }
        if strcmp(UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self), wanted) == 0 {
          return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
      }
      return nil
    }
  }

  /// Calls `body` with the raw UTF-8 bytes of the attribute with this local name, without copying
  /// them (the hot path of streaming readers); nil when the attribute is absent.
  @inlinable
  public func withValueBytes<Result>(_ name: StaticString, _ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
    guard let raw else { return nil }
    let wanted = name.utf8Start
    let length = name.utf8CodeUnitCount
    for index in 0..<count {
      let base = index * 5
      guard let local = raw[base], let start = raw[base + 3], let end = raw[base + 4] else { continue }
      if local[length] == 0 && memcmp(local, wanted, length) == 0 {
        return body(UnsafeRawBufferPointer(start: start, count: end - start))
      }
    }
    return nil
  }

  /// Calls `body` with each attribute's local name and raw UTF-8 value, in document order, without
  /// copying: one pass over the attributes for readers that need several of them.
  @inlinable
  public func forEach<Failure: Error>(
    _ body: (XMLName, UnsafeRawBufferPointer) throws(Failure) -> Void
  ) throws(Failure) {
    guard let raw else { return }
    var base = 0
    let end = count * 5
    while base < end {
      if let local = raw[base], let start = raw[base + 3], let stop = raw[base + 4] {
        try body(XMLName(local), UnsafeRawBufferPointer(start: start, count: stop - start))
      }
      base += 5
    }
  }

  /// The number of attributes.
  @inlinable
  public var attributeCount: Int { raw == nil ? 0 : count }

  /// The local name of the attribute at this index (`0..<attributeCount`), in document order.
  @inlinable @inline(__always)
  public func name(at index: Int) -> XMLName { XMLName(raw.unsafelyUnwrapped[index * 5].unsafelyUnwrapped) }

  /// The raw UTF-8 value of the attribute at this index (`0..<attributeCount`), not copied.
  @inlinable @inline(__always)
  public func valueBytes(at index: Int) -> UnsafeRawBufferPointer {
    let start = raw.unsafelyUnwrapped[index * 5 + 3].unsafelyUnwrapped
    let end = raw.unsafelyUnwrapped[index * 5 + 4].unsafelyUnwrapped
    return UnsafeRawBufferPointer(start: start, count: end - start)
  }

  /// The value as an integer, or nil when absent or not a number.
  public func int(_ name: String) -> Int? { value(name).flatMap { Int(Self.trimmed($0)) } }

  /// The value as a floating point number, or nil when absent or not a number.
  public func double(_ name: String) -> Double? { value(name).flatMap { Double(Self.trimmed($0)) } }

  /// The text without surrounding ASCII blanks (Foundation's trimming costs more than the whole parse).
  private static func trimmed(_ text: String) -> Substring {
    let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    guard let first = text.utf8.firstIndex(where: { !isBlank($0) }),
      let last = text.utf8.lastIndex(where: { !isBlank($0) })
    else { return "" }
    return text[first...last]
  }

  /// Every attribute as (local name, value), in document order.
  public var all: [(String, String)] {
    guard let raw else { return [] }
    return (0..<count).compactMap { index in
      let base = index * 5
      guard let local = raw[base], let start = raw[base + 3], let end = raw[base + 4] else { return nil }
      return (String(cString: local), String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self))
    }
  }
}
