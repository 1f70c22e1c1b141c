import HomologModel

/// Back-end components reach the policy's unit-test line coverage (100 % by default, EXI-ORG-10).
public struct CoverageBackendCheck: MeasuredCheck {
  public static let doc = CheckDoc(
    id: "coverage.backend", title: "Back-end unit-test coverage at the policy's minimum",
    rationale: "EXI-ORG-10: back-end unit tests cover 100 % of the code.", reads: [.coverage])

  public init() {}

  public func measure(_ evidence: EvidenceSet) -> CoverageMeasurement {
    ComponentCoverageEvaluation.measure(evidence, role: .backend)
  }

  public func judge(_ measurement: CoverageMeasurement, policy: Policy) -> CheckResult {
    ComponentCoverageEvaluation.judge(measurement, minimum: policy.coverageMinimum(for: .backend), check: self)
  }

  public static func stored(_ measurement: CoverageMeasurement) -> CheckMeasurement { .coverage(measurement) }

  public static func measurement(from stored: CheckMeasurement) -> CoverageMeasurement? {
    if case .coverage(let measurement) = stored, measurement.role == .backend { return measurement }
    return nil
  }
}
