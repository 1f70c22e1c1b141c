/// A value a template renders: the JSON-like tree Mustache names resolve against.
public enum MustacheValue: Sendable, Hashable {
  /// JSON `null`, or a missing value.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// An integer or real number.
  case number(MustacheNumber)
  /// Text, HTML-escaped by `{{name}}`.
  case string(String)
  /// A list: a section renders its content once per element.
  case list([MustacheValue])
  /// Named members: a section pushes the object as context, names resolve against its keys.
  case object([String: MustacheValue])

  /// Whether a section shows its content: false for null, `false`, zero, NaN, "", [] and {}.
  public var isTruthy: Bool {
    switch self {
    case .null: return false
    case .bool(let flag): return flag
    case .number(let number): return number.isTruthy
    case .string(let text): return !text.isEmpty
    case .list(let items): return !items.isEmpty
    case .object(let members): return !members.isEmpty
    }
  }

  /// The text an interpolation tag writes: strings as is, numbers as `85` or `1.21`,
  /// `true`/`false`, and the empty string for null, lists and objects.
  public var interpolatedText: String {
    switch self {
    case .string(let text): return text
    case .number(let number): return number.description
    case .bool(let flag): return flag ? "true" : "false"
    case .null, .list, .object: return ""
    }
  }

  /// The member called `key` when this is an object holding it, nil otherwise.
  public subscript(key: String) -> MustacheValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }
}
