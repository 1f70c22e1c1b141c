/// Where one part of a requirement stands.
public enum PartStatus: String, Codable, Hashable, Sendable, CaseIterable {
  /// Its checks pass and/or a valid attestation covers it, as the catalogue asks.
  case proven
  /// One of its checks failed: a failing fact.
  case failed
  /// Its proof is missing (no evidence, no valid attestation).
  case missing
}

/// The judgement of one part of a requirement's text.
public struct PartResult: Codable, Hashable, Sendable {
  public var id: String
  /// The part of the statement, quoted.
  public var text: String
  public var proof: ProofMode
  public var checks: [String]
  public var note: String?
  public var status: PartStatus
  /// What proved it (`checks`, `attestation`, `both`), `none` when it is not proven.
  public var basis: StatusBasis
  /// For a failed part, the failing checks; for a missing one, what would prove it.
  public var reasons: [Message]
  /// The reasons in the dossier's language, filled when the dossier is localized.
  public var reasonTexts: [String]

  public init(
    id: String, text: String, proof: ProofMode, checks: [String], note: String?, status: PartStatus, basis: StatusBasis,
    reasons: [Message]
  ) {
    self.id = id
    self.text = text
    self.proof = proof
    self.checks = checks
    self.note = note
    self.status = status
    self.basis = basis
    self.reasons = reasons
    self.reasonTexts = []
  }
}
