/// One piece of a parsed template; sections hold their content.
enum MustacheNode: Sendable {
  /// Literal text.
  case text(MustacheText)
  /// A template line starting with a tag: where a standalone partial's indentation goes.
  case lineStart
  /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
  case variable(MustacheName, escaped: Bool)
  /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
  case section(MustacheName, inverted: Bool, content: [MustacheNode])
  /// `{{>name}}`.
  case partial(MustachePartialCall)
}
