import HomologModel

/// Front-end components reach the policy's line coverage (60 % by default).
public struct CoverageFrontendCheck: RoleCoverageCheck {
  public static let doc = CheckDoc(
    id: "coverage.frontend", title: "Front-end test coverage at the policy's minimum",
    rationale: "EXI-ORG-11: front-end tests guard against major regressions.", reads: [.coverage])

  static let role = ComponentRole.frontend

  public init() {}
}
