import HomologModel

/// Observations listing findings, most severe first, capped so a dossier stays readable.
enum FindingObservations {
  /// How many findings a list shows before "and N more".
  static let limit = 25

  /// Findings in listing order: most severe first, then by rule id and fingerprint.
  static func ordered(_ findings: [(Finding, String)]) -> [MeasuredFinding] {
    findings.sorted { a, b in
      a.0.severity != b.0.severity ? a.0.severity > b.0.severity : (a.0.ruleId, a.0.fingerprint) < (b.0.ruleId, b.0.fingerprint)
    }.map { finding, file in
      MeasuredFinding(
        ruleId: finding.ruleId, severity: finding.severity, title: finding.title, tool: finding.tool, evidence: file,
        location: finding.location?.path.map { SourceLocation(file: $0, line: finding.location?.line) })
    }
  }

  static func list(_ findings: [(Finding, String)], key: String) -> [Observation] {
    list(ordered: ordered(findings), total: findings.count, key: key)
  }

  /// The first `limit` of findings already in listing order, then "and N more" up to `total`.
  static func list(ordered: [MeasuredFinding], total: Int, key: String) -> [Observation] {
    var observations = ordered.prefix(limit).map { finding in
      Observation(
        Message(key, [MessageArg("rule", finding.ruleId), MessageArg("title", finding.title ?? ""), MessageArg("tool", finding.tool ?? "")]),
        problem: true, severity: finding.severity, evidence: finding.evidence, location: finding.location)
    }
    if total > limit {
      observations.append(Observation(Message("findings.more", [MessageArg("count", "\(total - limit)")]), problem: true))
    }
    return observations
  }
}
