import HomologModel

/// No static-analysis finding at or above the policy's blocking severity (SARIF, SonarQube issues).
public struct SastNoBlockingCheck: MeasuredCheck {
  public static let doc = CheckDoc(
    id: "sast.no-blocking", title: "No static-analysis finding at or above the blocking severity",
    rationale: "EXI-ORG-7 and EXI-ORG-1: the pipeline checks code quality and security before production.",
    reads: [.findings], judges: [.codeIssue])

  public init() {}

  /// A file is static-analysis evidence when its tool analysed source code (a SonarQube gate status alone is not).
  static func isStaticAnalysis(_ file: EvidenceFile) -> Bool {
    file.scans.contains(.codeAnalysis)
  }

  /// Open code findings per severity, and the first of each severity in listing order.
  public func measure(_ evidence: EvidenceSet) -> FindingMeasurement {
    let files = evidence.files.filter(Self.isStaticAnalysis)
    var counts = SeverityCounts()
    var findings: [(Finding, String)] = []
    for file in files {
      for finding in file.findings where finding.kind == .codeIssue && finding.suppression == nil {
        counts.add(finding.severity)
        findings.append((finding, file.id))
      }
    }
    var kept = SeverityCounts()
    var listed: [MeasuredFinding] = []
    for finding in FindingObservations.ordered(findings) where kept[finding.severity] < FindingObservations.limit {
      kept.add(finding.severity)
      listed.append(finding)
    }
    return FindingMeasurement(
      files: files.map(\.id), counts: counts, listed: listed, scanFailures: ScanFailures.of(evidence, .codeAnalysis))
  }

  /// Fails when a finding is at or above the policy's blocking severity.
  public func judge(_ measurement: FindingMeasurement, policy: Policy) -> CheckResult {
    let failed = ScanFailures.observations(measurement.scanFailures)
    guard !measurement.files.isEmpty else { return result(.noEvidence, observations: failed) }
    let threshold = policy.sastBlockingSeverity
    let blocking = Severity.allCases.filter { $0 >= threshold }.reduce(0) { $0 + measurement.counts[$1] }
    let observations = FindingObservations.list(
      ordered: measurement.listed.filter { $0.severity >= threshold }, total: blocking, key: "sast.finding")
    let args = [
      MessageArg("count", "\(blocking)"), MessageArg("total", "\(measurement.counts.total)"), MessageArg("severity", threshold.rawValue),
    ]
    let outcome = ScanFailures.outcome(blocking == 0 ? .pass : .fail, files: measurement.files, failures: measurement.scanFailures)
    return result(outcome, args, observations: failed + observations, evidence: measurement.files)
  }

  public static func stored(_ measurement: FindingMeasurement) -> CheckMeasurement { .staticAnalysis(measurement) }

  public static func measurement(from stored: CheckMeasurement) -> FindingMeasurement? {
    if case .staticAnalysis(let measurement) = stored { return measurement }
    return nil
  }
}
