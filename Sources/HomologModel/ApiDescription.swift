/// An API description document (OpenAPI 3.x or Swagger 2).
public struct ApiDescription: Codable, Hashable, Sendable {
  /// `openapi 3.0.3`, `swagger 2.0`…
  public var specVersion: String
  public var title: String?
  public var pathCount: Int
  /// Structural problems found; empty when the document is valid.
  public var problems: [String]
  public init(specVersion: String, title: String? = nil, pathCount: Int, problems: [String]) {
    self.specVersion = specVersion
    self.title = title
    self.pathCount = pathCount
    self.problems = problems
  }

  /// True when no structural problem was found.
  public var isValid: Bool { problems.isEmpty }
}
