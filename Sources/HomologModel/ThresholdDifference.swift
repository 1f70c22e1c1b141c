/// A threshold a bid's policy sets differently from a reference policy (the evaluator's, or the CCT defaults).
/// JSON: `key`, `value` and `reference` as homolog.yaml writes them (`plain`).
public struct ThresholdDifference: Codable, Hashable, Sendable {
  /// As in homolog.yaml's `policy:` section: `vulnerabilities.critical`, `coverage.backend`…
  public var key: String
  /// The bid's value.
  public var value: ThresholdValue
  /// The reference policy's value.
  public var reference: ThresholdValue
  public init(key: String, value: ThresholdValue, reference: ThresholdValue) {
    self.key = key
    self.value = value
    self.reference = reference
  }

  private enum CodingKeys: String, CodingKey { case key, value, reference }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let key = try container.decode(String.self, forKey: .key)
    func read(_ field: CodingKeys) throws -> ThresholdValue {
      let text = try container.decode(String.self, forKey: field)
      guard let value = ThresholdValue(plain: text, key: key) else {
        throw DecodingError.dataCorruptedError(forKey: field, in: container, debugDescription: "not a value of \(key): \(text)")
      }
      return value
    }
    self.key = key
    value = try read(.value)
    reference = try read(.reference)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(key, forKey: .key)
    try container.encode(value.plain, forKey: .value)
    try container.encode(reference.plain, forKey: .reference)
  }
}
