/// What a scan looked for, so a clean report proves an absence only for what was scanned: a Trivy config scan
/// proves nothing about vulnerabilities, a plain SBOM nothing about vulnerable dependencies, a SonarQube gate
/// status nothing about code findings.
public enum ScanScope: String, Codable, Hashable, Sendable, CaseIterable {
  /// Packages of an image, a filesystem or dependencies were matched against vulnerability data.
  case vulnerabilities
  /// Code, history or an image were searched for secrets.
  case secrets
  /// Source code was analysed statically (SAST, code quality).
  case codeAnalysis = "code_analysis"

  /// The scope a finding of this kind proves was scanned, if any.
  public static func scanned(by kind: FindingKind) -> ScanScope? {
    switch kind {
    case .vulnerability: .vulnerabilities
    case .secret: .secrets
    case .codeIssue, .hotspot: .codeAnalysis
    default: nil
    }
  }
}
