import Foundation
import HomologModel
import HomologParsing

/// Loads and validates a requirements catalogue (YAML), reporting every problem with file:line.
public enum CatalogueLoader {
  /// Keys a requirement entry may have.
  static let requirementKeys: Set<String> = [
    "id", "source_id", "level", "category", "title", "statement", "weight", "applies_when", "parts", "checks", "attestation",
    "note",
  ]

  /// Keys a part of a requirement may have.
  static let partKeys: Set<String> = ["id", "text", "proof", "checks", "note"]

  /// Parses a catalogue; `problems` lists every validation error (an empty list means valid).
  /// Throws only when the file is not YAML at all or has no usable structure.
  public static func load(_ data: Data, file: String, knownChecks: Set<String>) throws(InputError) -> (Catalogue, [InputError]) {
    let root = try YAMLParser().parseDocument(data, file: file)
    // The top mapping is named by the file's name, as homolog.yaml's is (`cct.yaml: unknown key …`).
    let name = file.split(separator: "/").last.map(String.init) ?? file
    let top = try YAMLFields(root, file: file, context: name, isRoot: true)
    try top.rejectUnknown(["catalogue", "requirements"])
    guard let header = try top.mapping("catalogue") else {
      throw top.error(Message("yaml.missing-key", [MessageArg("context", name), MessageArg("key", "catalogue")]), "missing required key 'catalogue'")
    }
    try header.rejectUnknown(["id", "title", "version", "source"])
    guard let entries = try top.list("requirements") else {
      throw top.error(Message("yaml.missing-key", [MessageArg("context", name), MessageArg("key", "requirements")]), "missing required key 'requirements'")
    }

    var problems: [InputError] = []
    var requirements: [Requirement] = []
    var firstLine: [String: Int] = [:]
    for (index, entry) in entries.enumerated() {
      do throws(InputError) {
        let requirement = try parseRequirement(entry, index: index, file: file, knownChecks: knownChecks)
        if let previous = firstLine[requirement.id] {
          problems.append(
            InputError(
              Message(
                "catalogue-yaml.duplicate-requirement",
                [MessageArg("id", requirement.id), MessageArg("first", "\(previous)"), MessageArg("second", "\(requirement.line)")]),
              english: "duplicate requirement id \(requirement.id) (lines \(previous) and \(requirement.line))",
              at: SourceLocation(file: file, line: requirement.line)))
        } else {
          firstLine[requirement.id] = requirement.line
        }
        requirements.append(requirement)
      } catch {
        problems.append(error)
      }
    }
    if entries.isEmpty { problems.append(top.error(Message("catalogue-yaml.empty"), "the catalogue has no requirement")) }
    let catalogue = Catalogue(
      id: try header.requiredString("id"), title: try header.requiredString("title"),
      version: try header.requiredString("version"), source: try header.string("source"), requirements: requirements,
      sha256: SHA256Hasher.hex(of: data))
    return (catalogue, problems)
  }

  /// Loads a catalogue and fails on the first validation problem.
  public static func loadValid(_ data: Data, file: String, knownChecks: Set<String>) throws(InputError) -> Catalogue {
    let (catalogue, problems) = try load(data, file: file, knownChecks: knownChecks)
    if let first = problems.first { throw first }
    return catalogue
  }

  private static func parseRequirement(_ node: Node, index: Int, file: String, knownChecks: Set<String>) throws(InputError) -> Requirement {
    let fields = try YAMLFields(node, file: file, context: "requirements[\(index)]")
    try fields.rejectUnknown(requirementKeys)
    let id = try fields.requiredString("id")
    let named = try YAMLFields(node, file: file, context: id)
    guard let levelText = try named.string("level") else { throw named.error(Message("catalogue-yaml.missing-level", [MessageArg("id", id)]), "\(id): missing required key 'level' (P or I)") }
    guard let level = Level(rawValue: levelText) else {
      throw named.error(
        Message("catalogue-yaml.unknown-level", [MessageArg("id", id), MessageArg("value", levelText)]), "\(id): unknown level '\(levelText)' (expected P or I)",
        at: node["level"])
    }
    let weight = try named.double("weight") ?? 1
    guard weight > 0 else { throw named.error(Message("catalogue-yaml.weight", [MessageArg("id", id)]), "\(id): weight must be positive", at: node["weight"]) }
    var applicability = Applicability()
    if let conditions = try named.mapping("applies_when") {
      try conditions.rejectUnknown(["exposure", "data_sensitivity", "personal_data", "hosting", "procurement", "roles"])
      applicability = Applicability(
        exposure: try conditions.enumList("exposure", Exposure.self),
        dataSensitivity: try conditions.enumList("data_sensitivity", DataSensitivity.self),
        personalData: try conditions.bool("personal_data"), hosting: try conditions.enumList("hosting", Hosting.self),
        procurement: try conditions.bool("procurement"), roles: try conditions.enumList("roles", ComponentRole.self))
    }
    let statement = try named.requiredString("statement")
    let parts: [RequirementPart]
    if let partNodes = try named.list("parts") {
      if node["checks"] != nil || node["attestation"] != nil {
        throw named.error(
          Message("catalogue-yaml.parts-and-checks", [MessageArg("id", id)]), "\(id): 'parts' replaces 'checks' and 'attestation': give one form only",
          at: node["parts"])
      }
      guard !partNodes.isEmpty else {
        throw named.error(
          Message("catalogue-yaml.parts-empty", [MessageArg("id", id)]),
          "\(id): 'parts' is empty: the requirement could never be proven (give at least one part)", at: node["parts"])
      }
      parts = try parseParts(partNodes, of: id, statement: statement, file: file, knownChecks: knownChecks)
    } else {
      let checks = try named.stringList("checks") ?? []
      for (position, check) in checks.enumerated() where !knownChecks.contains(check) {
        throw named.error(
          Message("catalogue-yaml.unknown-check", [MessageArg("field", id), MessageArg("check", check)]), "\(id): unknown check id '\(check)'",
          at: node["checks"]?.items?[position])
      }
      let whole = Requirement(
        id: id, sourceId: id, level: level, category: "", title: "", statement: statement, checks: checks,
        attestable: try named.bool("attestation") ?? false)
      parts = whole.parts
    }
    return Requirement(
      id: id, sourceId: try named.string("source_id") ?? id, level: level, category: try named.requiredString("category"),
      title: try named.requiredString("title"), statement: statement, weight: weight, appliesWhen: applicability,
      parts: parts, note: try named.string("note"), line: node.line)
  }

  /// The parts of a requirement: unique ids, a valid proof, checks exactly when the proof uses them, known check ids,
  /// and a text quoted from the statement (spaces and line breaks aside).
  private static func parseParts(
    _ nodes: [Node], of id: String, statement: String, file: String, knownChecks: Set<String>
  ) throws(InputError) -> [RequirementPart] {
    var parts: [RequirementPart] = []
    let flatStatement = collapsed(statement)
    for (index, node) in nodes.enumerated() {
      let fields = try YAMLFields(node, file: file, context: "\(id).parts[\(index)]")
      try fields.rejectUnknown(partKeys)
      let partID = try fields.requiredString("id")
      guard !parts.contains(where: { $0.id == partID }) else {
        throw fields.error(
          Message("catalogue-yaml.duplicate-part", [MessageArg("field", "\(id).parts[\(index)]"), MessageArg("part", partID)]),
          "\(id).parts[\(index)]: duplicate part id '\(partID)'", at: node["id"])
      }
      let text = try fields.requiredString("text")
      guard flatStatement.contains(collapsed(text)) else {
        throw fields.error(
          Message("catalogue-yaml.part-not-quoted", [MessageArg("field", "\(id).parts[\(index)]")]), "\(id).parts[\(index)]: text is not quoted from the statement",
          at: node["text"])
      }
      guard let proofText = try fields.string("proof") else {
        throw fields.error(
          Message("catalogue-yaml.missing-proof", [MessageArg("field", "\(id).parts[\(index)]")]),
          "\(id).parts[\(index)]: missing required key 'proof' (checks, attestation, both or either)")
      }
      guard let proof = ProofMode(rawValue: proofText) else {
        throw fields.error(
          Message("catalogue-yaml.unknown-proof", [MessageArg("field", "\(id).parts[\(index)]"), MessageArg("value", proofText)]),
          "\(id).parts[\(index)]: unknown proof '\(proofText)' (expected checks, attestation, both or either)", at: node["proof"])
      }
      let checks = try fields.stringList("checks") ?? []
      for (position, check) in checks.enumerated() where !knownChecks.contains(check) {
        throw fields.error(
          Message("catalogue-yaml.unknown-check", [MessageArg("field", "\(id).parts[\(index)]"), MessageArg("check", check)]),
          "\(id).parts[\(index)]: unknown check id '\(check)'", at: node["checks"]?.items?[position])
      }
      if proof.usesChecks && checks.isEmpty {
        throw fields.error(
          Message("catalogue-yaml.proof-needs-check", [MessageArg("field", "\(id).parts[\(index)]"), MessageArg("value", proofText)]),
          "\(id).parts[\(index)]: proof '\(proofText)' needs at least one check", at: node["proof"])
      }
      if !proof.usesChecks && !checks.isEmpty {
        throw fields.error(
          Message("catalogue-yaml.attestation-no-checks", [MessageArg("field", "\(id).parts[\(index)]")]), "\(id).parts[\(index)]: proof 'attestation' takes no checks",
          at: node["checks"])
      }
      parts.append(RequirementPart(id: partID, text: text, proof: proof, checks: checks, note: try fields.string("note")))
    }
    return parts
  }

  /// Text with every run of white space made one space, for comparing quotes with the statement.
  public static func collapsed(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
