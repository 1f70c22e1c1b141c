/// The conditions under which a requirement applies; every condition set must hold.
public struct Applicability: Codable, Hashable, Sendable {
  public var exposure: [Exposure]?
  public var dataSensitivity: [DataSensitivity]?
  public var personalData: Bool?
  public var hosting: [Hosting]?
  public var procurement: Bool?
  public var roles: [ComponentRole]?

  public init(
    exposure: [Exposure]? = nil, dataSensitivity: [DataSensitivity]? = nil, personalData: Bool? = nil,
    hosting: [Hosting]? = nil, procurement: Bool? = nil, roles: [ComponentRole]? = nil
  ) {
    self.exposure = exposure
    self.dataSensitivity = dataSensitivity
    self.personalData = personalData
    self.hosting = hosting
    self.procurement = procurement
    self.roles = roles
  }

  /// True when no condition is set.
  public var isAlways: Bool { self == Applicability() }

  /// Whether the requirement applies in this context: a condition on a fact `homolog.yaml` does not state makes it
  /// undecided (non évalué), never non applicable.
  public func decide(in context: ProjectContext) -> ApplicabilityDecision {
    var unstated: [String] = []
    var unmet: [Message] = []
    func judge<Value: RawRepresentable>(_ key: String, _ expected: [Value]?, _ actual: Value?, _ message: String)
    where Value.RawValue == String, Value: Equatable {
      guard let expected else { return }
      guard let actual else { return unstated.append(key) }
      if !expected.contains(actual) {
        unmet.append(Message(message, [MessageArg("expected", expected.map(\.rawValue).joined(separator: ", ")), MessageArg("actual", actual.rawValue)]))
      }
    }
    judge("exposure", exposure, context.exposure, "applicability.exposure")
    judge("data_sensitivity", dataSensitivity, context.dataSensitivity, "applicability.data-sensitivity")
    if let personalData {
      if let actual = context.personalData {
        if actual != personalData { unmet.append(Message(personalData ? "applicability.personal-data" : "applicability.no-personal-data")) }
      } else {
        unstated.append("personal_data")
      }
    }
    judge("hosting", hosting, context.hosting, "applicability.hosting")
    if let procurement {
      if let actual = context.procurement {
        if actual != procurement { unmet.append(Message(procurement ? "applicability.procurement" : "applicability.no-procurement")) }
      } else {
        unstated.append("procurement")
      }
    }
    if let roles {
      if let actual = context.roles {
        if !roles.contains(where: actual.contains) {
          unmet.append(Message("applicability.roles", [MessageArg("expected", roles.map(\.rawValue).joined(separator: ", "))]))
        }
      } else {
        unstated.append("components")
      }
    }
    if let reason = unmet.first { return .notApplicable(reason) }
    if !unstated.isEmpty { return .unstated(unstated) }
    return .applies
  }
}

/// Whether a requirement applies, decided from the stated context only.
public enum ApplicabilityDecision: Hashable, Sendable {
  case applies
  /// A stated fact puts it out of scope (the message says which).
  case notApplicable(Message)
  /// A condition bears on facts `homolog.yaml` does not state (their keys): undecided.
  case unstated([String])
}

/// How one part of a requirement's text can be proven.
public enum ProofMode: String, Codable, Hashable, Sendable, CaseIterable {
  /// Every listed check passes.
  case checks
  /// A valid attestation of the team.
  case attestation
  /// Every listed check passes and a valid attestation covers the rest.
  case both
  /// Every listed check passes or, when they conclude nothing, a valid attestation.
  case either

  /// True when a check is part of the proof.
  public var usesChecks: Bool { self != .attestation }
  /// True when an attestation can be (part of) the proof.
  public var acceptsAttestation: Bool { self != .checks }
}

/// A part of a requirement's text (quoted) and how it is proven.
public struct RequirementPart: Codable, Hashable, Sendable {
  /// Short id, unique within the requirement.
  public var id: String
  /// The part of the statement it judges, quoted verbatim.
  public var text: String
  public var proof: ProofMode
  /// Checks that judge this part (empty for an attestation part).
  public var checks: [String]
  /// Why these checks prove this sentence: the CCT sentence cited and the platform fact relied on.
  public var note: String?

  public init(id: String, text: String, proof: ProofMode, checks: [String] = [], note: String? = nil) {
    self.id = id
    self.text = text
    self.proof = proof
    self.checks = checks
    self.note = note
  }
}

/// One requirement of a catalogue.
public struct Requirement: Codable, Hashable, Sendable {
  /// Unique id in the catalogue.
  public var id: String
  /// The id as the source document writes it (may repeat across entries).
  public var sourceId: String
  public var level: Level
  public var category: String
  public var title: String
  public var statement: String
  public var weight: Double
  public var appliesWhen: Applicability
  /// The parts of the text and how each is proven: the requirement is met only when every part is.
  public var parts: [RequirementPart]
  public var note: String?
  /// 1-based line of the entry in the catalogue file.
  public var line: Int

  /// Ids of the built-in checks that judge some part of it, in order, without repeats.
  public var checks: [String] {
    var seen = Set<String>()
    return parts.flatMap(\.checks).filter { seen.insert($0).inserted }
  }

  /// Whether a team attestation may prove some part of it.
  public var attestable: Bool { parts.contains { $0.proof.acceptsAttestation } }

  public init(
    id: String, sourceId: String, level: Level, category: String, title: String, statement: String, weight: Double = 1,
    appliesWhen: Applicability = Applicability(), parts: [RequirementPart], note: String? = nil, line: Int = 0
  ) {
    self.id = id
    self.sourceId = sourceId
    self.level = level
    self.category = category
    self.title = title
    self.statement = statement
    self.weight = weight
    self.appliesWhen = appliesWhen
    self.parts = parts
    self.note = note
    self.line = line
  }

  /// A requirement in the catalogue's short form: one part, the whole statement, proven by `checks`, by an attestation
  /// when `attestable`, or either way when both are given.
  public init(
    id: String, sourceId: String, level: Level, category: String, title: String, statement: String, weight: Double = 1,
    appliesWhen: Applicability = Applicability(), checks: [String] = [], attestable: Bool = false, note: String? = nil,
    line: Int = 0
  ) {
    let proof: ProofMode = checks.isEmpty ? .attestation : (attestable ? .either : .checks)
    let parts = checks.isEmpty && !attestable ? [] : [RequirementPart(id: "all", text: statement, proof: proof, checks: checks)]
    self.init(
      id: id, sourceId: sourceId, level: level, category: category, title: title, statement: statement, weight: weight,
      appliesWhen: appliesWhen, parts: parts, note: note, line: line)
  }
}

/// A requirements catalogue (the CCT by default).
public struct Catalogue: Codable, Hashable, Sendable {
  public var id: String
  public var title: String
  public var version: String
  public var source: String?
  public var requirements: [Requirement]
  /// SHA-256 of the catalogue file, so a dossier names exactly what it was judged against.
  public var sha256: String

  public init(id: String, title: String, version: String, source: String?, requirements: [Requirement], sha256: String) {
    self.id = id
    self.title = title
    self.version = version
    self.source = source
    self.requirements = requirements
    self.sha256 = sha256
  }

  /// The requirement with this id.
  public func requirement(_ id: String) -> Requirement? { requirements.first { $0.id == id } }
}
