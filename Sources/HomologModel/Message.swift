/// One named value substituted into a message, e.g. `count` = `3`.
public struct MessageArg: Codable, Hashable, Sendable {
  public var name: String
  public var value: String
  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
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
