import Foundation
import HomologModel

/// Line coverage of each component of one role against the policy's minimum for that role.
struct ComponentCoverageEvaluation {
  /// The figures of one component, or nil coverage when it has no coverage report.
  struct Entry {
    var component: ComponentEvidence
    var lines: CoverageCounter?
    var files: [String]
  }

  var entries: [Entry]

  init(_ evidence: EvidenceSet, role: ComponentRole) {
    entries = evidence.components(role).map { component in
      let reports = evidence.files(of: component).filter { $0.coverage != nil }
      let lines = reports.isEmpty ? nil : reports.reduce(CoverageCounter()) { $0 + $1.coverage!.lines }
      return Entry(component: component, lines: lines, files: reports.map(\.id))
    }
  }

  /// pass when every component reaches the minimum, fail when one does not, no evidence when one has no report.
  func result(of check: some Check, minimum: Double?) -> CheckResult {
    guard !entries.isEmpty else { return check.result(.noEvidence, reason: "no_component") }
    guard let minimum else { return check.result(.noEvidence, reason: "no_threshold") }
    var observations: [Observation] = []
    var failed = false
    var missing = false
    for entry in entries {
      let name = MessageArg("component", entry.component.name)
      let min = MessageArg("min", Percent.text(minimum))
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
            [name, MessageArg("percent", Percent.text(percent)), min, MessageArg("covered", "\(lines.covered)"), MessageArg("total", "\(lines.total)")]),
          problem: below, evidence: entry.files.first))
    }
    let outcome: CheckOutcome = failed ? .fail : (missing ? .noEvidence : .pass)
    return check.result(
      outcome, [MessageArg("min", Percent.text(minimum))], observations: observations, evidence: entries.flatMap(\.files))
  }
}

/// Percent formatting shared by checks: one decimal, never rounded up to a threshold it does not reach.
enum Percent {
  /// `99.94` → "99.9", `100` → "100".
  static func text(_ value: Double) -> String {
    let truncated = (value * 10).rounded(.down) / 10
    if truncated == truncated.rounded() { return String(Int(truncated)) }
    return String(format: "%.1f", truncated)
  }
}
