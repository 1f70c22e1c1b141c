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

  /// The conditions that do not hold in this context, as messages (empty when the requirement applies).
  public func unmet(in context: ProjectContext) -> [Message] {
    var unmet: [Message] = []
    if let exposure, !exposure.contains(context.exposure) {
      unmet.append(Message("applicability.exposure", [MessageArg("expected", exposure.map(\.rawValue).joined(separator: ", ")), MessageArg("actual", context.exposure.rawValue)]))
    }
    if let dataSensitivity, !dataSensitivity.contains(context.dataSensitivity) {
      unmet.append(Message("applicability.data-sensitivity", [MessageArg("expected", dataSensitivity.map(\.rawValue).joined(separator: ", ")), MessageArg("actual", context.dataSensitivity.rawValue)]))
    }
    if let personalData, personalData != context.personalData {
      unmet.append(Message(personalData ? "applicability.personal-data" : "applicability.no-personal-data"))
    }
    if let hosting, !hosting.contains(context.hosting) {
      unmet.append(Message("applicability.hosting", [MessageArg("expected", hosting.map(\.rawValue).joined(separator: ", ")), MessageArg("actual", context.hosting.rawValue)]))
    }
    if let procurement, procurement != context.procurement {
      unmet.append(Message(procurement ? "applicability.procurement" : "applicability.no-procurement"))
    }
    if let roles, !roles.contains(where: context.roles.contains) {
      unmet.append(Message("applicability.roles", [MessageArg("expected", roles.map(\.rawValue).joined(separator: ", "))]))
    }
    return unmet
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
  /// Ids of the built-in checks that can prove or disprove it.
  public var checks: [String]
  /// Whether a team attestation may prove it when no check concludes.
  public var attestable: Bool
  public var note: String?
  /// 1-based line of the entry in the catalogue file.
  public var line: Int

  public init(
    id: String, sourceId: String, level: Level, category: String, title: String, statement: String, weight: Double = 1,
    appliesWhen: Applicability = Applicability(), checks: [String] = [], attestable: Bool = false, note: String? = nil,
    line: Int = 0
  ) {
    self.id = id
    self.sourceId = sourceId
    self.level = level
    self.category = category
    self.title = title
    self.statement = statement
    self.weight = weight
    self.appliesWhen = appliesWhen
    self.checks = checks
    self.attestable = attestable
    self.note = note
    self.line = line
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
