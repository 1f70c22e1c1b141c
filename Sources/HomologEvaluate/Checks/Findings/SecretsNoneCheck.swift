import HomologModel

/// No secret found in code, history or images (Gitleaks, Trivy secret scanning, SARIF secret rules).
public struct SecretsNoneCheck: Check {
  public static let doc = CheckDoc(
    id: "secrets.none", title: "No secret in code, history or images",
    rationale: "EXI-ARCH-22: configuration, credentials included, never hard-coded.", reads: [.findings], judges: [.secret])

  public init() {}

  /// Files from tools that look for secrets.
  static func scansSecrets(_ file: EvidenceFile) -> Bool {
    let format = file.provenance.format.rawValue
    let tool = file.provenance.tool?.name.lowercased() ?? ""
    return format.hasPrefix("gitleaks") || format == "trivy-json" || tool.contains("gitleaks")
      || file.findings.contains { $0.kind == .secret }
  }

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    let files = evidence.files.filter(Self.scansSecrets)
    guard !files.isEmpty else { return result(.noEvidence) }
    let secrets = files.flatMap { file in
      file.findings.filter { $0.kind == .secret && $0.suppression == nil }.map { ($0, file.id) }
    }
    let observations = FindingObservations.list(secrets, key: "secrets.finding")
    return result(
      secrets.isEmpty ? .pass : .fail, [MessageArg("count", "\(secrets.count)")], observations: observations,
      evidence: files.map(\.id))
  }
}
