/// A finding as a check's measurement keeps it: what its observation shows, so a re-judgement lists it the same way.
public struct MeasuredFinding: Codable, Hashable, Sendable {
  public var ruleId: String
  public var severity: Severity
  public var title: String?
  public var tool: String?
  public var package: String?
  public var installedVersion: String?
  public var fixedVersion: String?
  /// The evidence file it was read from.
  public var evidence: String
  public var location: SourceLocation?

  public init(
    ruleId: String, severity: Severity, title: String? = nil, tool: String? = nil, package: String? = nil,
    installedVersion: String? = nil, fixedVersion: String? = nil, evidence: String, location: SourceLocation? = nil
  ) {
    self.ruleId = ruleId
    self.severity = severity
    self.title = title
    self.tool = tool
    self.package = package
    self.installedVersion = installedVersion
    self.fixedVersion = fixedVersion
    self.evidence = evidence
    self.location = location
  }
}
