import HomologModel

/// The thresholds two policies set differently, named as in homolog.yaml's `policy:` section.
public enum PolicyDifference {
  /// One line per differing threshold: `coverage.backend: 100 ≠ 0`; empty when the policies are equal.
  public static func list(_ a: Policy, _ b: Policy) -> [String] {
    var lines: [String] = []
    func compare(_ key: String, _ left: String, _ right: String) {
      if left != right { lines.append("\(key): \(left) ≠ \(right)") }
    }
    for severity in Severity.allCases {
      compare("vulnerabilities.\(severity.rawValue)", limit(a.vulnerabilities[severity]), limit(b.vulnerabilities[severity]))
    }
    for role in ComponentRole.allCases {
      compare("coverage.\(role.rawValue)", minimum(a.coverageMinimum(for: role)), minimum(b.coverageMinimum(for: role)))
    }
    compare("sast_blocking_severity", a.sastBlockingSeverity.rawValue, b.sastBlockingSeverity.rawValue)
    compare("attestation_max_age_days", "\(a.attestationMaxAgeDays)", "\(b.attestationMaxAgeDays)")
    compare("derogation_warning_days", "\(a.derogationWarningDays)", "\(b.derogationWarningDays)")
    compare("allowed_registries", "[\(a.allowedRegistries.joined(separator: ", "))]", "[\(b.allowedRegistries.joined(separator: ", "))]")
    compare("regression_severity", a.regressionSeverity.rawValue, b.regressionSeverity.rawValue)
    compare("coverage_tolerance", number(a.coverageTolerance), number(b.coverageTolerance))
    return lines
  }

  private static func limit(_ value: Int?) -> String { value.map(String.init) ?? "null" }
  private static func minimum(_ value: Double?) -> String { value.map(number) ?? "null" }
  private static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
