/// A `{{>name}}` tag.
struct MustachePartialCall: Sendable {
  let name: String
  /// The whitespace before a standalone tag, prepended to every line of the partial; nil when inline.
  let indentation: [UInt8]?
  /// 1-based line of the tag, for errors.
  let line: Int
}
