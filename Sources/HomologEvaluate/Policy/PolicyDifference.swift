import HomologModel

/// The thresholds two policies set differently, named as in homolog.yaml's `policy:` section.
public enum PolicyDifference {
  /// Each threshold `policy` sets differently from `reference`, in homolog.yaml's order; empty when they are equal.
  public static func list(_ policy: Policy, from reference: Policy) -> [ThresholdDifference] {
    var lines: [ThresholdDifference] = []
    let a = policy
    let b = reference
    func compare(_ key: String, _ value: ThresholdValue, _ referenceValue: ThresholdValue) {
      if value != referenceValue { lines.append(ThresholdDifference(key: key, value: value, reference: referenceValue)) }
    }
    for severity in Severity.allCases {
      compare("vulnerabilities.\(severity.rawValue)", limit(a.vulnerabilities[severity]), limit(b.vulnerabilities[severity]))
    }
    for role in ComponentRole.allCases {
      compare("coverage.\(role.rawValue)", minimum(a.coverageMinimum(for: role)), minimum(b.coverageMinimum(for: role)))
    }
    compare("sast_blocking_severity", .severity(a.sastBlockingSeverity), .severity(b.sastBlockingSeverity))
    compare("attestation_max_age_days", .count(a.attestationMaxAgeDays), .count(b.attestationMaxAgeDays))
    compare("derogation_warning_days", .count(a.derogationWarningDays), .count(b.derogationWarningDays))
    compare("allowed_registries", .names(a.allowedRegistries), .names(b.allowedRegistries))
    compare("regression_severity", .severity(a.regressionSeverity), .severity(b.regressionSeverity))
    compare("coverage_tolerance", .figure(a.coverageTolerance), .figure(b.coverageTolerance))
    return lines
  }

  private static func limit(_ value: Int?) -> ThresholdValue { value.map(ThresholdValue.count) ?? .unset }
  private static func minimum(_ value: Double?) -> ThresholdValue { value.map(ThresholdValue.figure) ?? .unset }
}
