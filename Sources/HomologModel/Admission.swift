/// What a platform admission rule does to an object that breaks it.
public enum AdmissionAction: String, Codable, Hashable, Sendable, CaseIterable {
  /// A Kyverno validate rule: AUDIT outside production, ENFORCE (refused) in production.
  case validate
  /// A Kyverno mutate rule: the platform rewrites the object, in every environment.
  case mutate
}

/// Where a platform rule stands for the project's manifests.
public enum AdmissionOutcome: String, Codable, Hashable, Sendable, CaseIterable {
  /// No object breaks it.
  case admitted
  /// Some object would be refused in production (reported, admitted, outside it).
  case refusedInProduction = "refused_in_production"
  /// Some object would be rewritten by the platform.
  case mutated
  /// Some object breaks a validate rule, but `homolog.yaml` declares no production environment: reported (AUDIT) only.
  case audited
  /// In production, for an entry: the project declares no production environment.
  case notDeployed = "not_deployed"
  /// No manifest concerned by the rule: nothing to predict.
  case noEvidence = "no_evidence"
}

/// One object that breaks a platform rule, and what the platform does with it.
public struct AdmissionEntry: Codable, Hashable, Sendable {
  public var message: Message
  public var text: String
  public var object: ObjectRef?
  public var evidence: String?
  public var location: SourceLocation?
  /// In production: refused (validate) or mutated.
  public var production: AdmissionOutcome
  /// Outside production (AUDIT): admitted and reported, or mutated.
  public var otherEnvironments: AdmissionOutcome

  /// `inProduction`: false when the project declares its environments and none is production.
  public init(observation: Observation, action: AdmissionAction, inProduction: Bool = true) {
    message = observation.message
    text = observation.text
    object = observation.object
    evidence = observation.evidence
    location = observation.location
    production = !inProduction ? .notDeployed : (action == .mutate ? .mutated : .refusedInProduction)
    otherEnvironments = action == .mutate ? .mutated : .admitted
  }
}

/// One of the platform's Kyverno rules, predicted from the manifests: platform admission, not a CCT verdict,
/// unless `requirement` names the CCT requirement whose text asks the same thing.
public struct AdmissionRule: Codable, Hashable, Sendable {
  /// The Kyverno policy's name (`check-labels`, `disallow-latest`…).
  public var policy: String
  /// The homolog check that predicts it.
  public var check: String
  public var action: AdmissionAction
  /// The CCT requirement whose text asks the same thing, when there is one.
  public var requirement: String?
  public var outcome: AdmissionOutcome
  public var entries: [AdmissionEntry]

  public init(
    policy: String, check: String, action: AdmissionAction, requirement: String?, outcome: AdmissionOutcome,
    entries: [AdmissionEntry]
  ) {
    self.policy = policy
    self.check = check
    self.action = action
    self.requirement = requirement
    self.outcome = outcome
    self.entries = entries
  }
}

/// The status of one result of a PolicyReport (wgpolicyk8s.io), as the cluster wrote it.
public enum PolicyResultStatus: String, Codable, Hashable, Sendable, CaseIterable {
  case pass, fail, warn, error, skip

  /// True for the statuses that are findings: a failed rule (`fail`, `warn` for an unscored policy) or an `error`.
  public var isFinding: Bool { self == .fail || self == .warn || self == .error }
}

/// One result of a PolicyReport or ClusterPolicyReport: what the cluster itself reported (Kyverno, kube-bench…).
public struct PolicyResult: Codable, Hashable, Sendable {
  public var policy: String
  /// The components whose manifests declare the result's object; set when reports are attributed.
  public var components: [String]?
  public var rule: String?
  public var status: PolicyResultStatus
  /// The object the result is about (the report's `scope` or the result's `resources`), when stated.
  public var object: ObjectRef?
  public var message: String?
  /// The engine that wrote it (`kyverno`, `KyvernoValidatingPolicy`…), when stated.
  public var source: String?
  /// Relative path of the report file; set by the evaluation when it gathers them.
  public var evidence: String?
  /// Where the result is in its file.
  public var location: SourceLocation?

  public init(
    policy: String, rule: String?, status: PolicyResultStatus, object: ObjectRef?, message: String?, source: String?,
    evidence: String? = nil, location: SourceLocation? = nil
  ) {
    self.policy = policy
    self.rule = rule
    self.status = status
    self.object = object
    self.message = message
    self.source = source
    self.evidence = evidence
    self.location = location
  }
}

/// How many results of one policy the cluster reported, per status.
public struct PolicyStatusCounts: Codable, Hashable, Sendable {
  public var pass = 0
  public var fail = 0
  public var warn = 0
  public var error = 0
  public var skip = 0

  public init() {}

  /// Counts one result.
  public mutating func add(_ status: PolicyResultStatus) {
    switch status {
    case .pass: pass += 1
    case .fail: fail += 1
    case .warn: warn += 1
    case .error: error += 1
    case .skip: skip += 1
    }
  }
}

/// What the cluster itself reported for one policy (PolicyReports read as evidence), beside homolog's prediction.
public struct ReportedPolicy: Codable, Hashable, Sendable {
  public var policy: String
  /// The homolog check that predicts the same platform rule, when the policy is one of the platform's rules.
  public var check: String?
  public var counts: PolicyStatusCounts
  /// The results that are findings (fail, warn, error), in reading order.
  public var results: [PolicyResult]

  public init(policy: String, check: String?, counts: PolicyStatusCounts, results: [PolicyResult]) {
    self.policy = policy
    self.check = check
    self.counts = counts
    self.results = results
  }
}
