import HomologModel

/// Typed, located access to the keys of a YAML mapping, for configuration files.
/// Every error names the file, the line and column, and what was expected.
struct YAMLFields {
  let node: Node
  let file: String
  /// Where this mapping is, e.g. `requirements[3]`, for messages.
  let context: String
  /// The document's top mapping: its keys are named alone (`policy`, not `homolog.yaml.policy`).
  let isRoot: Bool

  init(_ node: Node, file: String, context: String, isRoot: Bool = false) throws(InputError) {
    guard node.pairs != nil else {
      throw InputError(
        Message("yaml.expected-mapping", [MessageArg("context", context), MessageArg("found", node.kindName)]),
        english: "\(context): expected a mapping, found a \(node.kindName)", at: Self.location(node, file))
    }
    self.node = node
    self.file = file
    self.context = context
    self.isRoot = isRoot
  }

  static func location(_ node: Node, _ file: String) -> SourceLocation {
    SourceLocation(file: file, line: node.line, column: node.column)
  }

  func error(_ message: String, at node: Node? = nil) -> InputError {
    InputError(message, at: Self.location(node ?? self.node, file))
  }

  /// An error told in the run's language by the command line (`english` elsewhere).
  func error(_ problem: Message, _ english: String, at node: Node? = nil) -> InputError {
    InputError(problem, english: english, at: Self.location(node ?? self.node, file))
  }

  /// `key` under this mapping, for messages (`context.exposure`).
  private func field(_ key: String) -> String { "\(context).\(key)" }

  /// The arguments naming the closest of `candidates` to `text`, for `{hint:yaml.hint}`.
  static func hint(_ text: String, in candidates: [String]) -> [MessageArg] {
    let closest = Suggestion.closest(to: text, in: candidates)
    return [MessageArg("hint", closest == nil ? "none" : "some"), MessageArg("suggestion", closest ?? "")]
  }

  /// The keys present, in order.
  var keys: [String] { node.pairs?.compactMap { $0.key.string } ?? [] }

  /// The raw node of a key, or nil when absent or null.
  func value(_ key: String) -> Node? {
    guard let value = node[key], !value.isNull else { return nil }
    return value
  }

  /// Refuses keys outside `allowed` (catches typos that would otherwise silently do nothing).
  func rejectUnknown(_ allowed: Set<String>) throws(InputError) {
    for pair in node.pairs ?? [] {
      let key = pair.key.string ?? ""
      if !allowed.contains(key) {
        let expected = allowed.sorted().joined(separator: ", ")
        throw error(
          Message("yaml.unknown-key", [MessageArg("context", context), MessageArg("key", key), MessageArg("allowed", expected)] + Self.hint(key, in: allowed.sorted())),
          "\(context): unknown key '\(key)'\(Suggestion.phrase(key, in: allowed.sorted())) (expected one of: \(expected))",
          at: pair.key)
      }
    }
    var seen = Set<String>()
    for pair in node.pairs ?? [] {
      let key = pair.key.string ?? ""
      if !seen.insert(key).inserted {
        throw error(Message("yaml.duplicate-key", [MessageArg("context", context), MessageArg("key", key)]), "\(context): duplicate key '\(key)'", at: pair.key)
      }
    }
  }

  func string(_ key: String) throws(InputError) -> String? {
    guard let value = value(key) else { return nil }
    guard case .scalar = value.value, let text = value.string else {
      throw error(
        Message("yaml.expected-text", [MessageArg("field", field(key)), MessageArg("found", value.kindName)]),
        "\(context).\(key): expected a text, found a \(value.kindName)", at: value)
    }
    return text
  }

  /// A text that must be given: an absent key and a key with an empty (or null) value are told apart, the latter at its value.
  func requiredString(_ key: String) throws(InputError) -> String {
    guard let present = node[key] else {
      throw error(Message("yaml.missing-key", [MessageArg("context", context), MessageArg("key", key)]), "\(context): missing required key '\(key)'")
    }
    guard let text = try string(key), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw error(Message("yaml.empty-value", [MessageArg("field", field(key))]), "\(context).\(key): the value is empty (expected a text)", at: present)
    }
    return text
  }

  func bool(_ key: String) throws(InputError) -> Bool? {
    guard let value = value(key) else { return nil }
    guard let flag = value.bool else {
      throw error(Message("yaml.expected-bool", [MessageArg("field", field(key))]), "\(context).\(key): expected true or false", at: value)
    }
    return flag
  }

  func int(_ key: String) throws(InputError) -> Int? {
    guard let value = value(key) else { return nil }
    guard let number = value.int else {
      throw error(Message("yaml.expected-integer", [MessageArg("field", field(key))]), "\(context).\(key): expected a whole number", at: value)
    }
    return number
  }

  func double(_ key: String) throws(InputError) -> Double? {
    guard let value = value(key) else { return nil }
    guard let number = value.double else {
      throw error(Message("yaml.expected-number", [MessageArg("field", field(key))]), "\(context).\(key): expected a number", at: value)
    }
    return number
  }

  func day(_ key: String) throws(InputError) -> Day? {
    guard let value = value(key) else { return nil }
    guard let text = value.string, let day = Day(text) else {
      throw error(Message("yaml.expected-date", [MessageArg("field", field(key))]), "\(context).\(key): expected a date YYYY-MM-DD", at: value)
    }
    return day
  }

  func requiredDay(_ key: String) throws(InputError) -> Day {
    guard let day = try day(key) else {
      throw error(
        Message("yaml.missing-date", [MessageArg("context", context), MessageArg("key", key)]), "\(context): missing required key '\(key)' (a date YYYY-MM-DD)")
    }
    return day
  }

  func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(InputError) -> E? where E.RawValue == String {
    guard let text = try string(key) else { return nil }
    return try Self.parseEnum(text, type, at: value(key)!, file: file, what: "\(context).\(key)")
  }

  static func parseEnum<E: RawRepresentable & CaseIterable>(
    _ text: String, _ type: E.Type, at node: Node, file: String, what: String
  ) throws(InputError) -> E where E.RawValue == String {
    guard let parsed = E(rawValue: text) else {
      let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
      let phrase = Suggestion.phrase(text, in: E.allCases.map(\.rawValue))
      throw InputError(
        Message("yaml.unknown-value", [MessageArg("field", what), MessageArg("value", text), MessageArg("allowed", allowed)] + hint(text, in: E.allCases.map(\.rawValue))),
        english: "\(what): unknown value '\(text)'\(phrase) (expected one of: \(allowed))", at: location(node, file))
    }
    return parsed
  }

  /// A list of nodes; a single scalar is accepted as a one-item list.
  func list(_ key: String) throws(InputError) -> [Node]? {
    guard let value = value(key) else { return nil }
    if let items = value.items { return items }
    throw error(
      Message("yaml.expected-list", [MessageArg("field", field(key)), MessageArg("found", value.kindName)]),
      "\(context).\(key): expected a list, found a \(value.kindName)", at: value)
  }

  /// The nodes of a list of texts (a single scalar counts as a one-item list), for locating each item.
  func listNodes(_ key: String) -> [Node] {
    guard let value = value(key) else { return [] }
    return value.items ?? [value]
  }

  func stringList(_ key: String) throws(InputError) -> [String]? {
    guard let items = try list(key) else { return nil }
    var strings: [String] = []
    for item in items {
      guard case .scalar = item.value, let text = item.string else {
        throw error(Message("yaml.expected-text-list", [MessageArg("field", field(key))]), "\(context).\(key): expected a list of texts", at: item)
      }
      strings.append(text)
    }
    return strings
  }

  func enumList<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(InputError) -> [E]? where E.RawValue == String {
    guard let items = try list(key) else { return nil }
    var values: [E] = []
    for item in items {
      guard let text = item.string else { throw error(Message("yaml.expected-text-list", [MessageArg("field", field(key))]), "\(context).\(key): expected a list of texts", at: item) }
      values.append(try Self.parseEnum(text, type, at: item, file: file, what: "\(context).\(key)"))
    }
    return values
  }

  func mapping(_ key: String) throws(InputError) -> YAMLFields? {
    guard let value = value(key) else { return nil }
    // The file is already in the location: `policy.gate`, not `homolog.yaml.policy.gate`.
    let prefix = context.isEmpty || isRoot ? "" : context + "."
    return try YAMLFields(value, file: file, context: prefix + key)
  }
}
