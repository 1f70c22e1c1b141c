import HomologModel

/// Observations listing findings, most severe first, capped so a dossier stays readable.
enum FindingObservations {
  static func list(_ findings: [(Finding, String)], key: String, limit: Int = 25) -> [Observation] {
    let ordered = findings.sorted { a, b in
      a.0.severity != b.0.severity ? a.0.severity > b.0.severity : (a.0.ruleId, a.0.fingerprint) < (b.0.ruleId, b.0.fingerprint)
    }
    var observations = ordered.prefix(limit).map { finding, file in
      Observation(
        Message(key, [MessageArg("rule", finding.ruleId), MessageArg("title", finding.title), MessageArg("tool", finding.tool)]),
        problem: true, severity: finding.severity, evidence: file,
        location: finding.location?.path.map { SourceLocation(file: $0, line: finding.location?.line) })
    }
    if ordered.count > limit {
      observations.append(Observation(Message("findings.more", [MessageArg("count", "\(ordered.count - limit)")]), problem: true))
    }
    return observations
  }
}
