import HomologModel

/// The SonarQube quality gate passed.
public struct SonarQualityGateCheck: Check {
  public static let doc = CheckDoc(
    id: "sonar.quality-gate", title: "SonarQube quality gate passed",
    rationale: "EXI-ORG-7 and EXI-ORG-14: code quality is measured and may not decrease.", reads: [.qualityGate])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    let gates = evidence.files.compactMap { file in file.qualityGate.map { ($0, file.id) } }.filter { $0.0.status != .none }
    guard !gates.isEmpty else { return result(.noEvidence) }
    var observations: [Observation] = []
    for (gate, file) in gates {
      let project = MessageArg("project", gate.project ?? "")
      observations.append(Observation(Message("sonar.gate", [project, MessageArg("status", gate.status.rawValue)]), problem: gate.status == .error, evidence: file))
      for condition in gate.conditions where condition.status == .error {
        observations.append(
          Observation(
            Message(
              "sonar.condition",
              [MessageArg("metric", condition.metric), MessageArg("actual", condition.actual ?? ""), MessageArg("threshold", condition.threshold ?? "")]),
            problem: true, evidence: file))
      }
    }
    let failed = gates.contains { $0.0.status == .error }
    return result(failed ? .fail : .pass, observations: observations, evidence: gates.map(\.1))
  }
}
