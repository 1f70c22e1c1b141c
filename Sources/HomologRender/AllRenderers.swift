import HomologModel

/// Every output format, in the order they are written.
public enum AllRenderers {
  public static let list: [any Renderer] = [
    JSONRenderer(),
    MarkdownRenderer(),
    HTMLRenderer(),
    JUnitRenderer(),
    SARIFRenderer(),
    CodeQualityRenderer(),
    OSCALRenderer(),
    ActionPlanRenderer(),
  ]

  /// The `--format` names.
  public static var formats: [String] { list.map { type(of: $0).format } }

  /// The renderers named in a comma-separated list (all when nil).
  public static func select(_ names: String?) throws(InputError) -> [any Renderer] {
    guard let names else { return list }
    var chosen: [any Renderer] = []
    for name in names.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
      guard let renderer = list.first(where: { type(of: $0).format == name }) else {
        throw InputError("unknown format '\(name)' (expected: \(formats.joined(separator: ", ")))")
      }
      if !chosen.contains(where: { type(of: $0).format == name }) { chosen.append(renderer) }
    }
    guard !chosen.isEmpty else { throw InputError("--format lists no format") }
    return chosen
  }
}
