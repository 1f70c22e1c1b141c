/// The decision proposed to the homologation authority (avis), from the verdict, the score, open vulnerabilities and
/// derogations, under the policy's bands (`DecisionPolicy`). Codes and figures only: texts are localized when rendered.
public struct HomologationDecision: Codable, Hashable, Sendable {
  /// Favourable, favourable with reservations, or unfavourable.
  public var proposal: DecisionProposal
  /// Recommended validity in months (the score band, shortened by open vulnerabilities), before a derogation's expiry
  /// caps the end date (`validUntil`, the `derogation_expiry` reason); nil when défavorable.
  public var validityMonths: Int?
  /// Last day of validity, `YYYY-MM-DD`: as-of + months, never beyond the earliest expiry of a derogation in force;
  /// nil when défavorable.
  public var validUntil: String?
  /// What decided the proposal and the validity, in the order applied.
  public var reasons: [DecisionReason]
  /// The requirements that make the proposal défavorable: applicable Primordial ones not met without a derogation.
  public var blocking: [DecisionItem]
  /// The reservations: each derogation in force that is used, then each applicable Important requirement not met.
  public var reservations: [DecisionItem]
  /// The homologation authority named in homolog.yaml (`decision.authority`).
  public var authority: DecisionPerson?
  /// Who signs the decision (`decision.signatories`), in the order given.
  public var signatories: [DecisionPerson]
  /// The bands, vulnerability limits and action plan the decision was made under.
  public var policy: DecisionPolicy

  public init(
    proposal: DecisionProposal, validityMonths: Int?, validUntil: String?, reasons: [DecisionReason], blocking: [DecisionItem],
    reservations: [DecisionItem], authority: DecisionPerson?, signatories: [DecisionPerson], policy: DecisionPolicy = DecisionPolicy()
  ) {
    self.policy = policy
    self.proposal = proposal
    self.validityMonths = validityMonths
    self.validUntil = validUntil
    self.reasons = reasons
    self.blocking = blocking
    self.reservations = reservations
    self.authority = authority
    self.signatories = signatories
  }

  /// The derogation whose expiry ended the validity before its months (`derogation_expiry` reason), if any.
  public var cappingDerogation: String? {
    for case .derogationExpiry(let derogation, _) in reasons { return derogation }
    return nil
  }
}

/// The proposal put to the authority (avis d'homologation).
public enum DecisionProposal: String, Codable, Hashable, Sendable, CaseIterable {
  /// Avis favorable: nothing to reserve.
  case favorable
  /// Avis favorable avec réserves: derogations in force or Important requirements not met.
  case favorableWithReservations = "favorable_avec_reserves"
  /// Avis défavorable: the verdict is éliminatoire.
  case unfavorable = "defavorable"
}

/// One reason behind the proposal or its validity, with its figures. Encoded as an object with a `code`.
public enum DecisionReason: Hashable, Sendable {
  /// The verdict is éliminatoire: these Primordial requirements are not met without a valid derogation.
  case eliminatory(requirements: [String])
  /// The Important score (nil when no Important requirement applies) falls in the band starting at `minimum`.
  case scoreBand(score: Double?, minimum: Double, months: Int)
  /// Open critical vulnerabilities limit the validity to `months`.
  case criticalVulnerabilities(count: Int, months: Int)
  /// Open high vulnerabilities limit the validity to `months`.
  case highVulnerabilities(count: Int, months: Int)
  /// The validity ends when this derogation expires (the earliest in force).
  case derogationExpiry(derogation: String, expiresOn: String)

  /// The reason's code in JSON and in the translation keys (`homologation.reason.<code>`).
  public var code: String {
    switch self {
    case .eliminatory: "eliminatory"
    case .scoreBand: "score_band"
    case .criticalVulnerabilities: "critical_vulnerabilities"
    case .highVulnerabilities: "high_vulnerabilities"
    case .derogationExpiry: "derogation_expiry"
    }
  }
}

extension DecisionReason: Codable {
  private enum CodingKeys: String, CodingKey {
    case code, requirements, score, minimum, months, count, derogation, expiresOn
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let code = try container.decode(String.self, forKey: .code)
    switch code {
    case "eliminatory": self = .eliminatory(requirements: try container.decode([String].self, forKey: .requirements))
    case "score_band":
      self = .scoreBand(
        score: try container.decodeIfPresent(Double.self, forKey: .score), minimum: try container.decode(Double.self, forKey: .minimum),
        months: try container.decode(Int.self, forKey: .months))
    case "critical_vulnerabilities":
      self = .criticalVulnerabilities(count: try container.decode(Int.self, forKey: .count), months: try container.decode(Int.self, forKey: .months))
    case "high_vulnerabilities":
      self = .highVulnerabilities(count: try container.decode(Int.self, forKey: .count), months: try container.decode(Int.self, forKey: .months))
    case "derogation_expiry":
      self = .derogationExpiry(
        derogation: try container.decode(String.self, forKey: .derogation), expiresOn: try container.decode(String.self, forKey: .expiresOn))
    default:
      throw DecodingError.dataCorruptedError(forKey: .code, in: container, debugDescription: "unknown decision reason '\(code)'")
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(code, forKey: .code)
    switch self {
    case .eliminatory(let requirements): try container.encode(requirements, forKey: .requirements)
    case .scoreBand(let score, let minimum, let months):
      try container.encodeIfPresent(score, forKey: .score)
      try container.encode(minimum, forKey: .minimum)
      try container.encode(months, forKey: .months)
    case .criticalVulnerabilities(let count, let months), .highVulnerabilities(let count, let months):
      try container.encode(count, forKey: .count)
      try container.encode(months, forKey: .months)
    case .derogationExpiry(let derogation, let expiresOn):
      try container.encode(derogation, forKey: .derogation)
      try container.encode(expiresOn, forKey: .expiresOn)
    }
  }
}

/// What a reservation or blocking item is.
public enum DecisionItemKind: String, Codable, Hashable, Sendable, CaseIterable {
  /// A requirement not met, accepted by a derogation in force.
  case derogation
  /// An applicable requirement not met (non conforme or non évalué) without a derogation.
  case requirementNotMet = "requirement_not_met"
}

/// A requirement the decision reserves or is blocked by, with who owns the fix and by when, when known.
public struct DecisionItem: Codable, Hashable, Sendable {
  public var kind: DecisionItemKind
  public var requirement: String
  public var level: Level
  /// The requirement's status (derogation, non conforme, non évalué).
  public var status: RequirementStatus
  /// The derogation's id, for a derogation.
  public var derogation: String?
  /// The derogation's expiry, `YYYY-MM-DD`, for a derogation.
  public var expiresOn: String?
  /// Who answers for it: the derogation's `owner`, else the action plan's (`decision.actions`).
  public var owner: String?
  /// When it is due, `YYYY-MM-DD`: the action plan's date, else a derogation's expiry.
  public var due: String?

  public init(
    kind: DecisionItemKind, requirement: String, level: Level, status: RequirementStatus, derogation: String? = nil,
    expiresOn: String? = nil, owner: String? = nil, due: String? = nil
  ) {
    self.kind = kind
    self.requirement = requirement
    self.level = level
    self.status = status
    self.derogation = derogation
    self.expiresOn = expiresOn
    self.owner = owner
    self.due = due
  }
}

/// A person named in the decision: the authority or a signatory.
public struct DecisionPerson: Codable, Hashable, Sendable {
  public var name: String
  /// Their function (fonction), e.g. "Directeur du numérique".
  public var function: String?
  public init(name: String, function: String?) {
    self.name = name
    self.function = function
  }
}

extension Finding {
  /// A vulnerability no tool states as not applicable: what the residual risks and the decision count.
  public var isOpenVulnerability: Bool { kind == .vulnerability && suppression == nil }
}
