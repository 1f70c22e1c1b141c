/// One named value substituted into a message, e.g. `count` = `3`.
public struct MessageArg: Codable, Hashable, Sendable {
  public var name: String
  public var value: String
  /// The figure behind `value` when it is one, so each language prints it its own way (`81,8` in French).
  public var number: Double?
  /// The number of decimals `number` is printed with.
  public var decimals: Int?
  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }

  /// A figure: `value` holds it as plain text (`81.8`), printed in each language's style by the translation table.
  public static func number(_ name: String, _ figure: Double, decimals: Int = 1) -> MessageArg {
    var arg = MessageArg(name, NumberFormatting.text(figure, decimals: decimals, style: .plain))
    arg.number = figure
    arg.decimals = decimals == 1 ? nil : decimals
    return arg
  }

  /// The value in a language's style: a figure formatted with `NumberFormatting`, any other value as is.
  public func text(style: NumberFormatting.Style) -> String {
    guard let number else { return value }
    return NumberFormatting.text(number, decimals: decimals ?? 1, style: style)
  }
}

/// A message by key, localized later from the translation table (`templates/i18n/*.json`).
public struct Message: Codable, Hashable, Sendable {
  /// Key in the translation table, e.g. `vuln.thresholds.fail`.
  public var key: String
  public var args: [MessageArg]
  public init(_ key: String, _ args: [MessageArg] = []) {
    self.key = key
    self.args = args
  }

  /// Builds a message from `name: value` pairs.
  public init(_ key: String, _ args: KeyValuePairs<String, CustomStringConvertible>) {
    self.key = key
    self.args = args.map { MessageArg($0.key, $0.value.description) }
  }

  /// The value of an argument, if present.
  public func arg(_ name: String) -> String? { args.first { $0.name == name }?.value }
}
