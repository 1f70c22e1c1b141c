import HomologParsing

// The parts of a SARIF 2.1.0 log homolog uses, read from values captured while streaming: one
// result, one artifact, the tool of a run. Types are checked as JSONDecoder checked them.

/// A rule of a tool component.
struct SARIFRule {
  var id: String?
  var name: String?
  var shortDescription: String?
  var defaultLevel: String?
  var securitySeverity: String?
  var tags: [String]

  init(_ value: JSONValue) throws(JSONShapeError) {
    id = try value.string("id")
    name = try value.string("name")
    shortDescription = try value.string("shortDescription", "text")
    defaultLevel = try value.string("defaultConfiguration", "level")
    securitySeverity = try SARIFRule.severityText(value)
    tags = try value.strings("properties", "tags") ?? []
  }

  /// `properties.security-severity` as text, a number written as JSONDecoder's `Int` or `Double` would print it.
  static func severityText(_ value: JSONValue) throws(JSONShapeError) -> String? {
    guard let raw = try value.at("properties", "security-severity") else { return nil }
    switch raw {
    case .string(let text): return text
    case .number(let text):
      if let integer = Int(text) { return String(integer) }
      return Double(text).map { String($0) } ?? text
    case .bool(let flag): return flag ? "true" : "false"
    default:
      throw JSONShapeError(path: ["properties", "security-severity"], expected: "a string or a number", found: raw.typeName)
    }
  }
}

/// A tool component: the driver or an extension.
struct SARIFComponent {
  var name: String
  var version: String?
  var semanticVersion: String?
  var rules: [SARIFRule]

  init(_ value: JSONValue) throws(JSONShapeError) {
    guard let name = try value.string("name") else {
      throw JSONShapeError(path: ["name"], expected: "the required key \"name\"", found: "nothing")
    }
    self.name = name
    version = try value.string("version")
    semanticVersion = try value.string("semanticVersion")
    var rules: [SARIFRule] = []
    try value.forEach("rules") { rule throws(JSONShapeError) in rules.append(try SARIFRule(rule)) }
    self.rules = rules
  }
}

/// `run.tool`: the driver and its extensions.
struct SARIFTool {
  var driver: SARIFComponent
  var extensions: [SARIFComponent]

  /// Keys of `tool` worth building.
  static let keys = JSONKeySet(["driver", "extensions"])

  init(_ value: JSONValue) throws(JSONShapeError) {
    guard let driver = try value.at("driver") else {
      throw JSONShapeError(path: ["driver"], expected: "the required key \"driver\"", found: "nothing")
    }
    do throws(JSONShapeError) {
      self.driver = try SARIFComponent(driver)
    } catch {
      throw error.prefixed(by: ["driver"])
    }
    var extensions: [SARIFComponent] = []
    try value.forEach("extensions") { component throws(JSONShapeError) in extensions.append(try SARIFComponent(component)) }
    self.extensions = extensions
  }

  /// The rule a result refers to: by `rule.toolComponent` + index, by `ruleIndex`, else by id.
  func rule(for result: SARIFResult) -> SARIFRule? {
    if let component = result.toolComponentIndex, let index = result.ruleReferenceIndex ?? result.ruleIndex,
      extensions.indices.contains(component)
    {
      let rules = extensions[component].rules
      return rules.indices.contains(index) ? rules[index] : nil
    }
    let rules = driver.rules
    if let index = result.ruleIndex ?? result.ruleReferenceIndex, rules.indices.contains(index) { return rules[index] }
    guard let id = result.ruleId ?? result.ruleReferenceId else { return nil }
    return rules.first { $0.id == id } ?? extensions.lazy.compactMap { $0.rules.first { $0.id == id } }.first
  }
}

/// A suppression of a result.
struct SARIFSuppression {
  var kind: String?
  var status: String?
  var justification: String?
}

/// One result, reduced to what a finding needs.
struct SARIFResult {
  var ruleId: String?
  var ruleIndex: Int?
  var ruleReferenceId: String?
  var ruleReferenceIndex: Int?
  var toolComponentIndex: Int?
  var kind: String?
  var level: String?
  var message: String?
  var uri: String?
  var artifactIndex: Int?
  var startLine: Int?
  var endLine: Int?
  var snippet: String?
  /// `fingerprints` if any, else `partialFingerprints`, as sorted `key=value` pairs (nil when both are absent or empty).
  var statedFingerprints: String?
  var securitySeverity: String?
  var tags: [String]
  var suppressions: [SARIFSuppression]

  /// Keys of a result worth building.
  static let keys = JSONKeySet([
    "ruleId", "ruleIndex", "rule", "kind", "level", "message", "locations", "partialFingerprints", "fingerprints",
    "properties", "suppressions",
  ])

  init(_ value: JSONValue) throws(JSONShapeError) {
    ruleId = try value.string("ruleId")
    ruleIndex = try value.int("ruleIndex")
    ruleReferenceId = try value.string("rule", "id")
    ruleReferenceIndex = try value.int("rule", "index")
    toolComponentIndex = try value.int("rule", "toolComponent", "index")
    kind = try value.string("kind")
    level = try value.string("level")
    message = try value.string("message", "text")
    var first: JSONValue?
    try value.forEach("locations") { location throws(JSONShapeError) in
      _ = try location.object("physicalLocation")
      if first == nil { first = location }
    }
    if let physical = try first?.at("physicalLocation") {
      do throws(JSONShapeError) {
        uri = try physical.string("artifactLocation", "uri")
        artifactIndex = try physical.int("artifactLocation", "index")
        startLine = try physical.int("region", "startLine")
        endLine = try physical.int("region", "endLine")
        snippet = try physical.string("region", "snippet", "text")
      } catch {
        throw error.prefixed(by: ["locations", 0, "physicalLocation"])
      }
    }
    let complete = try SARIFResult.pairs(value, "fingerprints")
    let partial = try SARIFResult.pairs(value, "partialFingerprints")
    statedFingerprints = [complete, partial].compactMap { $0 }.first { !$0.isEmpty }?.joined(separator: ",")
    securitySeverity = try SARIFRule.severityText(value)
    tags = try value.strings("properties", "tags") ?? []
    var suppressions: [SARIFSuppression] = []
    try value.forEach("suppressions") { suppression throws(JSONShapeError) in
      suppressions.append(
        SARIFSuppression(
          kind: try suppression.string("kind"), status: try suppression.string("status"),
          justification: try suppression.string("justification")))
    }
    self.suppressions = suppressions
  }

  /// A string-to-string object as sorted `key=value` texts.
  private static func pairs(_ value: JSONValue, _ key: String) throws(JSONShapeError) -> [String]? {
    guard let object = try value.object(.key(key)) else { return nil }
    var pairs: [(String, String)] = []
    for (name, member) in object.members {
      guard case .string(let text) = member else {
        throw JSONShapeError(path: [.key(key), .key(name)], expected: "a string", found: member.typeName)
      }
      pairs.append((name, text))
    }
    return pairs.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }
  }
}
