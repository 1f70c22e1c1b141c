import HomologModel

/// The SonarQube quality gate passed.
public struct SonarQualityGateCheck: Check {
  public static let doc = CheckDoc(
    id: "sonar.quality-gate", title: "SonarQube quality gate passed",
    rationale: """
      EXI-ORG-1 (constant quality maintained) and EXI-ORG-14 (measured quality may not decrease): an analysis passed \
      its quality gate. Fails on a gate in ERROR, naming its failed conditions. A `report-task.txt` alone names the \
      analysis but not its status: no evidence, with the Web API calls that fetch it (`api/ce/task?id=ceTaskId` gives \
      the analysisId, then `api/qualitygates/project_status?analysisId=…`, with a token).
      """,
    reads: [.qualityGate])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    let all = evidence.files.compactMap { file in file.qualityGate.map { ($0, file.id) } }
    let gates = all.filter { $0.0.status != .none }
    guard !gates.isEmpty else { return analysesOnly(all.filter { $0.0.analysis != nil }) }
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

  /// No status, but analyses named by `report-task.txt`: no evidence yet, and how to fetch each status from the
  /// Web API (the file holds none).
  private func analysesOnly(_ named: [(QualityGate, String)]) -> CheckResult {
    guard !named.isEmpty else { return result(.noEvidence) }
    var observations: [Observation] = []
    var summaryArgs: [MessageArg] = []
    for (gate, file) in named {
      guard let analysis = gate.analysis else { continue }
      let args = [
        MessageArg("project", analysis.projectKey), MessageArg("server", analysis.serverUrl ?? "$SONAR_HOST_URL"),
        MessageArg("task", analysis.ceTaskId ?? "<ceTaskId>"),
      ]
      if summaryArgs.isEmpty { summaryArgs = args }
      observations.append(Observation(Message("sonar.analysis", args), problem: false, evidence: file))
      observations.append(Observation(Message("sonar.fetch-gate", args), problem: false, evidence: file))
    }
    return result(.noEvidence, summaryArgs, reason: "analysis_only", observations: observations, evidence: named.map(\.1))
  }
}
