/// Bytes copied out of the XML parser's buffer and kept until the next copy, in storage that grows
/// and is reused: no allocation per element once grown (a `String` per attribute would cost one).
struct ReusableBytes {
  private var storage: [UInt8] = []
  /// Number of bytes held.
  private(set) var count = 0

  /// Replaces the bytes held with a copy of `bytes`.
  mutating func assign(_ bytes: UnsafeRawBufferPointer) {
    if storage.count < bytes.count {
      storage = [UInt8](repeating: 0, count: Swift.max(bytes.count, 2 * storage.count, 64))
    }
    count = bytes.count
    guard let source = bytes.baseAddress, count > 0 else { return }
    let length = count
    storage.withUnsafeMutableBytes { $0.baseAddress!.copyMemory(from: source, byteCount: length) }
  }

  /// Forgets the bytes held.
  mutating func removeAll() { count = 0 }

  /// The bytes held, decoded as UTF-8.
  var string: String {
    storage.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[..<count]), as: UTF8.self) }
  }
}
