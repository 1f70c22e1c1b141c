import HomologModel

/// Back-end components reach the policy's unit-test line coverage (100 % by default, EXI-ORG-10).
public struct CoverageBackendCheck: RoleCoverageCheck {
  public static let doc = CheckDoc(
    id: "coverage.backend", title: "Back-end unit-test coverage at the policy's minimum",
    rationale: "EXI-ORG-10: back-end unit tests cover 100 % of the code.", reads: [.coverage])

  static let role = ComponentRole.backend

  public init() {}
}
