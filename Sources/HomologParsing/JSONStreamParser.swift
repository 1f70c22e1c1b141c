import Foundation
import HomologModel

/// The kind of a JSON container.
public enum JSONContainer: Sendable {
  case object
  case array
}

/// What the stream does with a container that begins: send its content as events, pass over it
/// without building anything, or build it as a `JSONValue` (only the listed top-level keys, when given).
public enum JSONStreamAction: Sendable {
  case enter
  case skip
  case capture(keeping: JSONKeySet?)

  /// Builds the whole value.
  public static let capture = JSONStreamAction.capture(keeping: nil)
}

/// A scalar as the parser saw it; the bytes are valid only during the callback.
public enum JSONScalar {
  /// A string, unescaped, valid UTF-8.
  case string(UnsafeRawBufferPointer)
  /// A number as written in the document (never converted until asked).
  case number(UnsafeRawBufferPointer)
  case bool(Bool)
  case null

  /// The string's text, the number's text, or `true`/`false`; nil for null.
  public var text: String? {
    switch self {
    case .string(let bytes), .number(let bytes): String(decoding: bytes, as: UTF8.self)
    case .bool(let value): value ? "true" : "false"
    case .null: nil
    }
  }

  /// The string (only a JSON string), or nil.
  public var string: String? {
    if case .string(let bytes) = self { return String(decoding: bytes, as: UTF8.self) }
    return nil
  }

  /// The number as an integer (an integral number only), or nil.
  public var int: Int? {
    if case .number(let bytes) = self { return JSONValue.integer(String(decoding: bytes, as: UTF8.self)) }
    return nil
  }

  /// True when this is the string `text`, compared as bytes.
  public func isString(_ text: StaticString) -> Bool {
    guard case .string(let bytes) = self else { return false }
    return JSONKeySet.equal(bytes, text)
  }

  /// "a string", "a number"…, for messages.
  public var typeName: String {
    switch self {
    case .string: "a string"
    case .number: "a number"
    case .bool: "a boolean"
    case .null: "null"
    }
  }
}

/// Receives the events of a streamed JSON document. Throwing stops the parse with that error.
///
/// `begin` and `scalar` are called with the stream's path at the value (its key or index already
/// set); `end` with the container's own path; `captured` once a captured value is complete.
public protocol JSONStreamHandler: AnyObject {
  /// A container begins: what to do with it.
  func begin(_ container: JSONContainer, in stream: JSONStream) throws(InputError) -> JSONStreamAction
  /// An entered container ends (the stream's path is the container's own).
  func end(_ container: JSONContainer, in stream: JSONStream) throws(InputError)
  /// A scalar inside an entered container (or the whole document).
  func scalar(_ value: JSONScalar, in stream: JSONStream) throws(InputError)
  /// A value whose `begin` answered `.capture`, built.
  func captured(_ value: JSONValue, in stream: JSONStream) throws(InputError)
}

extension JSONStreamHandler {
  public func end(_ container: JSONContainer, in stream: JSONStream) throws(InputError) {}
  public func scalar(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {}
  public func captured(_ value: JSONValue, in stream: JSONStream) throws(InputError) {}
}

/// Streams a JSON file through yajl 2.1's push parser, in chunks and in constant memory.
///
/// Strict JSON: no comments, strings validated as UTF-8, a single top-level value, nesting at
/// most `maxDepth` levels. Errors say `file:line:col` (from yajl's byte offset) and the JSON path.
public enum JSONStreamParser {
  /// Deepest nesting accepted; deeper documents are refused with this figure.
  public static let maxDepth = 512

  /// Parses a file in chunks, sending events to `handler`.
  public static func parse(
    file url: URL, displayPath: String, handler: JSONStreamHandler, maxDepth: Int = maxDepth
  ) throws(InputError) {
    let stream = JSONStream(displayPath: displayPath, handler: handler, maxDepth: maxDepth)
    try FileInput.forEachChunk(url, displayPath: displayPath) { chunk throws(InputError) in
      try stream.feed(chunk)
    }
    try stream.finish()
  }

  /// Parses bytes already in memory, sending events to `handler`.
  public static func parse(
    data: Data, displayPath: String, handler: JSONStreamHandler, maxDepth: Int = maxDepth
  ) throws(InputError) {
    let stream = JSONStream(displayPath: displayPath, handler: handler, maxDepth: maxDepth)
    var outcome: Result<Void, InputError> = .success(())
    data.withUnsafeBytes { raw in
      outcome = Result { () throws(InputError) in
        var offset = 0
        while offset < raw.count {
          let end = min(offset + FileInput.chunkSize, raw.count)
          try stream.feed(UnsafeRawBufferPointer(rebasing: raw[offset..<end]))
          offset = end
        }
        try stream.finish()
      }
    }
    try outcome.get()
  }
}

/// A fixed set of object keys, compared as bytes (no `String` per key).
public final class JSONKeySet: Sendable {
  private let keys: [[UInt8]]

  public init(_ keys: [String]) { self.keys = keys.map { Array($0.utf8) } }

  /// True when `bytes` is one of the keys.
  public func contains(_ bytes: UnsafeRawBufferPointer) -> Bool {
    for key in keys where key.count == bytes.count {
      if key.isEmpty { return true }
      if key.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, key.count) == 0 }) { return true }
    }
    return false
  }

  /// True when `bytes` spells `text`.
  @inlinable
  public static func equal(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard bytes.count == count else { return false }
    return count == 0 || memcmp(bytes.baseAddress!, text.utf8Start, count) == 0
  }
}
