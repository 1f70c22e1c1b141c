import Foundation
import HomologModel

/// Decodes a `Decodable` type from a captured `JSONValue` (one item of a streamed document), so a
/// reader keeps its small Codable shapes while the document streams. Errors are placed at the
/// stream's path followed by the coding path, as `JSONInput` places them.
public enum JSONValueDecoder {
  /// Decodes `type` from `value`, captured at the stream's current path.
  public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, in stream: JSONStream) throws(InputError) -> T {
    do {
      return try T(from: ValueDecoder(value: value, codingPath: []))
    } catch let error as DecodingError {
      throw located(error, in: stream)
    } catch {
      throw stream.error("invalid JSON: \(error)")
    }
  }

  private static func located(_ error: DecodingError, in stream: JSONStream) -> InputError {
    let (message, codingPath): (String, [CodingKey])
    switch error {
    case .typeMismatch(_, let context): (message, codingPath) = (context.debugDescription, context.codingPath)
    case .valueNotFound(_, let context): (message, codingPath) = (context.debugDescription, context.codingPath)
    case .keyNotFound(let key, let context): (message, codingPath) = ("missing required key \"\(key.stringValue)\"", context.codingPath)
    case .dataCorrupted(let context): (message, codingPath) = (context.debugDescription, context.codingPath)
    @unknown default: (message, codingPath) = ("invalid JSON", [])
    }
    var location = SourceLocation(file: stream.displayPath)
    location.jsonPath = stream.path + JSONInput.path(codingPath).dropFirst()
    return InputError(message, at: location)
  }
}

/// An array position as a coding key, named as Foundation names it ("Index 3").
private struct IndexKey: CodingKey {
  var intValue: Int?
  var stringValue: String
  init(_ index: Int) {
    intValue = index
    stringValue = "Index \(index)"
  }
  init?(stringValue: String) { return nil }
  init?(intValue: Int) { self.init(intValue) }
}

private func mismatch(_ type: Any.Type, _ expected: String, _ value: JSONValue, _ path: [CodingKey]) -> DecodingError {
  .typeMismatch(type, .init(codingPath: path, debugDescription: "expected \(expected), found \(value.typeName)"))
}

private func integer<T: FixedWidthInteger>(_ type: T.Type, _ value: JSONValue, _ path: [CodingKey]) throws -> T {
  guard value.kind == .number, let text = value.scalarText, let number = JSONValue.integer(text), let exact = T(exactly: number)
  else {
    if value.isNull { throw DecodingError.valueNotFound(type, .init(codingPath: path, debugDescription: "expected a number, found null")) }
    throw mismatch(type, "an integer", value, path)
  }
  return exact
}

private func scalar<T>(_ type: T.Type, _ value: JSONValue, _ path: [CodingKey]) throws -> T {
  if value.isNull {
    throw DecodingError.valueNotFound(type, .init(codingPath: path, debugDescription: "expected \(name(type)), found null"))
  }
  switch type {
  case is String.Type:
    guard value.kind == .string, let text = value.scalarText else { throw mismatch(type, "a string", value, path) }
    return text as! T
  case is Bool.Type:
    guard let flag = value.boolValue else { throw mismatch(type, "a boolean", value, path) }
    return flag as! T
  case is Double.Type:
    guard value.kind == .number, let number = value.scalarText.flatMap(Double.init) else { throw mismatch(type, "a number", value, path) }
    return number as! T
  case is Float.Type:
    guard value.kind == .number, let number = value.scalarText.flatMap(Float.init) else { throw mismatch(type, "a number", value, path) }
    return number as! T
  default:
    throw mismatch(type, name(type), value, path)
  }
}

private func name(_ type: Any.Type) -> String {
  switch type {
  case is String.Type: "a string"
  case is Bool.Type: "a boolean"
  default: "a number"
  }
}

private struct ValueDecoder: Decoder {
  let value: JSONValue
  let codingPath: [CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard value.kind == .object else {
      if value.isNull { throw DecodingError.valueNotFound([String: Any].self, .init(codingPath: codingPath, debugDescription: "expected an object, found null")) }
      throw mismatch([String: Any].self, "an object", value, codingPath)
    }
    return KeyedDecodingContainer(Keyed<Key>(value: value, codingPath: codingPath))
  }

  func unkeyedContainer() throws -> UnkeyedDecodingContainer {
    guard value.kind == .array else {
      if value.isNull { throw DecodingError.valueNotFound([Any].self, .init(codingPath: codingPath, debugDescription: "expected an array, found null")) }
      throw mismatch([Any].self, "an array", value, codingPath)
    }
    return Unkeyed(elements: value.elements, codingPath: codingPath)
  }

  func singleValueContainer() throws -> SingleValueDecodingContainer { Single(value: value, codingPath: codingPath) }
}

private struct Single: SingleValueDecodingContainer {
  let value: JSONValue
  let codingPath: [CodingKey]
  func decodeNil() -> Bool { value.isNull }
  func decode(_ type: Bool.Type) throws -> Bool { try scalar(type, value, codingPath) }
  func decode(_ type: String.Type) throws -> String { try scalar(type, value, codingPath) }
  func decode(_ type: Double.Type) throws -> Double { try scalar(type, value, codingPath) }
  func decode(_ type: Float.Type) throws -> Float { try scalar(type, value, codingPath) }
  func decode(_ type: Int.Type) throws -> Int { try integer(type, value, codingPath) }
  func decode(_ type: Int8.Type) throws -> Int8 { try integer(type, value, codingPath) }
  func decode(_ type: Int16.Type) throws -> Int16 { try integer(type, value, codingPath) }
  func decode(_ type: Int32.Type) throws -> Int32 { try integer(type, value, codingPath) }
  func decode(_ type: Int64.Type) throws -> Int64 { try integer(type, value, codingPath) }
  func decode(_ type: UInt.Type) throws -> UInt { try integer(type, value, codingPath) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type, value, codingPath) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type, value, codingPath) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type, value, codingPath) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type, value, codingPath) }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: ValueDecoder(value: value, codingPath: codingPath)) }
}

private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let value: JSONValue
  let codingPath: [CodingKey]

  var allKeys: [Key] { value.members.compactMap { Key(stringValue: $0.key) } }
  func contains(_ key: Key) -> Bool { value[key.stringValue] != nil }

  private func member(_ key: Key) throws -> JSONValue {
    guard let member = value[key.stringValue] else {
      throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing required key \"\(key.stringValue)\""))
    }
    return member
  }

  private func decoder(_ key: Key) throws -> ValueDecoder { ValueDecoder(value: try member(key), codingPath: codingPath + [key]) }

  func decodeNil(forKey key: Key) throws -> Bool { try member(key).isNull }
  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try scalar(type, member(key), codingPath + [key]) }
  func decode(_ type: String.Type, forKey key: Key) throws -> String { try scalar(type, member(key), codingPath + [key]) }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try scalar(type, member(key), codingPath + [key]) }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try scalar(type, member(key), codingPath + [key]) }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(type, member(key), codingPath + [key]) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, member(key), codingPath + [key]) }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, member(key), codingPath + [key]) }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, member(key), codingPath + [key]) }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, member(key), codingPath + [key]) }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, member(key), codingPath + [key]) }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, member(key), codingPath + [key]) }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, member(key), codingPath + [key]) }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, member(key), codingPath + [key]) }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, member(key), codingPath + [key]) }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try T(from: decoder(key)) }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
    try decoder(key).container(keyedBy: type)
  }
  func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { try decoder(key).unkeyedContainer() }
  func superDecoder() throws -> Decoder { ValueDecoder(value: value, codingPath: codingPath) }
  func superDecoder(forKey key: Key) throws -> Decoder { try decoder(key) }
}

private struct Unkeyed: UnkeyedDecodingContainer {
  let elements: [JSONValue]
  let codingPath: [CodingKey]
  var currentIndex = 0

  init(elements: [JSONValue], codingPath: [CodingKey]) {
    self.elements = elements
    self.codingPath = codingPath
  }

  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  private mutating func next(_ type: Any.Type) throws -> (JSONValue, [CodingKey]) {
    let path = codingPath + [IndexKey(currentIndex)]
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(type, .init(codingPath: path, debugDescription: "unkeyed container is at its end"))
    }
    defer { currentIndex += 1 }
    return (elements[currentIndex], path)
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, elements[currentIndex].isNull else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let (value, path) = try next(type)
    switch type {
    case is String.Type, is Bool.Type, is Double.Type, is Float.Type: return try scalar(type, value, path)
    case is Int.Type: return try integer(Int.self, value, path) as! T
    default: return try T(from: ValueDecoder(value: value, codingPath: path))
    }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
    let (value, path) = try next([String: Any].self)
    return try ValueDecoder(value: value, codingPath: path).container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
    let (value, path) = try next([Any].self)
    return try ValueDecoder(value: value, codingPath: path).unkeyedContainer()
  }

  mutating func superDecoder() throws -> Decoder {
    let (value, path) = try next(Any.self)
    return ValueDecoder(value: value, codingPath: path)
  }
}
