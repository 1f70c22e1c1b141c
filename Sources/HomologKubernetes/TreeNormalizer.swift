import HomologModel

/// Makes a parsed YAML tree mean what Kubernetes' YAML decoder reads: a key repeated with the same
/// value (faithful `helm template` output) is kept once and reported, a key repeated with another value
/// is refused (the manifest is ambiguous), and `<<` merge keys are resolved.
public enum TreeNormalizer {
  /// A key repeated with the same value in one mapping, kept once.
  public struct RepeatedKey: Sendable, Hashable {
    /// The key's text.
    public var key: String
    /// Where the repetition is (its key), 1-based.
    public var line: Int
    public var column: Int
    /// The line of the key's first occurrence.
    public var firstLine: Int
  }

  /// The tree with merge keys resolved and identical repeated keys kept once, or an error at the first key
  /// repeated with another value.
  public static func normalize(_ node: Node, file: String) throws(InputError) -> Node {
    try normalizeReporting(node, file: file).tree
  }

  /// Like `normalize`, also returning the identical repetitions dropped, in document order.
  public static func normalizeReporting(_ node: Node, file: String) throws(InputError) -> (tree: Node, repeated: [RepeatedKey]) {
    var repeated: [RepeatedKey] = []
    var merges = false
    let tree = try deduplicated(node, file: file, repeated: &repeated, merges: &merges)
    return (merges ? resolvingMerges(tree) : tree, repeated)
  }

  /// The node without identical repeated keys; throws at the first key repeated with another value.
  private static func deduplicated(
    _ node: Node, file: String, repeated: inout [RepeatedKey], merges: inout Bool
  ) throws(InputError) -> Node {
    switch node.value {
    case .scalar:
      return node
    case .sequence(let items):
      var kept: [Node] = []
      for item in items { kept.append(try deduplicated(item, file: file, repeated: &repeated, merges: &merges)) }
      return Node(.sequence(kept), line: node.line, column: node.column)
    case .mapping(let pairs):
      var kept: [Node.Pair] = []
      var seen: [String: Int] = [:]
      for pair in pairs {
        let value = try deduplicated(pair.value, file: file, repeated: &repeated, merges: &merges)
        if isMergeKey(pair.key) {
          merges = true
        } else if case .scalar(let key) = pair.key.value {
          if let index = seen[key.text] {
            let first = kept[index]
            guard sameMeaning(first.value, value) else {
              throw repeatedWithAnotherValue(pair.key, firstLine: first.key.line, file: file)
            }
            repeated.append(RepeatedKey(key: key.text, line: pair.key.line, column: pair.key.column, firstLine: first.key.line))
            continue
          }
          seen[key.text] = kept.count
        }
        kept.append(Node.Pair(key: pair.key, value: value))
      }
      return Node(.mapping(kept), line: node.line, column: node.column)
    }
  }

  /// The error for `key` repeated in a mapping with another value than at its first occurrence.
  static func repeatedWithAnotherValue(_ key: Node, firstLine: Int, file: String) -> InputError {
    var text = ""
    if case .scalar(let scalar) = key.value { text = scalar.text }
    return InputError(
      "duplicate key \"\(text)\" with a different value (first at line \(firstLine)): Kubernetes refuses "
        + "ambiguous manifests",
      at: SourceLocation(file: file, line: key.line, column: key.column))
  }

  /// True when two nodes mean the same value, wherever they are written.
  static func sameMeaning(_ a: Node, _ b: Node) -> Bool {
    switch (a.value, b.value) {
    case (.scalar(let x), .scalar(let y)):
      guard x.text == y.text else { return false }
      if x.isQuoted == y.isQuoted { return true }
      let plain = x.isQuoted ? b : a
      return !plain.isNull && plain.bool == nil && plain.double == nil
    case (.sequence(let x), .sequence(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { sameMeaning($0, $1) }
    case (.mapping(let x), .mapping(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { sameMeaning($0.key, $1.key) && sameMeaning($0.value, $1.value) }
    default:
      return false
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
