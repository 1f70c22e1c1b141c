/// A threshold's value as a policy sets it, typed so each output prints it its own way.
public enum ThresholdValue: Hashable, Sendable {
  /// No limit (`null` in homolog.yaml).
  case unset
  /// A count: a vulnerability limit, a number of days.
  case count(Int)
  /// A figure a person gave: a coverage minimum in percent, a tolerance in points.
  case figure(Double)
  /// A severity.
  case severity(Severity)
  /// Names (the allowed registries).
  case names([String])

  /// As homolog.yaml writes it, figures in the plain style: `null`, `80.5`, `high`, `[a, b]` (the JSON form).
  public var plain: String {
    switch self {
    case .unset: "null"
    case .count(let count): String(count)
    case .figure(let figure): NumberFormatting.text(figure, decimals: NumberFormatting.givenDecimals, style: .plain)
    case .severity(let severity): severity.rawValue
    case .names(let names): "[\(names.joined(separator: ", "))]"
    }
  }

  /// The value as a message argument: a figure carries its number, so each language prints it its own way.
  public func arg(_ name: String) -> MessageArg {
    switch self {
    case .count(let count): .number(name, Double(count), decimals: 0)
    case .figure(let figure): .number(name, figure, decimals: NumberFormatting.givenDecimals)
    case .unset, .severity, .names: MessageArg(name, plain)
    }
  }

  /// Reads back `plain` for the threshold `key` (homolog.yaml's name), which says what kind of value it holds.
  public init?(plain text: String, key: String) {
    if text == "null" {
      self = .unset
    } else if key.hasPrefix("vulnerabilities.") || key.hasSuffix("_days") {
      guard let count = Int(text) else { return nil }
      self = .count(count)
    } else if key.hasPrefix("coverage") {
      guard let figure = Double(text) else { return nil }
      self = .figure(figure)
    } else if key.hasSuffix("severity") {
      guard let severity = Severity(rawValue: text) else { return nil }
      self = .severity(severity)
    } else if text.hasPrefix("["), text.hasSuffix("]") {
      let inner = text.dropFirst().dropLast()
      self = .names(inner.isEmpty ? [] : inner.components(separatedBy: ", "))
    } else {
      return nil
    }
  }
}
