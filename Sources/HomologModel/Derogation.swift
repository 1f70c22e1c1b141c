/// An approved derogation: a requirement not met, accepted until a date, with compensating measures.
public struct Derogation: Sendable, Hashable {
  public var id: String
  public var requirement: String
  public var justification: String
  public var compensatingMeasures: [String]
  public var approvedBy: String
  public var approvedOn: Day
  public var expiresOn: Day
  public var scope: String?
  /// Who answers for the requirement while the derogation runs (optional `owner`).
  public var owner: String?
  /// 1-based line in derogations.yaml.
  public var line: Int

  public init(
    id: String, requirement: String, justification: String, compensatingMeasures: [String], approvedBy: String,
    approvedOn: Day, expiresOn: Day, scope: String?, owner: String? = nil, line: Int
  ) {
    self.owner = owner
    self.id = id
    self.requirement = requirement
    self.justification = justification
    self.compensatingMeasures = compensatingMeasures
    self.approvedBy = approvedBy
    self.approvedOn = approvedOn
    self.expiresOn = expiresOn
    self.scope = scope
    self.line = line
  }
}
