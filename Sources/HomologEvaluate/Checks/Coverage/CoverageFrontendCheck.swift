import HomologModel

/// Front-end components reach the policy's line coverage (60 % by default).
public struct CoverageFrontendCheck: MeasuredCheck {
  public static let doc = CheckDoc(
    id: "coverage.frontend", title: "Front-end test coverage at the policy's minimum",
    rationale: "EXI-ORG-11: front-end tests guard against major regressions.", reads: [.coverage])

  public init() {}

  public func measure(_ evidence: EvidenceSet) -> CoverageMeasurement {
    ComponentCoverageEvaluation.measure(evidence, role: .frontend)
  }

  public func judge(_ measurement: CoverageMeasurement, policy: Policy) -> CheckResult {
    ComponentCoverageEvaluation.judge(measurement, minimum: policy.coverageMinimum(for: .frontend), check: self)
  }

  public static func stored(_ measurement: CoverageMeasurement) -> CheckMeasurement { .coverage(measurement) }

  public static func measurement(from stored: CheckMeasurement) -> CoverageMeasurement? {
    if case .coverage(let measurement) = stored, measurement.role == .frontend { return measurement }
    return nil
  }
}
