/// A requirement's status in the dossier.
public enum RequirementStatus: String, Codable, Hashable, Sendable, CaseIterable {
  /// Its checks pass, or a valid attestation proves it.
  case conforme
  /// Its evidence shows it is not met.
  case nonConforme = "non_conforme"
  /// Not met, but covered by a valid derogation.
  case derogation
  /// Out of scope, from a fact the project's context states.
  case nonApplicable = "non_applicable"
  /// No evidence either way: counts as not met, shown apart.
  case nonEvalue = "non_evalue"

  /// Met for scoring when derogations count as met.
  public var isMetWithDerogations: Bool { self == .conforme || self == .derogation }

  /// Not met: non conforme or non évalué (what eliminates at Primordial level and fails a report).
  public var isNotMet: Bool { self == .nonConforme || self == .nonEvalue }
}

/// The overall verdict.
public enum VerdictStatus: String, Codable, Hashable, Sendable, CaseIterable {
  /// An applicable Primordial requirement is not met without a valid derogation.
  case eliminatoire
  /// Every applicable Primordial requirement is met, some through derogations.
  case conformeAvecDerogations = "conforme_avec_derogations"
  /// Every applicable Primordial requirement is met.
  case conforme
}

/// What decided a requirement's status.
public enum StatusBasis: String, Codable, Hashable, Sendable, CaseIterable {
  /// Checks only.
  case checks
  /// An attestation only.
  case attestation
  /// Checks and an attestation (parts proven each way, or a part asking both).
  case both
  /// The stated context (non applicable).
  case context
  case none
}
