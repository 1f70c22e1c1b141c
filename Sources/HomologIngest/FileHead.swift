import Foundation
import HomologParsing

/// The first bytes of a file, with the cheap tests format detection needs.
public struct FileHead: Sendable {
  /// How many bytes detection looks at.
  public static let size = 64 * 1024

  /// The first bytes, decoded leniently as UTF-8.
  public let text: String
  /// The same bytes, for byte searches (detection runs every sniff on every file: it must be cheap).
  private let bytes: [UInt8]
  /// The first non-whitespace character (after a byte-order mark), if any.
  public let firstCharacter: Character?
  /// The file name, for formats that have no content marker at all (never used alone).
  public let fileName: String
  /// The local name of the XML root element, skipping the declaration, comments and DOCTYPE.
  public let xmlRootElement: String?

  public init(bytes: Data, fileName: String) {
    var slice = bytes.prefix(Self.size)
    if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
    self.bytes = Array(slice)
    text = String(decoding: slice, as: UTF8.self)
    firstCharacter = text.first { !$0.isWhitespace }
    self.fileName = fileName
    xmlRootElement = firstCharacter == "<" ? Self.rootElement(text) : nil
  }

  /// Reads the head of a regular file on disk (nil for a missing file, a folder, a pipe or a device).
  ///
  /// A JSON document that no reader recognises from its first bytes is outlined by the streaming
  /// parser (`JSONOutline`): its marker keys may come after a long array (cyclonedx-py sorts keys,
  /// so `bomFormat` follows every component). The outline replaces the head when it decides.
  public static func read(_ url: URL) -> FileHead? {
    guard let bytes = try? FileInput.readPrefix(url, displayPath: url.path, count: size) else { return nil }
    let fileName = url.lastPathComponent
    let head = FileHead(bytes: bytes, fileName: fileName)
    guard head.isJSONObject || head.isJSONArray, AllReaders.detect(head) == nil else { return head }
    let decides: ([UInt8]) -> Bool = { AllReaders.detect(FileHead(bytes: Data($0), fileName: fileName)) != nil }
    guard let outline = JSONOutline.outline(of: url, decides: decides) else { return head }
    let outlined = FileHead(bytes: Data(outline), fileName: fileName)
    return AllReaders.detect(outlined) != nil ? outlined : head
  }

  /// True when the content starts like a JSON object.
  public var isJSONObject: Bool { firstCharacter == "{" }
  /// True when the content starts like a JSON array.
  public var isJSONArray: Bool { firstCharacter == "[" }

  /// True when the head contains `"key"` followed by a colon, i.e. a JSON object key.
  public func hasJSONKey(_ key: String) -> Bool { jsonKeyValueStart(key) != nil }

  /// True when the head contains `"key"` whose value is a string (`"key": "…`).
  public func hasJSONKeyWithStringValue(_ key: String) -> Bool {
    guard let start = jsonKeyValueStart(key) else { return false }
    return bytes[start...].first { !Self.isBlank($0) } == UInt8(ascii: "\"")
  }

  /// Where the value of the first `"key":` starts (just after the colon), or nil.
  private func jsonKeyValueStart(_ key: String) -> Int? {
    let quoted = Array("\"\(key)\"".utf8)
    var from = 0
    while let found = Self.find(quoted, in: bytes, from: from) {
      var index = found + quoted.count
      while index < bytes.count && Self.isBlank(bytes[index]) { index += 1 }
      if index < bytes.count && bytes[index] == UInt8(ascii: ":") { return index + 1 }
      from = found + 1
    }
    return nil
  }

  /// True when the head contains this text.
  public func contains(_ fragment: String) -> Bool { Self.find(Array(fragment.utf8), in: bytes, from: 0) != nil }

  /// The offset of `needle` in `haystack` at or after `from`, or nil: `memchr` to each candidate
  /// first byte, `memcmp` for the rest.
  private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
    guard let first = needle.first, from + needle.count <= haystack.count else { return nil }
    return haystack.withUnsafeBytes { hay -> Int? in
      needle.withUnsafeBytes { wanted -> Int? in
        let base = hay.baseAddress!
        var offset = from
        let last = hay.count - needle.count
        while offset <= last {
          guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
          let position = base.distance(to: UnsafeRawPointer(hit))
          if memcmp(hit, wanted.baseAddress!, needle.count) == 0 { return position }
          offset = position + 1
        }
        return nil
      }
    }
  }

  private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

  private static func rootElement(_ text: String) -> String? {
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

  /// The first non-empty lines (at most `count`), for line-based formats; only those lines are split off.
  public func firstLines(_ count: Int) -> [Substring] {
    var lines: [Substring] = []
    var rest = Substring(text)
    while lines.count < count, !rest.isEmpty {
      let end = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
      if end > rest.startIndex { lines.append(rest[..<end]) }
      rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[rest.endIndex...]
    }
    return lines
  }
}
