import HomologModel

/// No failed or errored test in the JUnit reports.
public struct TestsPassingCheck: Check {
  public static let doc = CheckDoc(
    id: "tests.passing", title: "Every automated test passes",
    rationale: "EXI-ORG-7: the pipeline runs automatic functional checks; a red test blocks delivery.", reads: [.tests])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    let reports = evidence.files.compactMap { file in file.tests.map { ($0, file.id) } }
    guard !reports.isEmpty else { return result(.noEvidence) }
    var total = 0
    var broken = 0
    var observations: [Observation] = []
    for (report, file) in reports {
      total += report.total
      broken += report.failed + report.errored
      for failure in report.failures.prefix(25) {
        observations.append(
          Observation(
            Message(
              failure.outcome == .errored ? "tests.errored" : "tests.failed",
              [MessageArg("suite", failure.suite), MessageArg("name", failure.name), MessageArg("message", failure.message ?? "")]),
            problem: true, evidence: file))
      }
    }
    let args = [MessageArg("total", "\(total)"), MessageArg("broken", "\(broken)")]
    // Reports that ran no test prove nothing.
    guard total > 0 else { return result(.noEvidence, args, reason: "no_test", evidence: reports.map(\.1)) }
    return result(broken == 0 ? .pass : .fail, args, observations: observations, evidence: reports.map(\.1))
  }
}
