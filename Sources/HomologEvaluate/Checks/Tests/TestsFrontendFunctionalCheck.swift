import HomologModel

/// Every front-end component has test reports with at least one test, all passing.
public struct TestsFrontendFunctionalCheck: Check {
  public static let doc = CheckDoc(
    id: "tests.frontend-functional", title: "Front-end functional test reports present and passing",
    rationale: "EXI-ORG-11: front-end functional tests cover the main usage sequences (login, frequent business acts).",
    reads: [.tests])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    let frontends = evidence.components(.frontend)
    guard !frontends.isEmpty else { return result(.noEvidence, reason: "no_component") }
    var observations: [Observation] = []
    var failed = false
    var missing = false
    var used: [String] = []
    for component in frontends {
      let reports = evidence.files(of: component).filter { $0.tests != nil }
      used += reports.map(\.id)
      let total = reports.reduce(0) { $0 + $1.tests!.total }
      let broken = reports.reduce(0) { $0 + $1.tests!.failed + $1.tests!.errored }
      let name = MessageArg("component", component.name)
      if total == 0 {
        missing = true
        observations.append(Observation(Message("tests.frontend-missing", [name]), problem: true))
      } else {
        failed = failed || broken > 0
        observations.append(
          Observation(
            Message("tests.frontend-report", [name, MessageArg("total", "\(total)"), MessageArg("broken", "\(broken)")]),
            problem: broken > 0, evidence: reports.first?.id))
      }
    }
    return result(failed ? .fail : (missing ? .noEvidence : .pass), observations: observations, evidence: used)
  }
}
