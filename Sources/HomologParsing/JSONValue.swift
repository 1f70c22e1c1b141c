import Foundation

/// A small JSON value built while streaming (one SARIF result, one Trivy vulnerability), so a reader
/// can look at it freely and then drop it. Numbers stay as written until asked.
public enum JSONValue: Sendable {
  case null
  case bool(Bool)
  case number(String)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  init(_ scalar: JSONScalar) {
    switch scalar {
    case .string(let bytes): self = .string(String(decoding: bytes, as: UTF8.self))
    case .number(let bytes): self = .number(String(decoding: bytes, as: UTF8.self))
    case .bool(let value): self = .bool(value)
    case .null: self = .null
    }
  }

  /// The member `key` of an object, or nil (absent, or not an object).
  public subscript(key: String) -> JSONValue? {
    guard case .object(let object) = self else { return nil }
    return object[key]
  }

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

  /// `5`, `5.0` or `5e0` as 5; nil for a fraction or a number out of range.
  static func integer(_ text: String) -> Int? {
    if let value = Int(text) { return value }
    guard let double = Double(text), double.rounded() == double, abs(double) < 9.0e18 else { return nil }
    return Int(double)
  }

  // MARK: - Typed reads along a relative path (nil when absent or null; an error when of another type)

  /// The value at `path`, or nil when a step is absent or null; an error when a step is not a container.
  public func at(_ path: JSONPathComponent...) throws(JSONShapeError) -> JSONValue? { try resolve(path) }

  func resolve(_ path: [JSONPathComponent]) throws(JSONShapeError) -> JSONValue? {
    var current = self
    for (step, component) in path.enumerated() {
      switch (component, current) {
      case (.key(let key), .object(let object)):
        guard let next = object[key] else { return nil }
        current = next
      case (.index(let index), .array(let array)):
        guard array.indices.contains(index) else { return nil }
        current = array[index]
      case (_, .null):
        return nil
      case (.key, _):
        throw JSONShapeError(path: Array(path[..<step]), expected: "an object", found: current.typeName)
      case (.index, _):
        throw JSONShapeError(path: Array(path[..<step]), expected: "an array", found: current.typeName)
      }
    }
    if case .null = current { return nil }
    return current
  }

  /// The string at `path`.
  public func string(_ path: JSONPathComponent...) throws(JSONShapeError) -> String? {
    guard let value = try resolve(path) else { return nil }
    guard case .string(let text) = value else { throw JSONShapeError(path: path, expected: "a string", found: value.typeName) }
    return text
  }

  /// The integer at `path` (an integral number).
  public func int(_ path: JSONPathComponent...) throws(JSONShapeError) -> Int? {
    guard let value = try resolve(path) else { return nil }
    guard case .number(let text) = value, let number = JSONValue.integer(text) else {
      throw JSONShapeError(path: path, expected: "an integer", found: value.typeName)
    }
    return number
  }

  /// The number at `path`.
  public func double(_ path: JSONPathComponent...) throws(JSONShapeError) -> Double? {
    guard let value = try resolve(path) else { return nil }
    guard case .number(let text) = value, let number = Double(text) else {
      throw JSONShapeError(path: path, expected: "a number", found: value.typeName)
    }
    return number
  }

  /// The boolean at `path`.
  public func bool(_ path: JSONPathComponent...) throws(JSONShapeError) -> Bool? {
    guard let value = try resolve(path) else { return nil }
    guard case .bool(let flag) = value else { throw JSONShapeError(path: path, expected: "a boolean", found: value.typeName) }
    return flag
  }

  /// A string, number or boolean at `path`, as text (fields tools write either way: `"5.3"` or `5.3`).
  public func text(_ path: JSONPathComponent...) throws(JSONShapeError) -> String? {
    guard let value = try resolve(path) else { return nil }
    switch value {
    case .string(let text), .number(let text): return text
    case .bool(let flag): return flag ? "true" : "false"
    default: throw JSONShapeError(path: path, expected: "a string or a number", found: value.typeName)
    }
  }

  /// The object at `path`.
  public func object(_ path: JSONPathComponent...) throws(JSONShapeError) -> JSONObject? {
    guard let value = try resolve(path) else { return nil }
    guard case .object(let object) = value else { throw JSONShapeError(path: path, expected: "an object", found: value.typeName) }
    return object
  }

  /// The array at `path`.
  public func array(_ path: JSONPathComponent...) throws(JSONShapeError) -> [JSONValue]? {
    guard let value = try resolve(path) else { return nil }
    guard case .array(let array) = value else { throw JSONShapeError(path: path, expected: "an array", found: value.typeName) }
    return array
  }

  /// The strings of the array at `path`.
  public func strings(_ path: JSONPathComponent...) throws(JSONShapeError) -> [String]? {
    guard let value = try resolve(path) else { return nil }
    guard case .array(let array) = value else { throw JSONShapeError(path: path, expected: "an array", found: value.typeName) }
    var strings: [String] = []
    strings.reserveCapacity(array.count)
    for (index, element) in array.enumerated() {
      guard case .string(let text) = element else {
        throw JSONShapeError(path: path + [.index(index)], expected: "a string", found: element.typeName)
      }
      strings.append(text)
    }
    return strings
  }

  /// Calls `body` with each element of the array at `path` (errors inside are placed at the element).
  public func forEach(
    _ path: JSONPathComponent..., body: (JSONValue) throws(JSONShapeError) -> Void
  ) throws(JSONShapeError) {
    guard let value = try resolve(path) else { return }
    guard case .array(let array) = value else { throw JSONShapeError(path: path, expected: "an array", found: value.typeName) }
    for (index, element) in array.enumerated() {
      do throws(JSONShapeError) {
        try body(element)
      } catch {
        throw error.prefixed(by: path + [.index(index)])
      }
    }
  }
}

/// The members of a JSON object, in document order.
public struct JSONObject: Sendable {
  public var keys: [String]
  public var values: [JSONValue]

  public init(keys: [String], values: [JSONValue]) {
    self.keys = keys
    self.values = values
  }

  /// The value of `key` (the first one, when a key repeats), or nil.
  public subscript(key: String) -> JSONValue? {
    guard let index = keys.firstIndex(of: key), index < values.count else { return nil }
    return values[index]
  }

  /// Each key and its value, in order.
  public var members: Zip2Sequence<[String], [JSONValue]> { zip(keys, values) }
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

  /// "expected a string, found a number".
  public var message: String { "expected \(expected), found \(found)" }

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
