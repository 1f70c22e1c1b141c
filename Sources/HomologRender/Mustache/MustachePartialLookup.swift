/// Partials found by a closure (computed names, lazy loading).
public struct MustachePartialLookup: MustachePartialProvider {
  private let lookup: @Sendable (String) -> MustacheTemplate?

  /// A provider asking `lookup` for each partial name.
  public init(_ lookup: @escaping @Sendable (String) -> MustacheTemplate?) {
    self.lookup = lookup
  }

  /// Whatever the closure returns for `name`.
  public func partial(named name: String) -> MustacheTemplate? {
    lookup(name)
  }
}
