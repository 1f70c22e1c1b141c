/// Where `{{>name}}` tags find their templates.
public protocol MustachePartialProvider: Sendable {
  /// The partial called `name`, or nil to render the tag as the empty string.
  func partial(named name: String) -> MustacheTemplate?
}
