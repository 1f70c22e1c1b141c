import HomologModel

/// CVSS-like scores (0–10) on the normalized severity scale.
enum CVSS {
  /// ≥ 9 critical, ≥ 7 high, ≥ 4 medium, > 0 low, else info (the CVSS v3 qualitative bands).
  static func severity(score: Double) -> Severity {
    switch score {
    case 9...: .critical
    case 7..<9: .high
    case 4..<7: .medium
    case let value where value > 0: .low
    default: .info
    }
  }
}
