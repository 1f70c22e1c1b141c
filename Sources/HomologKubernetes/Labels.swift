import HomologModel

/// String maps of manifests: labels, annotations, selectors.
public enum Labels {
  /// The scalar entries of a mapping node as a dictionary (first occurrence wins; non-strings are skipped).
  public static func of(_ node: Node?) -> [String: String] {
    var result: [String: String] = [:]
    for pair in node?.pairs ?? [] {
      guard let key = pair.key.string, let value = pair.value.string, result[key] == nil else { continue }
      result[key] = value
    }
    return result
  }

  /// True when every entry of `selector` is in `labels` (an empty selector selects everything).
  public static func selects(_ selector: [String: String], _ labels: [String: String]) -> Bool {
    selector.allSatisfy { labels[$0.key] == $0.value }
  }
}
