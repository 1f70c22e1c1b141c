import HomologModel

extension Node {
  /// The key node of an entry of a mapping: locates a field on its own line even when its value is a collection.
  public func key(_ name: String) -> Node? {
    pairs?.first { $0.key.string == name }?.key
  }
}
