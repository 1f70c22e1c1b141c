/// Finds tags in a template source, honouring the current delimiters.
struct MustacheTagScanner {
  private let source: MustacheSource
  private var openDelimiter: [UInt8] = Array("{{".utf8)
  private var closeDelimiter: [UInt8] = Array("}}".utf8)

  init(source: MustacheSource) {
    self.source = source
  }

  /// The first tag starting at or after `offset`, nil when only text remains.
  func nextTag(from offset: Int) throws(MustacheError) -> MustacheTag? {
    guard let start = find(openDelimiter, from: offset) else { return nil }
    var contentStart = start + openDelimiter.count
    let sigil = contentStart < source.bytes.count ? source.bytes[contentStart] : nil
    var closing = closeDelimiter
    let kind: MustacheTag.Kind
    switch sigil {
    case UInt8(ascii: "#"): kind = .section
    case UInt8(ascii: "^"): kind = .invertedSection
    case UInt8(ascii: "/"): kind = .closing
    case UInt8(ascii: "!"): kind = .comment
    case UInt8(ascii: ">"): kind = .partial
    case UInt8(ascii: "&"): kind = .unescaped
    case UInt8(ascii: "{"):
      kind = .unescaped
      closing = Array("}".utf8) + closeDelimiter
    case UInt8(ascii: "="):
      kind = .delimiters
      closing = Array("=".utf8) + closeDelimiter
    default: kind = .variable
    }
    if kind != .variable { contentStart += 1 }
    guard let closeStart = find(closing, from: contentStart) else {
      throw .unclosedTag(opening: openDelimiter, expected: closing, in: source, at: start)
    }
    let content = source.bytes[contentStart..<closeStart]
    if kind != .comment, Self.range(of: openDelimiter, in: content) != nil {
      throw .unclosedTag(opening: openDelimiter, expected: closing, in: source, at: start)
    }
    return MustacheTag(kind: kind, start: start, end: closeStart + closing.count, content: content)
  }

  /// Applies a `{{=<% %>=}}` tag: the two whitespace-separated words become the delimiters.
  mutating func changeDelimiters(_ tag: MustacheTag) throws(MustacheError) {
    let words = MustacheByte.trimmed(tag.content).split(whereSeparator: MustacheByte.isWhitespace)
    guard words.count == 2 else {
      throw .invalidDelimiters(tag.content, in: source, at: tag.start)
    }
    openDelimiter = Array(words[0])
    closeDelimiter = Array(words[1])
  }

  private func find(_ pattern: [UInt8], from offset: Int) -> Int? {
    Self.range(of: pattern, in: source.bytes[offset...])
  }

  /// The offset where `pattern` first occurs in `bytes`.
  private static func range(of pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
    guard let first = pattern.first, pattern.count <= bytes.count else { return nil }
    let last = bytes.endIndex - pattern.count
    var index = bytes.startIndex
    while index <= last {
      if bytes[index] == first {
        var matched = 1
        while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
        if matched == pattern.count { return index }
      }
      index += 1
    }
    return nil
  }
}

extension MustacheError {
  fileprivate static func unclosedTag(
    opening: [UInt8], expected closing: [UInt8], in source: MustacheSource, at offset: Int
  ) -> MustacheError {
    let open = String(decoding: opening, as: UTF8.self)
    let close = String(decoding: closing, as: UTF8.self)
    return source.error("unclosed tag: \"\(open)\" is not followed by \"\(close)\"", at: offset)
  }

  fileprivate static func invalidDelimiters(
    _ content: ArraySlice<UInt8>, in source: MustacheSource, at offset: Int
  ) -> MustacheError {
    let text = String(decoding: content, as: UTF8.self)
    return source.error(
      "invalid set-delimiter tag \"=\(text)=\": expected two delimiters separated by whitespace", at: offset)
  }
}
