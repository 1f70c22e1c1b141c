/// Literal syntax, so code and tests can write contexts as `["name": "Joe", "rows": [1, 2]]`.
extension MustacheValue:
  ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral
{
  /// `nil` is `.null`.
  public init(nilLiteral: ()) { self = .null }

  /// `true` / `false`.
  public init(booleanLiteral value: Bool) { self = .bool(value) }

  /// An integer number.
  public init(integerLiteral value: Int) { self = .number(.integer(value)) }

  /// A real number.
  public init(floatLiteral value: Double) { self = .number(.real(value)) }

  /// A string.
  public init(stringLiteral value: String) { self = .string(value) }

  /// A list.
  public init(arrayLiteral elements: MustacheValue...) { self = .list(elements) }

  /// An object; a repeated key keeps its last value.
  public init(dictionaryLiteral elements: (String, MustacheValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
}
