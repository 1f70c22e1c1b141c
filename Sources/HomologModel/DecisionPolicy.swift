/// How the proposed decision is made, from homolog.yaml's `decision:` section (defaults in `docs/decision.md`).
public struct DecisionPolicy: Hashable, Sendable {
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
    ValidityBand(minimumScore: 90, months: 36), ValidityBand(minimumScore: 75, months: 24),
    ValidityBand(minimumScore: 50, months: 12), ValidityBand(minimumScore: 0, months: 6),
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

  /// The band a score falls in (the lowest band when there is no score).
  public func band(for score: Double?) -> ValidityBand? {
    guard let score else { return validity.last }
    return validity.first { score >= $0.minimumScore } ?? validity.last
  }
}

/// From this Important score up, this many months of validity.
public struct ValidityBand: Hashable, Sendable {
  public var minimumScore: Double
  public var months: Int
  public init(minimumScore: Double, months: Int) {
    self.minimumScore = minimumScore
    self.months = months
  }
}

/// One line of the action plan: a requirement, who fixes it and by when.
public struct PlannedAction: Hashable, Sendable {
  public var requirement: String
  public var owner: String
  public var due: Day?
  /// 1-based line in homolog.yaml (0 when not from a file).
  public var line: Int
  public init(requirement: String, owner: String, due: Day?, line: Int = 0) {
    self.requirement = requirement
    self.owner = owner
    self.due = due
    self.line = line
  }
}
