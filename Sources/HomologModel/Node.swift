/// A parsed YAML or JSON document node that remembers where it came from (1-based line and column).
public struct Node: Sendable, Hashable {
  /// The shape of a node.
  public indirect enum Value: Sendable, Hashable {
    case scalar(Scalar)
    case sequence([Node])
    case mapping([Pair])
  }

  /// A scalar with its text and whether it was quoted (quoted scalars are always strings).
  public struct Scalar: Sendable, Hashable {
    public var text: String
    public var isQuoted: Bool
    public init(text: String, isQuoted: Bool = false) {
      self.text = text
      self.isQuoted = isQuoted
    }
  }

  /// One key/value entry of a mapping, in document order.
  public struct Pair: Sendable, Hashable {
    public var key: Node
    public var value: Node
    public init(key: Node, value: Node) {
      self.key = key
      self.value = value
    }
  }

  public var value: Value
  public var line: Int
  public var column: Int

  public init(_ value: Value, line: Int, column: Int) {
    self.value = value
    self.line = line
    self.column = column
  }

  /// The scalar text, or nil for collections and YAML nulls.
  public var string: String? {
    guard case .scalar(let s) = value else { return nil }
    if !s.isQuoted, ["", "~", "null", "Null", "NULL"].contains(s.text) { return nil }
    return s.text
  }

  /// True for an unquoted null scalar (`~`, `null`, empty).
  public var isNull: Bool {
    guard case .scalar(let s) = value else { return false }
    return !s.isQuoted && ["", "~", "null", "Null", "NULL"].contains(s.text)
  }

  /// The scalar as an integer (YAML 1.1 / JSON decimal), or nil.
  public var int: Int? {
    guard case .scalar(let s) = value, !s.isQuoted else { return nil }
    return Int(String(s.text.filter { $0 != "_" }))
  }

  /// The scalar as a floating point number, or nil.
  public var double: Double? {
    guard case .scalar(let s) = value, !s.isQuoted else { return nil }
    return Double(s.text)
  }

  /// The scalar as a YAML 1.1 boolean (true/false/yes/no/on/off), or nil.
  public var bool: Bool? {
    guard case .scalar(let s) = value, !s.isQuoted else { return nil }
    switch s.text.lowercased() {
    case "true", "yes", "on", "y": return true
    case "false", "no", "off", "n": return false
    default: return nil
    }
  }

  /// The entries of a mapping, or nil.
  public var pairs: [Pair]? {
    guard case .mapping(let p) = value else { return nil }
    return p
  }

  /// The items of a sequence, or nil.
  public var items: [Node]? {
    guard case .sequence(let i) = value else { return nil }
    return i
  }

  /// The value under a key of a mapping (first match), or nil.
  public subscript(key: String) -> Node? {
    guard case .mapping(let pairs) = value else { return nil }
    for pair in pairs where pair.key.string == key { return pair.value }
    return nil
  }

  /// A short name of the node's shape for error messages: "mapping", "sequence", "scalar".
  public var kindName: String {
    switch value {
    case .scalar: "scalar"
    case .sequence: "sequence"
    case .mapping: "mapping"
    }
  }
}
