/// Covered out of total, for lines or branches.
public struct CoverageCounter: Codable, Hashable, Sendable {
  public var total: Int
  public var covered: Int
  public init(total: Int = 0, covered: Int = 0) {
    self.total = total
    self.covered = covered
  }

  /// Covered / total × 100, or nil when there is nothing to cover.
  public var percent: Double? { total > 0 ? Double(covered) * 100 / Double(total) : nil }

  /// The sum of two counters.
  public static func + (lhs: CoverageCounter, rhs: CoverageCounter) -> CoverageCounter {
    CoverageCounter(total: lhs.total + rhs.total, covered: lhs.covered + rhs.covered)
  }
}

/// Coverage of one source file.
public struct FileCoverage: Codable, Hashable, Sendable {
  public var path: String
  public var lines: CoverageCounter
  public var branches: CoverageCounter?
  public init(path: String, lines: CoverageCounter, branches: CoverageCounter? = nil) {
    self.path = path
    self.lines = lines
    self.branches = branches
  }
}

/// A coverage report: per-file figures plus the totals the report itself states.
public struct CoverageReport: Codable, Hashable, Sendable {
  /// Lines (or statements) in the whole report, as the producing tool states them.
  public var lines: CoverageCounter
  /// Branches (or conditionals) in the whole report, when the format has them.
  public var branches: CoverageCounter?
  public var files: [FileCoverage]
  public init(lines: CoverageCounter, branches: CoverageCounter?, files: [FileCoverage]) {
    self.lines = lines
    self.branches = branches
    self.files = files
  }
}
