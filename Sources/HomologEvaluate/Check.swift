import HomologModel

/// What kind of evidence a check reads (documentation and `homolog checks`).
public enum EvidenceKind: String, Codable, Sendable, CaseIterable {
  case vulnerabilities, findings, coverage, tests, qualityGate = "quality_gate", images, api, kubernetes
}

/// A check's documentation: stable id, one-line title, why it exists, what it reads.
public struct CheckDoc: Sendable {
  /// Stable id, `family.kebab-name`.
  public var id: String
  /// One line, English (the dossier's localized titles, and `homolog checks`' `check.ID.title`, come from the translation
  /// tables; CheckTextsTests keeps the English table equal to this text and its rationale).
  public var title: String
  public var rationale: String
  public var reads: [EvidenceKind]
  /// The kinds of findings it judges: a finding of such a kind in a file it read is tagged with its requirements.
  public var judges: [FindingKind]
  public init(id: String, title: String, rationale: String, reads: [EvidenceKind], judges: [FindingKind] = []) {
    self.id = id
    self.title = title
    self.rationale = rationale
    self.reads = reads
    self.judges = judges
  }
}

/// A built-in check: reads normalized evidence only and concludes pass / fail / no evidence (never non applicable).
/// Checks carry no level or severity: the catalogue decides what a failure weighs.
public protocol Check: Sendable {
  static var doc: CheckDoc { get }
  func evaluate(_ evidence: EvidenceSet) -> CheckResult
}

extension Check {
  /// The check's id.
  public var id: String { Self.doc.id }

  /// A result with the check's id and its summary keyed `<id>.<outcome>`, or `<id>.<reason>` when a reason is given
  /// (e.g. why there is no evidence: `no_component`, `nothing_to_judge`).
  public func result(
    _ outcome: CheckOutcome, _ args: [MessageArg] = [], reason: String? = nil, observations: [Observation] = [],
    evidence: [String] = []
  ) -> CheckResult {
    CheckResult(
      id: Self.doc.id, outcome: outcome, summary: Message("\(Self.doc.id).\(reason ?? outcome.rawValue)", args),
      observations: observations, evidence: evidence)
  }
}
