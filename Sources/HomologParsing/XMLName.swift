import CLibXML2

/// An element or attribute local name as libxml2 hands it over (NUL-terminated UTF-8, owned by the
/// parser's dictionary), compared as bytes: no `String` per event. Valid only during the callback.
public struct XMLName {
  @usableFromInline let bytes: UnsafePointer<UInt8>

  @inlinable
  init(_ bytes: UnsafePointer<UInt8>) { self.bytes = bytes }

  /// True when the name is exactly this ASCII text.
  @inlinable @inline(__always)
  public static func == (name: XMLName, literal: StaticString) -> Bool {
    let expected = literal.utf8Start
    let count = literal.utf8CodeUnitCount
    // Names differ at their first byte most of the time: no call, one comparison.
    var index = 0
    while index < count {
      if name.bytes[index] != expected[index] { return false }
      index += 1
    }
    return name.bytes[count] == 0
  }

  /// Lets a `switch` over a name use string literals as cases.
  @inlinable @inline(__always)
  public static func ~= (literal: StaticString, name: XMLName) -> Bool { name == literal }

  /// The first byte of the name (0 for an empty name): a cheap first test before `==`.
  @inlinable @inline(__always)
  public var firstByte: UInt8 { bytes[0] }

  /// Where the name's bytes are: libxml2 interns names in the parser's dictionary, so within one
  /// document a name always comes at the same address (a one-comparison test; `==` decides otherwise).
  @inlinable @inline(__always)
  public var address: UnsafeRawPointer { UnsafeRawPointer(bytes) }

  /// The name as a `String` (costs an allocation for long names: for error messages and rare elements).
  public var string: String { String(cString: bytes) }
}
