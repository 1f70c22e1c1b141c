/// What a coverage check counted: each component of its role and its covered/total lines.
public struct CoverageMeasurement: Codable, Hashable, Sendable {
  /// One component's line counts; `lines` is nil when no coverage report belongs to it.
  public struct Component: Codable, Hashable, Sendable {
    public var name: String
    public var lines: CoverageCounter?
    /// Relative paths of its coverage reports.
    public var files: [String]
    public init(name: String, lines: CoverageCounter?, files: [String]) {
      self.name = name
      self.lines = lines
      self.files = files
    }
  }

  public var role: ComponentRole
  public var components: [Component]

  public init(role: ComponentRole, components: [Component]) {
    self.role = role
    self.components = components
  }
}
