/// What a read does with findings: keep each one (evaluate, diff) or only count them (inspect, bench).
public enum FindingMode: Sendable {
  /// Every finding is built and kept, with its location, fingerprint and texts.
  case keep
  /// Only each finding's severity and kind are counted: memory stays flat however many findings a file holds.
  case count
}

/// Findings counted per normalized severity and per kind, without the findings themselves.
public struct FindingCounts: Hashable, Sendable {
  /// Findings per normalized severity.
  public var severities = SeverityCounts()
  /// Findings per kind (kinds with none are absent).
  public var kinds: [FindingKind: Int] = [:]

  public init() {}

  /// The counts of these findings.
  public init(_ findings: [Finding]) {
    for finding in findings { add(finding.severity, finding.kind) }
  }

  /// Number of findings counted.
  public var total: Int { severities.total }

  /// Counts one finding.
  public mutating func add(_ severity: Severity, _ kind: FindingKind) {
    severities[severity] += 1
    kinds[kind, default: 0] += 1
  }

  /// Adds the counts of `other`.
  public mutating func add(_ other: FindingCounts) {
    for severity in Severity.allCases { severities[severity] += other.severities[severity] }
    for (kind, count) in other.kinds { kinds[kind, default: 0] += count }
  }

  /// What these findings prove was scanned for.
  public var scans: Set<ScanScope> { Set(kinds.keys.compactMap(ScanScope.scanned(by:))) }
}
