import HomologModel

/// No secret found in code, history or images (Gitleaks, Trivy secret scanning, SARIF secret rules).
public struct SecretsNoneCheck: Check {
  public static let doc = CheckDoc(
    id: "secrets.none", title: "No secret in code, history or images",
    rationale: "EXI-ARCH-22: configuration, credentials included, never hard-coded.", reads: [.findings], judges: [.secret])

  public init() {}

  /// Files from scans that looked for secrets (Gitleaks, a secret rule's findings); Trivy says so only through its
  /// `secret` results, so a clean Trivy report proves no absence of secrets.
  static func scansSecrets(_ file: EvidenceFile) -> Bool {
    file.scans.contains(.secrets)
  }

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    let files = evidence.files.filter(Self.scansSecrets)
    let failures = ScanFailures.of(evidence, .secrets)
    let failed = ScanFailures.observations(failures)
    guard !files.isEmpty else { return result(.noEvidence, observations: failed) }
    let secrets = files.flatMap { file in
      file.findings.filter { $0.kind == .secret && $0.suppression == nil }.map { ($0, file.id) }
    }
    let observations = FindingObservations.list(secrets, key: "secrets.finding")
    let outcome = ScanFailures.outcome(secrets.isEmpty ? .pass : .fail, files: files.map(\.id), failures: failures)
    return result(
      outcome, [MessageArg("count", "\(secrets.count)")], observations: failed + observations, evidence: files.map(\.id))
  }
}
