import HomologModel

/// Non-regression against a baseline dossier ("la qualité du code ne peut être décroissante", EXI-ORG-14).
///
/// The current dossier's policy decides. A regression is any of:
/// - a new finding (fingerprint absent from the baseline, not suppressed) at or above `policy.regressionSeverity`;
/// - a component's line coverage down by more than `policy.coverageTolerance` points, or no longer measured: judged on
///   the exact covered / total ratios, never on the printed one-decimal figures (81.89 → 81.80 is a 0.09-point drop);
/// - the Important score (derogations counted as met) down;
/// - a requirement from met (conforme, dérogation) to not met (non conforme, non évalué).
public enum RegressionAnalysis {
  /// New findings listed one by one in the reasons; the rest are counted in one more reason.
  public static let listedFindings = 20

  /// The changes from `baseline` to `current` and the reasons they count as a regression.
  public static func compare(baseline: Dossier, current: Dossier) -> Regression {
    let policy = current.policy
    let before = Set(baseline.findings.filter { $0.suppression == nil }.map(\.fingerprint))
    let after = Set(current.findings.filter { $0.suppression == nil }.map(\.fingerprint))
    let newFindings = current.findings.filter { $0.suppression == nil && !before.contains($0.fingerprint) }
    let fixedFindings = baseline.findings.filter { $0.suppression == nil && !after.contains($0.fingerprint) }
    let coverage = coverageChanges(baseline: baseline, current: current)
    let statusChanges = statusChanges(baseline: baseline, current: current)
    let baselineDerogations = Dictionary(baseline.derogations.map { ($0.id, $0.state) }, uniquingKeysWith: { first, _ in first })
    let added = current.derogations.map(\.id).filter { baselineDerogations[$0] == nil }
    let expired = current.derogations.filter { $0.state == .expired && baselineDerogations[$0.id] != .expired }.map(\.id)

    var reasons: [Message] = []
    let blocking = newFindings.filter { $0.severity >= policy.regressionSeverity }
    for finding in blocking.prefix(listedFindings) {
      reasons.append(
        Message(
          "regression.new-finding",
          [
            MessageArg("severity", finding.severity.rawValue), MessageArg("rule", finding.ruleId),
            MessageArg("tool", finding.tool), MessageArg("title", finding.title),
          ]))
    }
    if blocking.count > listedFindings {
      reasons.append(
        Message(
          "regression.new-findings-more",
          [.number("count", Double(blocking.count - listedFindings), decimals: 0), MessageArg("severity", policy.regressionSeverity.rawValue)]))
    }
    for change in coverage {
      guard let old = change.before else { continue }
      guard let new = change.after else {
        reasons.append(Message("regression.coverage-missing", [MessageArg("component", change.component), .number("before", old)]))
        continue
      }
      if let drop = change.pointsDown, drop > policy.coverageTolerance + 1e-9 {
        reasons.append(
          Message(
            "regression.coverage-down",
            [
              MessageArg("component", change.component), .number("before", old), .number("after", new),
              .number("tolerance", policy.coverageTolerance, decimals: NumberFormatting.givenDecimals),
            ]))
      }
    }
    if let old = baseline.score.important, let new = current.score.important, new < old {
      reasons.append(Message("regression.score-down", [.number("before", old), .number("after", new)]))
    }
    for change in statusChanges where change.before.isMetWithDerogations && change.after.isNotMet {
      reasons.append(
        Message(
          "regression.requirement-lost",
          [
            MessageArg("requirement", change.requirement), MessageArg("before", change.before.rawValue),
            MessageArg("after", change.after.rawValue),
          ]))
    }
    return Regression(
      baselineAsOf: baseline.asOf, newFindings: newFindings, fixedFindings: fixedFindings, coverageChanges: coverage,
      scoreBefore: baseline.score.important, scoreAfter: current.score.important, statusChanges: statusChanges,
      derogationsAdded: added, derogationsExpired: expired, reasons: reasons)
  }

  /// Coverage of every component measured in either dossier: current components first, then removed ones.
  static func coverageChanges(baseline: Dossier, current: Dossier) -> [CoverageChange] {
    var names = current.coverage.map(\.component)
    for entry in baseline.coverage where !names.contains(entry.component) { names.append(entry.component) }
    return names.compactMap { name in
      let old = baseline.coverage.first { $0.component == name }
      let new = current.coverage.first { $0.component == name }
      let before = old.flatMap { NumberFormatting.percent($0.lines.covered, of: $0.lines.total) }
      let after = new.flatMap { NumberFormatting.percent($0.lines.covered, of: $0.lines.total) }
      guard before != nil || after != nil else { return nil }
      return CoverageChange(
        component: name, before: before, after: after, linesBefore: before == nil ? nil : old?.lines,
        linesAfter: after == nil ? nil : new?.lines)
    }
  }

  /// Requirements in both dossiers whose status differs, in the current dossier's order.
  static func statusChanges(baseline: Dossier, current: Dossier) -> [StatusChange] {
    let old = Dictionary(baseline.requirements.map { ($0.id, $0.status) }, uniquingKeysWith: { first, _ in first })
    return current.requirements.compactMap { requirement in
      guard let before = old[requirement.id], before != requirement.status else { return nil }
      return StatusChange(requirement: requirement.id, before: before, after: requirement.status)
    }
  }
}
