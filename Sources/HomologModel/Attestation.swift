/// A team's signed statement that a requirement is met, with the files that support it.
public struct Attestation: Sendable, Hashable {
  public var requirement: String
  public var statement: String
  public var author: String
  public var date: Day
  public var evidence: [AttestedFile]
  public var links: [String]
  /// Ids of the requirement's parts it covers; nil covers every part the catalogue lets an attestation prove.
  public var parts: [String]?
  /// 1-based line in attestations.yaml.
  public var line: Int

  public init(
    requirement: String, statement: String, author: String, date: Day, evidence: [AttestedFile], links: [String],
    parts: [String]? = nil, line: Int
  ) {
    self.requirement = requirement
    self.parts = parts
    self.statement = statement
    self.author = author
    self.date = date
    self.evidence = evidence
    self.links = links
    self.line = line
  }
}

