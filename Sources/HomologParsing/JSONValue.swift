import Foundation

/// The kind of a JSON value.
public enum JSONKind: UInt8, Sendable {
  case null, bool, number, string, array, object

  /// "a string", "an object"…, for messages.
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// A captured JSON value laid out flat: one node per value in document order, keys and scalar
/// bytes in one buffer. Built without one allocation per value; strings are made only when asked.
/// Plain growable buffers (no array bookkeeping on every read: this is the hot path of big reports).
public final class JSONTape {
  struct Node {
    var kind: JSONKind
    var flag = false
    /// The key bytes in `bytes` (count -1: no key).
    var keyStart = 0
    var keyCount = -1
    /// The scalar's bytes in `bytes` (strings unescaped, numbers as written).
    var valueStart = 0
    var valueCount = 0
    /// The index after this value's subtree.
    var end = 0
  }

  private(set) var nodes: UnsafeMutablePointer<Node>
  private(set) var nodeCount = 0
  private var nodeCapacity = 64
  private(set) var bytes: UnsafeMutablePointer<UInt8>
  private(set) var byteCount = 0
  private var byteCapacity = 4096

  init() {
    nodes = .allocate(capacity: nodeCapacity)
    bytes = .allocate(capacity: byteCapacity)
  }

  deinit {
    nodes.deallocate()
    bytes.deallocate()
  }

  func reset() {
    nodeCount = 0
    byteCount = 0
  }

  /// Appends a node; returns its index.
  @inline(__always)
  func append(_ node: Node) -> Int {
    if nodeCount == nodeCapacity {
      let larger = UnsafeMutablePointer<Node>.allocate(capacity: nodeCapacity * 2)
      larger.moveInitialize(from: nodes, count: nodeCount)
      nodes.deallocate()
      nodes = larger
      nodeCapacity *= 2
    }
    (nodes + nodeCount).initialize(to: node)
    nodeCount += 1
    return nodeCount - 1
  }

  /// Appends bytes; returns where they start.
  @inline(__always)
  func append(_ raw: UnsafeRawBufferPointer) -> Int {
    let start = byteCount
    guard let base = raw.baseAddress, raw.count > 0 else { return start }
    if byteCount + raw.count > byteCapacity {
      var capacity = byteCapacity * 2
      while capacity < byteCount + raw.count { capacity *= 2 }
      let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
      larger.update(from: bytes, count: byteCount)
      bytes.deallocate()
      bytes = larger
      byteCapacity = capacity
    }
    UnsafeMutableRawPointer(bytes + byteCount).copyMemory(from: base, byteCount: raw.count)
    byteCount += raw.count
    return start
  }

  /// Bytes of the buffer, valid until the next append.
  func slice(_ start: Int, _ count: Int) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: bytes + start, count: max(0, count))
  }
}

/// A value built while streaming (one SARIF result, one Trivy vulnerability), for a reader to look
/// at and then drop. Numbers stay as written until asked; keys are compared as bytes.
///
/// Valid only during the `captured` callback that received it (the stream reuses its storage, and
/// the value does not retain it, which keeps reads cheap): keep what you convert, never the value.
public struct JSONValue {
  unowned(unsafe) let tape: JSONTape
  let index: Int

  init(tape: JSONTape, index: Int) {
    self.tape = tape
    self.index = index
  }

  private var node: JSONTape.Node { tape.nodes[index] }


  /// The value's kind.
  public var kind: JSONKind { node.kind }
  /// "a string", "an object"…, for messages.
  public var typeName: String { node.kind.typeName }
  /// True for null.
  public var isNull: Bool { node.kind == .null }

  /// Calls `body` with the bytes of the string or number (valid only during the call).
  public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    let node = self.node
    return body(tape.slice(node.valueStart, node.valueCount))
  }

  /// The text of a string or number (any other kind: nil).
  public var scalarText: String? {
    let node = self.node
    guard node.kind == .string || node.kind == .number else { return nil }
    return String(decoding: tape.slice(node.valueStart, node.valueCount), as: UTF8.self)
  }

  /// The boolean, or nil.
  public var boolValue: Bool? { node.kind == .bool ? node.flag : nil }

  /// True when this is the string `text`, compared as bytes.
  public func isString(_ text: StaticString) -> Bool {
    node.kind == .string && withBytes { JSONKeySet.equal($0, text) }
  }

  // MARK: - Members and elements

  /// Calls `body` with each member's key bytes (valid only during the call) and value, in order.
  public func forEachMember(_ body: (UnsafeRawBufferPointer, JSONValue) throws(JSONShapeError) -> Void) throws(JSONShapeError) {
    guard node.kind == .object else { return }
    var child = index + 1
    let end = node.end
    while child < end {
      let childNode = tape.nodes[child]
      try body(tape.slice(childNode.keyStart, childNode.keyCount), JSONValue(tape: tape, index: child))
      child = childNode.end
    }
  }

  /// Calls `body` with each element's position and value, in order, without building an array.
  public func forEachElement(_ body: (Int, JSONValue) throws(JSONShapeError) -> Void) throws(JSONShapeError) {
    guard node.kind == .array else { return }
    var child = index + 1
    var position = 0
    let end = node.end
    while child < end {
      try body(position, JSONValue(tape: tape, index: child))
      position += 1
      child = tape.nodes[child].end
    }
  }

  /// The member `key` of an object (compared as bytes), or nil.
  public func member(_ key: StaticString) -> JSONValue? {
    member(utf8: UnsafeRawBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
  }

  /// Reads the member `key` with `read` (nil when absent or null), placing its errors below `key`.
  public func field<T>(_ key: StaticString, _ read: (JSONValue) throws(JSONShapeError) -> T?) throws(JSONShapeError) -> T? {
    guard let value = member(key), !value.isNull else { return nil }
    do throws(JSONShapeError) {
      return try read(value)
    } catch {
      throw error.prefixed(by: [.key(key.description)])
    }
  }

  /// Each member's key and value, in order (allocates a String per key: for rare use).
  public var members: [(key: String, value: JSONValue)] {
    guard node.kind == .object else { return [] }
    var members: [(key: String, value: JSONValue)] = []
    var child = index + 1
    while child < node.end {
      let childNode = tape.nodes[child]
      let key = String(decoding: tape.slice(childNode.keyStart, childNode.keyCount), as: UTF8.self)
      members.append((key, JSONValue(tape: tape, index: child)))
      child = childNode.end
    }
    return members
  }

  /// The elements of an array (none for another kind).
  public var elements: [JSONValue] {
    guard node.kind == .array else { return [] }
    var elements: [JSONValue] = []
    var child = index + 1
    while child < node.end {
      elements.append(JSONValue(tape: tape, index: child))
      child = tape.nodes[child].end
    }
    return elements
  }

  /// The member whose key has these UTF-8 bytes (the first one when a key repeats), or nil.
  func member(utf8 key: UnsafeRawBufferPointer) -> JSONValue? {
    guard node.kind == .object else { return nil }
    var child = index + 1
    let end = node.end
    while child < end {
      let childNode = tape.nodes[child]
      if childNode.keyCount == key.count
        && (key.count == 0 || memcmp(tape.bytes + childNode.keyStart, key.baseAddress!, key.count) == 0)
      {
        return JSONValue(tape: tape, index: child)
      }
      child = childNode.end
    }
    return nil
  }

  /// The member `key` of an object, or nil (absent, or not an object).
  public subscript(key: String) -> JSONValue? {
    var key = key
    return key.withUTF8 { member(utf8: UnsafeRawBufferPointer($0)) }
  }

  /// The element at `position` of an array, or nil.
  public subscript(position: Int) -> JSONValue? {
    guard node.kind == .array, position >= 0 else { return nil }
    var child = index + 1
    var count = 0
    while child < node.end {
      if count == position { return JSONValue(tape: tape, index: child) }
      count += 1
      child = tape.nodes[child].end
    }
    return nil
  }

  /// `5`, `5.0` or `5e0` as 5; nil for a fraction or a number out of range.
  static func integer(_ text: String) -> Int? {
    if let value = Int(text) { return value }
    guard let double = Double(text), double.rounded() == double, abs(double) < 9.0e18 else { return nil }
    return Int(double)
  }

  // MARK: - This value as a type (nil when null; an error when of another type)

  /// The string.
  public func asString() throws(JSONShapeError) -> String? {
    switch node.kind {
    case .null: return nil
    case .string: return scalarText
    default: throw JSONShapeError(path: [], expected: "a string", found: typeName)
    }
  }

  /// The integer (an integral number).
  public func asInt() throws(JSONShapeError) -> Int? {
    if node.kind == .null { return nil }
    guard node.kind == .number, let text = scalarText, let number = JSONValue.integer(text) else {
      throw JSONShapeError(path: [], expected: "an integer", found: typeName)
    }
    return number
  }

  /// The number.
  public func asDouble() throws(JSONShapeError) -> Double? {
    if node.kind == .null { return nil }
    guard node.kind == .number, let text = scalarText, let number = Double(text) else {
      throw JSONShapeError(path: [], expected: "a number", found: typeName)
    }
    return number
  }

  /// The boolean.
  public func asBool() throws(JSONShapeError) -> Bool? {
    switch node.kind {
    case .null: return nil
    case .bool: return node.flag
    default: throw JSONShapeError(path: [], expected: "a boolean", found: typeName)
    }
  }

  /// A string, number or boolean as text (fields tools write either way: `"5.3"` or `5.3`).
  public func asText() throws(JSONShapeError) -> String? {
    switch node.kind {
    case .null: return nil
    case .string, .number: return scalarText
    case .bool: return node.flag ? "true" : "false"
    default: throw JSONShapeError(path: [], expected: "a string or a number", found: typeName)
    }
  }

  /// The strings of an array.
  public func asStrings() throws(JSONShapeError) -> [String]? {
    switch node.kind {
    case .null: return nil
    case .array:
      var strings: [String] = []
      for (position, element) in elements.enumerated() {
        guard element.kind == .string, let text = element.scalarText else {
          throw JSONShapeError(path: [.index(position)], expected: "a string", found: element.typeName)
        }
        strings.append(text)
      }
      return strings
    default: throw JSONShapeError(path: [], expected: "an array", found: typeName)
    }
  }

  // MARK: - Typed reads along a relative path (nil when absent or null; an error when of another type)

  /// The value at `path`, or nil when a step is absent or null; an error when a step is not a container.
  public func at(_ path: JSONPathComponent...) throws(JSONShapeError) -> JSONValue? { try resolve(path) }

  func resolve(_ path: [JSONPathComponent]) throws(JSONShapeError) -> JSONValue? {
    var current = self
    for (step, component) in path.enumerated() {
      switch (component, current.kind) {
      case (.key(let key), .object):
        guard let next = current[key] else { return nil }
        current = next
      case (.index(let position), .array):
        guard let next = current[position] else { return nil }
        current = next
      case (_, .null):
        return nil
      case (.key, _):
        throw JSONShapeError(path: Array(path[..<step]), expected: "an object", found: current.typeName)
      case (.index, _):
        throw JSONShapeError(path: Array(path[..<step]), expected: "an array", found: current.typeName)
      }
    }
    return current.isNull ? nil : current
  }

  /// Reads the value at `path` with `read`, placing its errors at `path`.
  private func read<T>(_ path: [JSONPathComponent], _ read: (JSONValue) throws(JSONShapeError) -> T?) throws(JSONShapeError) -> T? {
    guard let value = try resolve(path) else { return nil }
    do {
      return try read(value)
    } catch {
      throw error.prefixed(by: path)
    }
  }

  /// The string at `path`.
  public func string(_ path: JSONPathComponent...) throws(JSONShapeError) -> String? { try read(path) { v throws(JSONShapeError) in try v.asString() } }
  /// The integer at `path` (an integral number).
  public func int(_ path: JSONPathComponent...) throws(JSONShapeError) -> Int? { try read(path) { v throws(JSONShapeError) in try v.asInt() } }
  /// The number at `path`.
  public func double(_ path: JSONPathComponent...) throws(JSONShapeError) -> Double? { try read(path) { v throws(JSONShapeError) in try v.asDouble() } }
  /// The boolean at `path`.
  public func bool(_ path: JSONPathComponent...) throws(JSONShapeError) -> Bool? { try read(path) { v throws(JSONShapeError) in try v.asBool() } }
  /// A string, number or boolean at `path`, as text.
  public func text(_ path: JSONPathComponent...) throws(JSONShapeError) -> String? { try read(path) { v throws(JSONShapeError) in try v.asText() } }
  /// The strings of the array at `path`.
  public func strings(_ path: JSONPathComponent...) throws(JSONShapeError) -> [String]? { try read(path) { v throws(JSONShapeError) in try v.asStrings() } }

  /// The object at `path`.
  public func object(_ path: JSONPathComponent...) throws(JSONShapeError) -> JSONValue? {
    guard let value = try resolve(path) else { return nil }
    guard value.kind == .object else { throw JSONShapeError(path: path, expected: "an object", found: value.typeName) }
    return value
  }

  /// The array at `path`.
  public func array(_ path: JSONPathComponent...) throws(JSONShapeError) -> [JSONValue]? {
    guard let value = try resolve(path) else { return nil }
    guard value.kind == .array else { throw JSONShapeError(path: path, expected: "an array", found: value.typeName) }
    return value.elements
  }

  /// Calls `body` with each element of the array at `path` (errors inside are placed at the element).
  public func forEach(
    _ path: JSONPathComponent..., body: (JSONValue) throws(JSONShapeError) -> Void
  ) throws(JSONShapeError) {
    guard let value = try resolve(path) else { return }
    guard value.kind == .array else { throw JSONShapeError(path: path, expected: "an array", found: value.typeName) }
    for (position, element) in value.elements.enumerated() {
      do throws(JSONShapeError) {
        try body(element)
      } catch {
        throw error.prefixed(by: path + [.index(position)])
      }
    }
  }
}

/// One step of a JSON path: an object key or an array index.
public enum JSONPathComponent: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
  case key(String)
  case index(Int)

  public init(stringLiteral value: String) { self = .key(value) }
  public init(integerLiteral value: Int) { self = .index(value) }
}

/// A value of another type than expected, at a path relative to a captured value.
public struct JSONShapeError: Error, Sendable {
  public var path: [JSONPathComponent]
  public var expected: String
  public var found: String

  public init(path: [JSONPathComponent], expected: String, found: String) {
    self.path = path
    self.expected = expected
    self.found = found
  }

  /// A required key that is absent.
  public static func missing(_ key: String, below path: [JSONPathComponent] = []) -> JSONShapeError {
    JSONShapeError(path: path, expected: "the required key \"\(key)\"", found: "none")
  }

  /// "expected a string, found a number".
  public var message: String {
    expected.hasPrefix("the required key") ? "missing required key \(expected.dropFirst("the required key ".count))" : "expected \(expected), found \(found)"
  }

  /// The same error below `prefix`.
  public func prefixed(by prefix: [JSONPathComponent]) -> JSONShapeError {
    JSONShapeError(path: prefix + path, expected: expected, found: found)
  }

  /// Appends `.a[3]` to a JSON path text.
  public func appendPath(to text: inout String) {
    for component in path {
      switch component {
      case .key(let key): JSONPath.appendKey(Array(key.utf8)[...], to: &text)
      case .index(let index): text += "[\(index)]"
      }
    }
  }
}

/// JSON path text as `JSONInput.path` writes it.
enum JSONPath {
  /// `.name` for plain names, `['/a.js']` otherwise.
  static func appendKey(_ bytes: ArraySlice<UInt8>, to text: inout String) {
    if isPlainName(bytes) {
      text += "." + String(decoding: bytes, as: UTF8.self)
    } else {
      let key = String(decoding: bytes, as: UTF8.self)
      let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
      text += "['\(escaped)']"
    }
  }

  /// `^[A-Za-z_$][A-Za-z0-9_$-]*$`.
  private static func isPlainName(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard let first = bytes.first else { return false }
    func isLetter(_ byte: UInt8) -> Bool {
      (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x24
    }
    guard isLetter(first) else { return false }
    return bytes.dropFirst().allSatisfy { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
  }
}
