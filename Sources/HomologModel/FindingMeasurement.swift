/// What a findings check counted: open findings per severity and, per severity, the first ones in listing order.
///
/// Any threshold blocks whole severities, and observations list the blocking findings most severe first, so the
/// first `MeasuredFinding`s of each severity (up to the listing limit) are enough to list them under any policy.
public struct FindingMeasurement: Codable, Hashable, Sendable {
  /// Relative paths of the evidence files read; empty when none was there to judge.
  public var files: [String]
  /// Open (not suppressed) findings per severity, each counted once.
  public var counts: SeverityCounts
  /// Per severity, the first findings in listing order (at most the listing limit each), most severe first.
  public var listed: [MeasuredFinding]
  /// Scans of the measured kind that their reports state failed (nil when none): cited, and never a pass alone.
  public var scanFailures: [ScanFailure]?

  public init(files: [String], counts: SeverityCounts, listed: [MeasuredFinding], scanFailures: [ScanFailure]? = nil) {
    self.scanFailures = scanFailures
    self.files = files
    self.counts = counts
    self.listed = listed
  }
}
