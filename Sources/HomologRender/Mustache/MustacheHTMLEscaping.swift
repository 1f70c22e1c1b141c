/// HTML escaping for `{{name}}`: `&`, `<`, `>`, `"` as the spec requires, and `'` for single-quoted attributes.
enum MustacheHTMLEscaping {
  private static let ampersand = Array("&amp;".utf8)
  private static let lessThan = Array("&lt;".utf8)
  private static let greaterThan = Array("&gt;".utf8)
  private static let quote = Array("&quot;".utf8)
  private static let apostrophe = Array("&#39;".utf8)

  /// Appends `text` as UTF-8 with the five characters replaced by entities.
  static func append(_ text: String, to output: inout [UInt8]) {
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "&"): output.append(contentsOf: ampersand)
      case UInt8(ascii: "<"): output.append(contentsOf: lessThan)
      case UInt8(ascii: ">"): output.append(contentsOf: greaterThan)
      case UInt8(ascii: "\""): output.append(contentsOf: quote)
      case UInt8(ascii: "'"): output.append(contentsOf: apostrophe)
      default: output.append(byte)
      }
    }
  }
}

extension MustacheHTMLEscaping {
  /// `text` with the five characters replaced by entities, for markup built in Swift (SVG charts).
  static func escape(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    append(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }
}
