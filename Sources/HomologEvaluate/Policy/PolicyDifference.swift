import HomologModel

/// The thresholds two policies set differently, named as in homolog.yaml's `policy:` section.
public enum PolicyDifference {
  /// Each threshold `policy` sets differently from `reference`, in homolog.yaml's order; empty when they are equal.
  public static func list(_ policy: Policy, from reference: Policy) -> [ThresholdDifference] {
    var lines: [ThresholdDifference] = []
    let a = policy
    let b = reference
    func compare(_ key: String, _ value: String, _ referenceValue: String) {
      if value != referenceValue { lines.append(ThresholdDifference(key: key, value: value, reference: referenceValue)) }
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

  /// `coverage.backend: 0 (reference 100)`, one per difference, joined with "; ".
  public static func text(_ differences: [ThresholdDifference], reference: String) -> String {
    differences.map { "\($0.key): \($0.value) (\(reference) \($0.reference))" }.joined(separator: "; ")
  }

  private static func limit(_ value: Int?) -> String { value.map(String.init) ?? "null" }
  private static func minimum(_ value: Double?) -> String { value.map(number) ?? "null" }
  private static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
