import Foundation
import HomologModel

/// Line coverage of each component of one role, and its judgement against the policy's minimum for that role.
enum ComponentCoverageEvaluation {
  /// Each component of the role with its summed line counts (nil when it has no coverage report).
  static func measure(_ evidence: EvidenceSet, role: ComponentRole) -> CoverageMeasurement {
    CoverageMeasurement(
      role: role,
      components: evidence.components(role).map { component in
        let reports = evidence.files(of: component).compactMap { file in file.coverage.map { (file.id, $0.lines) } }
        let lines = reports.isEmpty ? nil : reports.reduce(CoverageCounter()) { $0 + $1.1 }
        return CoverageMeasurement.Component(name: component.name, lines: lines, files: reports.map(\.0))
      })
  }

  /// pass when every component reaches the minimum, fail when one does not, no evidence when one has no report.
  static func judge(_ measurement: CoverageMeasurement, minimum: Double?, check: some Check) -> CheckResult {
    guard !measurement.components.isEmpty else { return check.result(.noEvidence, reason: "no_component") }
    guard let minimum else { return check.result(.noEvidence, reason: "no_threshold") }
    var observations: [Observation] = []
    var failed = false
    var missing = false
    for entry in measurement.components {
      let name = MessageArg("component", entry.name)
      let min = MessageArg.number("min", minimum, decimals: NumberFormatting.givenDecimals)
      guard let lines = entry.lines, let percent = lines.percent else {
        missing = true
        observations.append(Observation(Message("coverage.missing", [name]), problem: true))
        continue
      }
      let below = percent < minimum
      failed = failed || below
      observations.append(
        Observation(
          Message(
            below ? "coverage.below" : "coverage.reached",
            [name, MessageArg.number("percent", percent), min, MessageArg("covered", "\(lines.covered)"), MessageArg("total", "\(lines.total)")]),
          problem: below, evidence: entry.files.first))
    }
    let outcome: CheckOutcome = failed ? .fail : (missing ? .noEvidence : .pass)
    return check.result(
      outcome, [MessageArg.number("min", minimum, decimals: NumberFormatting.givenDecimals)], observations: observations,
      evidence: measurement.components.flatMap(\.files))
  }
}
