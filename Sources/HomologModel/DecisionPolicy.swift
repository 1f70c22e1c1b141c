/// How the proposed decision is made, from homolog.yaml's `decision:` section (defaults in `docs/decision.md`).
/// The dossier records it in `decision.policy` (bands, limits, action plan; the authority and signatories are the
/// decision's own fields), so a dossier judged again reproduces its decision.
public struct DecisionPolicy: Codable, Hashable, Sendable {
  /// Validity bands on the Important score, highest minimum first; the last starts at 0.
  public var validity: [ValidityBand]
  /// Validity at most this many months while a critical vulnerability is open (default 6).
  public var criticalVulnerabilityMonths: Int
  /// Validity at most this many months while a high vulnerability is open (default 12).
  public var highVulnerabilityMonths: Int
  /// The homologation authority, when named.
  public var authority: DecisionPerson?
  /// Who signs, in order.
  public var signatories: [DecisionPerson]
  /// The action plan: who fixes which requirement, by when.
  public var actions: [PlannedAction]

  /// The default bands: 3 years from 90, 2 years from 75, 1 year from 50, else 6 months.
  public static let defaultValidity = [
    ValidityBand(minScore: 90, months: 36), ValidityBand(minScore: 75, months: 24),
    ValidityBand(minScore: 50, months: 12), ValidityBand(minScore: 0, months: 6),
  ]

  public init(
    validity: [ValidityBand] = DecisionPolicy.defaultValidity, criticalVulnerabilityMonths: Int = 6, highVulnerabilityMonths: Int = 12,
    authority: DecisionPerson? = nil, signatories: [DecisionPerson] = [], actions: [PlannedAction] = []
  ) {
    self.validity = validity
    self.criticalVulnerabilityMonths = criticalVulnerabilityMonths
    self.highVulnerabilityMonths = highVulnerabilityMonths
    self.authority = authority
    self.signatories = signatories
    self.actions = actions
  }

  private enum CodingKeys: String, CodingKey {
    case validity, criticalVulnerabilityMonths, highVulnerabilityMonths, actions
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      validity: try container.decode([ValidityBand].self, forKey: .validity),
      criticalVulnerabilityMonths: try container.decode(Int.self, forKey: .criticalVulnerabilityMonths),
      highVulnerabilityMonths: try container.decode(Int.self, forKey: .highVulnerabilityMonths),
      actions: try container.decode([PlannedAction].self, forKey: .actions))
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(validity, forKey: .validity)
    try container.encode(criticalVulnerabilityMonths, forKey: .criticalVulnerabilityMonths)
    try container.encode(highVulnerabilityMonths, forKey: .highVulnerabilityMonths)
    try container.encode(actions, forKey: .actions)
  }

  /// The band a score falls in (the lowest band when there is no score).
  public func band(for score: Double?) -> ValidityBand? {
    guard let score else { return validity.last }
    return validity.first { score >= $0.minScore } ?? validity.last
  }
}

/// From this Important score up, this many months of validity.
public struct ValidityBand: Codable, Hashable, Sendable {
  public var minScore: Double
  public var months: Int
  public init(minScore: Double, months: Int) {
    self.minScore = minScore
    self.months = months
  }
}

/// One line of the action plan: a requirement, who fixes it and by when.
public struct PlannedAction: Codable, Hashable, Sendable {
  public var requirement: String
  public var owner: String
  public var due: Day?
  /// 1-based line in homolog.yaml (0 when not from a file, or read back from a dossier).
  public var line: Int = 0
  private enum CodingKeys: String, CodingKey {
    case requirement, owner, due
  }

  public init(requirement: String, owner: String, due: Day?, line: Int = 0) {
    self.requirement = requirement
    self.owner = owner
    self.due = due
    self.line = line
  }
}
