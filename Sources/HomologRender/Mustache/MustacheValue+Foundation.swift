import Foundation

extension MustacheValue {
  /// Converts `JSONSerialization` output (or plain Swift arrays, dictionaries, strings and numbers);
  /// anything else becomes `.null`. Booleans and numbers are told apart even when both arrive as `NSNumber`.
  public init(jsonObject: Any) {
    if type(of: jsonObject) is NSNumber.Type, let number = jsonObject as? NSNumber {
      self = Self.classify(number)
      return
    }
    switch jsonObject {
    case let text as String: self = .string(text)
    case let flag as Bool: self = .bool(flag)
    case let integer as any BinaryInteger: self = Self.number(integer)
    case let real as any BinaryFloatingPoint: self = Self.number(real)
    case let items as [Any]: self = .list(items.map(MustacheValue.init(jsonObject:)))
    case let members as [String: Any]: self = .object(members.mapValues(MustacheValue.init(jsonObject:)))
    default: self = .null
    }
  }

  /// Encodes `value` with `JSONEncoder` (sorted keys, snake_case keys, ISO 8601 dates) and converts the result,
  /// so templates name fields as `as_of`, `requirements`, `file_path`.
  public init(encodable value: some Encodable) throws(MustacheError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.dateEncodingStrategy = .iso8601
    do {
      let data = try encoder.encode(value)
      self.init(jsonObject: try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    } catch {
      throw MustacheError("cannot turn \(type(of: value)) into a template context: \(error)")
    }
  }

  /// `NSNumber` says what it holds through its Objective-C type code: `c`/`B` for booleans
  /// (Foundation's `__NSCFBoolean`; JSON has no char numbers), `f`/`d` for reals, the rest integers.
  private static func classify(_ number: NSNumber) -> MustacheValue {
    switch String(cString: number.objCType) {
    case "c", "B":
      return .bool(number.boolValue)
    case "f":
      return .number(.real(Double(number.floatValue.description) ?? number.doubleValue))
    case "d":
      return .number(.real(number.doubleValue))
    case "Q", "L", "I", "S", "C":
      if let integer = Int(exactly: number.uint64Value) { return .number(.integer(integer)) }
      return .number(.real(number.doubleValue))
    default:
      return .number(.integer(Int(number.int64Value)))
    }
  }

  private static func number(_ integer: any BinaryInteger) -> MustacheValue {
    if let exact = Int(exactly: integer) { return .number(.integer(exact)) }
    return .number(.real(Double(integer)))
  }

  /// Goes through the value's own shortest text, so `Float(1.1)` stays `1.1` instead of `1.100000023841858`.
  private static func number(_ real: any BinaryFloatingPoint) -> MustacheValue {
    .number(.real(Double("\(real)") ?? Double(real)))
  }
}
