/// A Mustache template parsed once, rendered any number of times against different contexts.
public struct MustacheTemplate: Sendable {
  /// How deep partials may nest (recursive partials included) before rendering fails instead of overflowing the stack.
  public static let maxPartialDepth = 64

  /// The name given at parsing, used in error messages.
  public let name: String?
  let nodes: [MustacheNode]
  /// Bytes of literal text, to size the output buffer.
  let literalByteCount: Int

  /// Parses `source`, throwing the first syntax error with its line and column
  /// (unclosed tag or section, mismatched closing tag, invalid name or delimiters).
  public init(parsing source: String, name: String? = nil) throws(MustacheError) {
    var parser = MustacheParser(source: MustacheSource(bytes: Array(source.utf8), name: name))
    self.name = name
    self.nodes = try parser.parse()
    self.literalByteCount = source.utf8.count
  }

  /// Renders against `context`, resolving `{{>name}}` through `partials`; fails only when partials nest too deep.
  public func render(_ context: MustacheValue, partials: some MustachePartialProvider) throws(MustacheError) -> String {
    var renderer = MustacheRenderer(context: context, partials: partials, capacity: 2 * literalByteCount + 256)
    try renderer.render(self, indentation: [])
    return String(decoding: renderer.output, as: UTF8.self)
  }

  /// Renders against `context` with no partials (`{{>name}}` renders nothing).
  public func render(_ context: MustacheValue) throws(MustacheError) -> String {
    try render(context, partials: MustachePartials.none)
  }
}
