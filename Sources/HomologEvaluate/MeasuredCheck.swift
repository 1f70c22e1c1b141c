import HomologModel

/// A check whose conclusion depends on the policy: it measures the evidence (no threshold involved), then judges
/// the measurement against the policy. `evaluate` is measure-then-judge and keeps the measurement in the result,
/// so `Rejudgement` judges a dossier again under another policy with the same code.
public protocol MeasuredCheck: Check {
  associatedtype Measurement
  /// What the evidence holds, before any threshold.
  func measure(_ evidence: EvidenceSet) -> Measurement
  /// The conclusion on a measurement under a policy.
  func judge(_ measurement: Measurement, policy: Policy) -> CheckResult
  /// The measurement as the dossier stores it.
  static func stored(_ measurement: Measurement) -> CheckMeasurement
  /// The stored measurement back, when it is of this check's kind.
  static func measurement(from stored: CheckMeasurement) -> Measurement?
}

extension MeasuredCheck {
  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    judged(measure(evidence), policy: evidence.policy)
  }

  /// The judgement with the measurement it was made on.
  func judged(_ measurement: Measurement, policy: Policy) -> CheckResult {
    var result = judge(measurement, policy: policy)
    result.measurement = Self.stored(measurement)
    return result
  }

  /// This check's result judged again under `policy` from the measurement it carries; nil when it carries none.
  public func rejudge(_ result: CheckResult, policy: Policy) -> CheckResult? {
    guard let stored = result.measurement, let measurement = Self.measurement(from: stored) else { return nil }
    return judged(measurement, policy: policy)
  }
}

/// A check of vulnerabilities against the policy's limits per severity: only which files it measures differs.
protocol VulnerabilityLimitCheck: MeasuredCheck where Measurement == FindingMeasurement {}

extension VulnerabilityLimitCheck {
  public func judge(_ measurement: FindingMeasurement, policy: Policy) -> CheckResult {
    VulnerabilityTally.judge(measurement, limits: policy.vulnerabilities, check: self)
  }

  public static func stored(_ measurement: FindingMeasurement) -> CheckMeasurement { .vulnerabilities(measurement) }

  public static func measurement(from stored: CheckMeasurement) -> FindingMeasurement? {
    if case .vulnerabilities(let measurement) = stored { return measurement }
    return nil
  }
}

/// A check of the line coverage of the components of one role against the policy's minimum for that role.
protocol RoleCoverageCheck: MeasuredCheck where Measurement == CoverageMeasurement {
  /// The role whose components it judges.
  static var role: ComponentRole { get }
}

extension RoleCoverageCheck {
  public func measure(_ evidence: EvidenceSet) -> CoverageMeasurement {
    ComponentCoverageEvaluation.measure(evidence, role: Self.role)
  }

  public func judge(_ measurement: CoverageMeasurement, policy: Policy) -> CheckResult {
    ComponentCoverageEvaluation.judge(measurement, minimum: policy.coverageMinimum(for: Self.role), check: self)
  }

  public static func stored(_ measurement: CoverageMeasurement) -> CheckMeasurement { .coverage(measurement) }

  public static func measurement(from stored: CheckMeasurement) -> CoverageMeasurement? {
    if case .coverage(let measurement) = stored, measurement.role == role { return measurement }
    return nil
  }
}
