import HomologModel

/// No static-analysis finding at or above the policy's blocking severity (SARIF, SonarQube issues).
public struct SastNoBlockingCheck: Check {
  public static let doc = CheckDoc(
    id: "sast.no-blocking", title: "No static-analysis finding at or above the blocking severity",
    rationale: "EXI-ORG-7 and EXI-ORG-1: the pipeline checks code quality and security before production.",
    reads: [.findings], judges: [.codeIssue])

  public init() {}

  /// A file is static-analysis evidence when it is SARIF or SonarQube output, or holds code findings.
  static func isStaticAnalysis(_ file: EvidenceFile) -> Bool {
    let format = file.provenance.format.rawValue
    return format.hasPrefix("sarif") || format.hasPrefix("sonar") || file.findings.contains { $0.kind == .codeIssue }
  }

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    let files = evidence.files.filter(Self.isStaticAnalysis)
    guard !files.isEmpty else { return result(.noEvidence) }
    let threshold = evidence.policy.sastBlockingSeverity
    var blocking: [(Finding, String)] = []
    var total = 0
    for file in files {
      for finding in file.findings where finding.kind == .codeIssue && finding.suppression == nil {
        total += 1
        if finding.severity >= threshold { blocking.append((finding, file.id)) }
      }
    }
    let observations = FindingObservations.list(blocking, key: "sast.finding")
    let args = [MessageArg("count", "\(blocking.count)"), MessageArg("total", "\(total)"), MessageArg("severity", threshold.rawValue)]
    return result(blocking.isEmpty ? .pass : .fail, args, observations: observations, evidence: files.map(\.id))
  }
}
