/// What a check concluded. A check that finds nothing to judge concludes `noEvidence`: absence of evidence is
/// never a verdict, and non applicable comes only from the stated context (the catalogue's `applies_when`).
public enum CheckOutcome: String, Codable, Hashable, Sendable, CaseIterable {
  case pass
  case fail
  case noEvidence = "no_evidence"

  /// Decodes an outcome; `not_applicable`, written by dossiers before version 2, reads as no evidence.
  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    if text == "not_applicable" {
      self = .noEvidence
      return
    }
    guard let outcome = CheckOutcome(rawValue: text) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "unknown check outcome '\(text)'"))
    }
    self = outcome
  }
}

/// The Kubernetes object an observation is about.
public struct ObjectRef: Codable, Hashable, Sendable {
  public var kind: String
  public var namespace: String?
  public var name: String
  public var container: String?
  /// The `# Source:` template of rendered Helm output.
  public var helmSource: String?
  public init(kind: String, namespace: String?, name: String, container: String? = nil, helmSource: String? = nil) {
    self.kind = kind
    self.namespace = namespace
    self.name = name
    self.container = container
    self.helmSource = helmSource
  }
}

/// One fact a check observed, pointing at evidence.
public struct Observation: Codable, Hashable, Sendable {
  public var message: Message
  /// The message in the dossier's language, filled when the dossier is localized.
  public var text: String
  /// True when this observation is a problem (it made the check fail).
  public var problem: Bool
  public var severity: Severity?
  /// Relative path of the evidence file it comes from.
  public var evidence: String?
  public var location: SourceLocation?
  public var object: ObjectRef?
  /// For platform rules: true when the platform's Kyverno policy blocks it in production (ENFORCE).
  public var enforced: Bool?

  public init(
    _ message: Message, problem: Bool, severity: Severity? = nil, evidence: String? = nil,
    location: SourceLocation? = nil, object: ObjectRef? = nil, enforced: Bool? = nil
  ) {
    self.message = message
    self.text = ""
    self.problem = problem
    self.severity = severity
    self.evidence = evidence
    self.location = location
    self.object = object
    self.enforced = enforced
  }
}

/// The result of one check.
public struct CheckResult: Codable, Hashable, Sendable {
  public var id: String
  public var outcome: CheckOutcome
  /// One-line summary of the result.
  public var summary: Message
  public var summaryText: String
  public var observations: [Observation]
  /// Relative paths of the evidence files the check read.
  public var evidence: [String]
  /// For a policy-sensitive check, what it measured before applying the policy (to judge it again under another).
  public var measurement: CheckMeasurement?

  public init(id: String, outcome: CheckOutcome, summary: Message, observations: [Observation] = [], evidence: [String] = []) {
    self.id = id
    self.outcome = outcome
    self.summary = summary
    self.summaryText = ""
    self.observations = observations
    self.evidence = evidence
  }
}
