import HomologModel

/// Scans their reports state failed, as the checks of their scope cite them: a failed scan proves no absence, so
/// files holding only failed scans never make such a check pass (their findings still count).
enum ScanFailures {
  /// The failures of this scope in the files `include` accepts, in reading order; nil when there is none.
  static func of(_ evidence: EvidenceSet, _ scope: ScanScope, include: (EvidenceFile) -> Bool = { _ in true }) -> [ScanFailure]? {
    let failures = evidence.files.filter(include).flatMap { $0.scanFailures.filter { $0.scope == scope } }
    return failures.isEmpty ? nil : failures
  }

  /// One observation per failure, citing the report's messages.
  static func observations(_ failures: [ScanFailure]?) -> [Observation] {
    (failures ?? []).map { failure in
      let messages = failure.messages.isEmpty ? "—" : failure.messages.joined(separator: " ; ")
      return Observation(Message("scan.failed", [MessageArg("messages", messages)]), problem: true, evidence: failure.evidence)
    }
  }

  /// The outcome once failures are known: a pass read only from files whose scan failed is no evidence.
  static func outcome(_ outcome: CheckOutcome, files: [String], failures: [ScanFailure]?) -> CheckOutcome {
    guard outcome == .pass, let failures else { return outcome }
    let failed = Set(failures.compactMap(\.evidence))
    return files.allSatisfy(failed.contains) ? .noEvidence : outcome
  }
}
