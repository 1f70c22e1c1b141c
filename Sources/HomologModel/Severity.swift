/// The one normalized severity scale every finding is mapped to (the original is kept beside it).
public enum Severity: String, Codable, CaseIterable, Comparable, Sendable {
  case critical, high, medium, low, info

  /// Rank from most to least severe: critical is 4, info is 0.
  public var rank: Int {
    switch self {
    case .critical: 4
    case .high: 3
    case .medium: 2
    case .low: 1
    case .info: 0
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

  /// Maps a tool's severity word (CRITICAL, High, Negligible, UNKNOWN, blocker…) to the scale; unknown words are info.
  public static func normalizing(_ word: String) -> Severity {
    switch word.lowercased() {
    case "critical", "blocker", "very high", "veryhigh": .critical
    case "high", "error", "major", "severe": .high
    case "medium", "moderate", "warning", "minor": .medium
    case "low": .low
    default: .info  // info, unknown, negligible, none, note
    }
  }
}

/// Counts of findings per normalized severity.
public struct SeverityCounts: Codable, Hashable, Sendable {
  public var critical = 0
  public var high = 0
  public var medium = 0
  public var low = 0
  public var info = 0

  public init() {}

  /// Total of all severities.
  public var total: Int { critical + high + medium + low + info }

  /// The count for one severity.
  public subscript(severity: Severity) -> Int {
    get {
      switch severity {
      case .critical: critical
      case .high: high
      case .medium: medium
      case .low: low
      case .info: info
      }
    }
    set {
      switch severity {
      case .critical: critical = newValue
      case .high: high = newValue
      case .medium: medium = newValue
      case .low: low = newValue
      case .info: info = newValue
      }
    }
  }

  /// Adds one finding of the given severity.
  public mutating func add(_ severity: Severity) { self[severity] += 1 }
}
