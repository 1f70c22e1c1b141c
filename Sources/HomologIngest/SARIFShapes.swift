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

  /// The first location's physical location; every location must be an object with an object there.
  private mutating func readLocations(_ locations: JSONValue) throws(JSONShapeError) {
    var first: JSONValue?
    try locations.forEach { location throws(JSONShapeError) in
      _ = try location.object("physicalLocation")
      if first == nil { first = location }
    }
    guard let physical = try first?.at("physicalLocation") else { return }
    do throws(JSONShapeError) {
      uri = try physical.string("artifactLocation", "uri")
      artifactIndex = try physical.int("artifactLocation", "index")
      startLine = try physical.int("region", "startLine")
      endLine = try physical.int("region", "endLine")
      snippet = try physical.string("region", "snippet", "text")
    } catch {
      throw error.prefixed(by: [0, "physicalLocation"])
    }
  }

  /// A string-to-string object as sorted `key=value` texts.
  private static func pairs(_ object: JSONValue) throws(JSONShapeError) -> [String]? {
    guard !object.isNull else { return nil }
    guard object.kind == .object else { throw JSONShapeError(path: [], expected: "an object", found: object.typeName) }
    var pairs: [(String, String)] = []
    for (name, member) in object.members {
      guard member.kind == .string, let text = member.scalarText else {
        throw JSONShapeError(path: [.key(name)], expected: "a string", found: member.typeName)
      }
      pairs.append((name, text))
    }
    return pairs.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }
  }
}
