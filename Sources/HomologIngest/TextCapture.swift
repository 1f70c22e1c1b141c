/// The character data of one XML element, kept up to a byte limit so a huge text node costs nothing.
struct TextCapture {
  /// Most bytes kept; the rest of the text is dropped.
  let limit: Int
  private(set) var bytes: [UInt8] = []
  /// True while an element's text is being captured.
  private(set) var active = false

  init(limit: Int) { self.limit = limit }

  /// Starts capturing a new element's text, forgetting the previous one.
  mutating func begin() {
    bytes.removeAll(keepingCapacity: true)
    active = true
  }

  /// Appends character data when capturing, up to the limit.
  mutating func append(_ chunk: UnsafeRawBufferPointer) {
    guard active, bytes.count < limit else { return }
    bytes.append(contentsOf: chunk.prefix(limit - bytes.count))
  }

  /// Stops capturing and returns the text, trimmed of surrounding whitespace.
  mutating func end() -> String {
    active = false
    return String(decoding: bytes, as: UTF8.self).trimmedWhitespace
  }
}
