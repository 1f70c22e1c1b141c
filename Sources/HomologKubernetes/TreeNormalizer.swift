import HomologModel

/// Makes a parsed YAML tree mean what Kubernetes' YAML decoder reads: duplicate mapping keys are
/// refused (as `kubectl` does) and `<<` merge keys are resolved.
public enum TreeNormalizer {
  /// The tree with merge keys resolved, or an error at the first duplicate key.
  public static func normalize(_ node: Node, file: String) throws(InputError) -> Node {
    guard try validate(node, file: file) else { return node }
    return resolvingMerges(node)
  }

  /// Throws at the first duplicate key; returns true when the tree holds a merge key.
  private static func validate(_ node: Node, file: String) throws(InputError) -> Bool {
    switch node.value {
    case .scalar:
      return false
    case .sequence(let items):
      var merges = false
      for item in items where try validate(item, file: file) { merges = true }
      return merges
    case .mapping(let pairs):
      var merges = false
      var seen: [String: Int] = [:]
      for pair in pairs {
        if isMergeKey(pair.key) {
          merges = true
        } else if case .scalar(let key) = pair.key.value {
          if let first = seen[key.text] {
            throw InputError(
              "duplicate key \"\(key.text)\" in a mapping (first at line \(first)): Kubernetes refuses ambiguous manifests",
              at: SourceLocation(file: file, line: pair.key.line, column: pair.key.column))
          }
          seen[key.text] = pair.key.line
        }
        if try validate(pair.value, file: file) { merges = true }
      }
      return merges
    }
  }

  private static func isMergeKey(_ key: Node) -> Bool {
    guard case .scalar(let scalar) = key.value else { return false }
    return scalar.text == "<<" && !scalar.isQuoted
  }

  /// Applies `<<: *anchor` (or a sequence of anchors): merged keys never override explicit ones,
  /// and earlier mappings of a sequence win over later ones.
  private static func resolvingMerges(_ node: Node) -> Node {
    switch node.value {
    case .scalar:
      return node
    case .sequence(let items):
      return Node(.sequence(items.map(resolvingMerges)), line: node.line, column: node.column)
    case .mapping(let pairs):
      var result: [Node.Pair] = []
      var merged: [Node] = []
      var keys = Set<String>()
      for pair in pairs {
        if isMergeKey(pair.key) {
          merged += pair.value.items ?? [pair.value]
          continue
        }
        if let key = pair.key.string { keys.insert(key) }
        result.append(Node.Pair(key: pair.key, value: resolvingMerges(pair.value)))
      }
      for source in merged {
        for pair in resolvingMerges(source).pairs ?? [] {
          guard let key = pair.key.string, keys.insert(key).inserted else { continue }
          result.append(pair)
        }
      }
      return Node(.mapping(result), line: node.line, column: node.column)
    }
  }
}
