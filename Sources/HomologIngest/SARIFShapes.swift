import HomologModel
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
  /// The severity `securitySeverity` decides, found once per rule rather than once per result.
  var decidedSeverity: Severity?
  var tags: [String]

  init(_ value: JSONValue) throws(JSONShapeError) {
    id = try value.string("id")
    name = try value.string("name")
    shortDescription = try value.string("shortDescription", "text")
    defaultLevel = try value.string("defaultConfiguration", "level")
    securitySeverity = try SARIFRule.severityText(value)
    decidedSeverity = securitySeverity.flatMap(SARIFRule.severity(decidedBy:))
    tags = try value.strings("properties", "tags") ?? []
  }

  /// The severity a `security-severity` text decides: a CVSS-like score, or a severity word; nil otherwise.
  static func severity(decidedBy text: String) -> Severity? {
    guard !text.isEmpty else { return nil }
    if let score = Double(text) { return CVSS.severity(score: score) }
    if Severity.allCases.map(\.rawValue).contains(text.lowercased()) { return .normalizing(text) }
    return nil
  }

  /// `properties.security-severity` as text, a number written as JSONDecoder's `Int` or `Double` would print it.
  static func severityText(_ value: JSONValue) throws(JSONShapeError) -> String? {
    guard let raw = try value.at("properties", "security-severity") else { return nil }
    switch raw.kind {
    case .number:
      let text = raw.scalarText ?? ""
      if let integer = Int(text) { return String(integer) }
      return Double(text).map { String($0) } ?? text
    case .string, .bool: return try raw.asText()
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
    guard let name = try value.string("name") else { throw JSONShapeError.missing("name") }
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
    guard let driver = try value.at("driver") else { throw JSONShapeError.missing("driver") }
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
  /// Keys of a result its kind and severity depend on: what counting builds.
  static let countedKeys = JSONKeySet(["ruleId", "ruleIndex", "rule", "kind", "level", "properties"])

  init(_ value: JSONValue) throws(JSONShapeError) {
    tags = []
    suppressions = []
    var complete: [String]?
    var partial: [String]?
    // One pass over the members, keys compared as bytes (the hot path of large logs).
    try value.forEachMember { (key, member) throws(JSONShapeError) in
      do throws(JSONShapeError) {
        if JSONKeySet.equal(key, "ruleId") {
          ruleId = try member.asString()
        } else if JSONKeySet.equal(key, "ruleIndex") {
          ruleIndex = try member.asInt()
        } else if JSONKeySet.equal(key, "level") {
          level = try member.asString()
        } else if JSONKeySet.equal(key, "kind") {
          kind = try member.asString()
        } else if JSONKeySet.equal(key, "message") {
          message = try member.string("text")
        } else if JSONKeySet.equal(key, "locations") {
          try readLocations(member)
        } else if JSONKeySet.equal(key, "partialFingerprints") {
          partial = try SARIFResult.pairs(member)
        } else if JSONKeySet.equal(key, "fingerprints") {
          complete = try SARIFResult.pairs(member)
        } else if JSONKeySet.equal(key, "rule") {
          ruleReferenceId = try member.string("id")
          ruleReferenceIndex = try member.int("index")
          toolComponentIndex = try member.int("toolComponent", "index")
        } else if JSONKeySet.equal(key, "properties") {
          tags = try member.strings("tags") ?? []
        } else if JSONKeySet.equal(key, "suppressions") {
          try member.forEach { suppression throws(JSONShapeError) in
            suppressions.append(
              SARIFSuppression(
                kind: try suppression.string("kind"), status: try suppression.string("status"),
                justification: try suppression.string("justification")))
          }
        }
      } catch {
        throw error.prefixed(by: [.key(String(decoding: key, as: UTF8.self))])
      }
    }
    securitySeverity = try SARIFRule.severityText(value)
    statedFingerprints = [complete, partial].compactMap { $0 }.first { !$0.isEmpty }?.joined(separator: ",")
  }

  /// The first location's physical location; every location must be an object, its `physicalLocation` too.
  private mutating func readLocations(_ locations: JSONValue) throws(JSONShapeError) {
    guard locations.kind == .array else { throw JSONShapeError(path: [], expected: "an array", found: locations.typeName) }
    var first: JSONValue?
    try locations.forEachElement { (position, location) throws(JSONShapeError) in
      guard location.kind == .object else {
        throw JSONShapeError(path: [.index(position)], expected: "an object", found: location.typeName)
      }
      if let physical = location.member("physicalLocation"), !physical.isNull, physical.kind != .object {
        throw JSONShapeError(path: [.index(position), "physicalLocation"], expected: "an object", found: physical.typeName)
      }
      if position == 0 { first = location.member("physicalLocation") }
    }
    guard let physical = first, physical.kind == .object else { return }
    do throws(JSONShapeError) {
      if let artifact = try physical.object("artifactLocation") {
        uri = try artifact.field("uri") { v throws(JSONShapeError) in try v.asString() }
        artifactIndex = try artifact.field("index") { v throws(JSONShapeError) in try v.asInt() }
      }
    } catch {
      throw error.prefixed(by: [0, "physicalLocation", "artifactLocation"])
    }
    do throws(JSONShapeError) {
      if let region = try physical.object("region") {
        startLine = try region.field("startLine") { v throws(JSONShapeError) in try v.asInt() }
        endLine = try region.field("endLine") { v throws(JSONShapeError) in try v.asInt() }
        snippet = try region.field("snippet") { v throws(JSONShapeError) in try v.string("text") }
      }
    } catch {
      throw error.prefixed(by: [0, "physicalLocation", "region"])
    }
  }

  /// A string-to-string object as `key=value` texts sorted by key.
  private static func pairs(_ object: JSONValue) throws(JSONShapeError) -> [String]? {
    guard !object.isNull else { return nil }
    guard object.kind == .object else { throw JSONShapeError(path: [], expected: "an object", found: object.typeName) }
    var pairs: [(key: String, text: String)] = []
    try object.forEachMember { (key, member) throws(JSONShapeError) in
      guard member.kind == .string, let text = member.scalarText else {
        throw JSONShapeError(path: [.key(String(decoding: key, as: UTF8.self))], expected: "a string", found: member.typeName)
      }
      pairs.append((String(decoding: key, as: UTF8.self), text))
    }
    if pairs.count > 1 { pairs.sort { $0.key < $1.key } }
    return pairs.map { $0.key + "=" + $0.text }
  }
}
