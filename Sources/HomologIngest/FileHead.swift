import Foundation
import HomologParsing

/// The first bytes of a file, with the cheap tests format detection needs.
public struct FileHead: Sendable {
  /// How many bytes detection looks at.
  public static let size = 64 * 1024

  /// The first bytes, decoded leniently as UTF-8.
  public let text: String
  /// The first non-whitespace character (after a byte-order mark), if any.
  public let firstCharacter: Character?
  /// The file name, for formats that have no content marker at all (never used alone).
  public let fileName: String

  public init(bytes: Data, fileName: String) {
    var slice = bytes.prefix(Self.size)
    if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
    text = String(decoding: slice, as: UTF8.self)
    firstCharacter = text.first { !$0.isWhitespace }
    self.fileName = fileName
  }

  /// Reads the head of a regular file on disk (nil for a missing file, a folder, a pipe or a device).
  public static func read(_ url: URL) -> FileHead? {
    guard let bytes = try? FileInput.readPrefix(url, displayPath: url.path, count: size) else { return nil }
    return FileHead(bytes: bytes, fileName: url.lastPathComponent)
  }

  /// True when the content starts like a JSON object.
  public var isJSONObject: Bool { firstCharacter == "{" }
  /// True when the content starts like a JSON array.
  public var isJSONArray: Bool { firstCharacter == "[" }

  /// True when the head contains `"key"` followed by a colon, i.e. a JSON object key.
  public func hasJSONKey(_ key: String) -> Bool {
    var searchRange = text.startIndex..<text.endIndex
    let quoted = "\"\(key)\""
    while let found = text.range(of: quoted, range: searchRange) {
      let rest = text[found.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
      if rest.first == ":" { return true }
      searchRange = found.upperBound..<text.endIndex
    }
    return false
  }

  /// True when the head contains this text.
  public func contains(_ fragment: String) -> Bool { text.contains(fragment) }

  /// The local name of the XML root element, skipping the declaration, comments and DOCTYPE.
  public var xmlRootElement: String? {
    guard firstCharacter == "<" else { return nil }
    var rest = Substring(text)
    while true {
      rest = rest.drop { $0.isWhitespace }
      if rest.hasPrefix("<?") {
        guard let end = rest.range(of: "?>") else { return nil }
        rest = rest[end.upperBound...]
      } else if rest.hasPrefix("<!--") {
        guard let end = rest.range(of: "-->") else { return nil }
        rest = rest[end.upperBound...]
      } else if rest.hasPrefix("<!") {
        guard let end = Self.endOfDoctype(rest) else { return nil }
        rest = rest[end...]
      } else if rest.hasPrefix("<") {
        let name = rest.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
        guard !name.isEmpty else { return nil }
        if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
        return String(name)
      } else {
        return nil
      }
    }
  }

  /// The index after a `<!DOCTYPE …>` declaration, internal subset included.
  private static func endOfDoctype(_ text: Substring) -> Substring.Index? {
    var depth = 0
    var index = text.startIndex
    while index < text.endIndex {
      switch text[index] {
      case "[": depth += 1
      case "]": depth -= 1
      case ">" where depth <= 0: return text.index(after: index)
      default: break
      }
      index = text.index(after: index)
    }
    return nil
  }

  /// The first non-empty lines (at most `count`), for line-based formats.
  public func firstLines(_ count: Int) -> [Substring] {
    Array(text.split(whereSeparator: \.isNewline).prefix(count))
  }
}
