/// One tag as found in the source, before it becomes a node.
struct MustacheTag {
  enum Kind {
    case variable, unescaped, section, invertedSection, closing, comment, partial, delimiters

    /// Whether the tag vanishes with its line when alone on it (interpolations never do).
    var canStandAlone: Bool {
      switch self {
      case .variable, .unescaped: return false
      case .section, .invertedSection, .closing, .comment, .partial, .delimiters: return true
      }
    }
  }

  let kind: Kind
  /// Offset of the opening delimiter.
  let start: Int
  /// Offset just after the closing delimiter.
  let end: Int
  /// The bytes between the sigil and the closing delimiter, untrimmed.
  let content: ArraySlice<UInt8>
}
