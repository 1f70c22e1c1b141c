import HomologModel

/// Everything one evaluation needs, already loaded and validated.
public struct EvaluationInput: Sendable {
  public var generator: ToolInfo
  public var catalogue: Catalogue
  public var project: ProjectSummary
  public var evidence: EvidenceSet
  public var ignored: [IgnoredFile]
  public var unreadable: [IgnoredFile]
  public var attestations: [Attestation]
  public var derogations: [Derogation]
  public var asOf: Day
  public var lang: String
  /// Gate rules in force (shown in the dossier).
  public var gate: [String]
  /// How the proposed decision is made, with its authority, signatories and action plan (homolog.yaml's `decision`).
  public var decision: DecisionPolicy
  /// Declarations left out because their requirement id is not in the catalogue (recorded in the dossier).
  public var staleDeclarations: [StaleDeclaration] = []

  public init(
    generator: ToolInfo, catalogue: Catalogue, project: ProjectSummary, evidence: EvidenceSet, ignored: [IgnoredFile] = [],
    unreadable: [IgnoredFile] = [], attestations: [Attestation] = [], derogations: [Derogation] = [], asOf: Day,
    lang: String, gate: [String] = ["eliminatory"], decision: DecisionPolicy = DecisionPolicy()
  ) {
    self.decision = decision
    self.generator = generator
    self.catalogue = catalogue
    self.project = project
    self.evidence = evidence
    self.ignored = ignored
    self.unreadable = unreadable
    self.attestations = attestations
    self.derogations = derogations
    self.asOf = asOf
    self.lang = lang
    self.gate = gate
  }
}
