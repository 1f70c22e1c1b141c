/// A scan its report states failed (GitLab's `scan.status: failure`, the analyzer crashed): it proves no absence,
/// so the file gives no scope for it; the checks of that scope cite its messages.
public struct ScanFailure: Codable, Hashable, Sendable {
  /// What the scan was to look for.
  public var scope: ScanScope
  /// The report's messages as written (`scan.messages[].value`, prefixed by their level).
  public var messages: [String]
  /// Relative path of the evidence file, filled when the file is collected.
  public var evidence: String?

  public init(scope: ScanScope, messages: [String], evidence: String? = nil) {
    self.scope = scope
    self.messages = messages
    self.evidence = evidence
  }
}
