import HomologModel
import HomologParsing

/// A JSON document streamed at its top level, for readers whose bulk is arrays of items: each
/// element of the top-level arrays named in `itemArrays` (or of a top-level array) is built and
/// given to `item` on its own; every other member is built whole and given to `member` (containers)
/// or `scalarMember`. Subclasses override what they use; nothing else of the document is kept.
class JSONTopLevelStream: JSONStreamHandler {
  private let itemArrays: JSONKeySet
  /// The kind of the top-level value, once seen.
  private(set) var root: JSONContainer?

  init(itemArrays: [String] = []) {
    self.itemArrays = JSONKeySet(itemArrays)
  }

  /// The keys of an item worth building (nil: all).
  var itemKeys: JSONKeySet? { nil }
  /// An element of an item array (`stream.isKey(_:level: 0)` names the array) or of a top-level array.
  func item(_ value: JSONValue, in stream: JSONStream) throws(InputError) {}
  /// A scalar element where items are expected: refused by default.
  func itemScalar(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    throw stream.error("expected an object, found \(value.typeName)")
  }
  /// An item array begins (present, perhaps empty).
  func itemArrayBegins(in stream: JSONStream) throws(InputError) {}
  /// Another top-level member holding an object or an array.
  func member(_ value: JSONValue, in stream: JSONStream) throws(InputError) {}
  /// Another top-level member holding a scalar.
  func scalarMember(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {}
  /// Whether to build a top-level member (false: it is skipped unread).
  func wantsMember(in stream: JSONStream) -> Bool { true }

  func begin(_ container: JSONContainer, in stream: JSONStream) throws(InputError) -> JSONStreamAction {
    switch stream.depth {
    case 0:
      root = container
      return .enter
    case 1:
      if root == .array { return .capture(keeping: itemKeys) }
      if stream.isKey(in: itemArrays) {
        guard container == .array else { throw stream.error("expected an array, found an object") }
        try itemArrayBegins(in: stream)
        return .enter
      }
      return wantsMember(in: stream) ? .capture : .skip
    default:
      return .capture(keeping: itemKeys)
    }
  }

  func scalar(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    switch stream.depth {
    case 0: throw stream.error("expected a JSON object or array, found \(value.typeName)")
    case 1:
      if root == .array { return try itemScalar(value, in: stream) }
      if stream.isKey(in: itemArrays) {
        guard case .null = value else { throw stream.error("expected an array, found \(value.typeName)") }
        return
      }
      try scalarMember(value, in: stream)
    default: try itemScalar(value, in: stream)
    }
  }

  func captured(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    if stream.depth == 1 && root == .object {
      try member(value, in: stream)
    } else {
      try item(value, in: stream)
    }
  }
}
