/// Turns a template source into nodes once: tags, sections and the standalone-line rules.
struct MustacheParser {
  /// A section whose closing tag is still to come.
  private struct OpenSection {
    let name: MustacheName
    let inverted: Bool
    let start: Int
    /// The nodes before the section at its level, restored when it closes.
    let outerNodes: [MustacheNode]
  }

  private let source: MustacheSource
  private var scanner: MustacheTagScanner
  private var nodes: [MustacheNode] = []
  private var openSections: [OpenSection] = []
  /// Start of the text not yet turned into a node.
  private var cursor = 0

  init(source: MustacheSource) {
    self.source = source
    self.scanner = MustacheTagScanner(source: source)
  }

  /// The template's nodes, or the first syntax error.
  mutating func parse() throws(MustacheError) -> [MustacheNode] {
    while let tag = try scanner.nextTag(from: cursor) {
      if tag.kind.canStandAlone, let line = standaloneLine(of: tag) {
        appendText(upTo: line.indentationStart)
        cursor = line.next
        try apply(tag, indentation: Array(source.bytes[line.indentationStart..<tag.start]))
      } else {
        appendText(upTo: tag.start)
        if source.isLineStart(tag.start) { nodes.append(.lineStart) }
        cursor = tag.end
        try apply(tag, indentation: nil)
      }
    }
    appendText(upTo: source.bytes.count)
    if let open = openSections.last {
      throw .unclosedSection(open.name, in: source, at: open.start)
    }
    return nodes
  }

  /// Where the line of a tag that stands alone on it (only blanks around) begins and where the next line starts.
  private func standaloneLine(of tag: MustacheTag) -> (indentationStart: Int, next: Int)? {
    let bytes = source.bytes
    var start = tag.start
    while start > cursor, MustacheByte.isBlank(bytes[start - 1]) { start -= 1 }
    guard source.isLineStart(start) else { return nil }
    var end = tag.end
    while end < bytes.count, MustacheByte.isBlank(bytes[end]) { end += 1 }
    if end == bytes.count { return (start, end) }
    if bytes[end] == MustacheByte.newline { return (start, end + 1) }
    if bytes[end] == MustacheByte.carriageReturn, end + 1 < bytes.count, bytes[end + 1] == MustacheByte.newline {
      return (start, end + 2)
    }
    return nil
  }

  private mutating func appendText(upTo end: Int) {
    guard cursor < end else { return }
    var lineStarts: [Int] = []
    for offset in cursor..<end where source.isLineStart(offset) {
      lineStarts.append(offset - cursor)
    }
    nodes.append(.text(MustacheText(bytes: Array(source.bytes[cursor..<end]), lineStarts: lineStarts)))
  }

  private mutating func apply(_ tag: MustacheTag, indentation: [UInt8]?) throws(MustacheError) {
    switch tag.kind {
    case .variable, .unescaped:
      nodes.append(.variable(try name(in: tag), escaped: tag.kind == .variable))
    case .section, .invertedSection:
      let name = try name(in: tag)
      openSections.append(
        OpenSection(name: name, inverted: tag.kind == .invertedSection, start: tag.start, outerNodes: nodes))
      nodes = []
    case .closing:
      let name = try name(in: tag)
      guard let open = openSections.popLast() else {
        throw .unexpectedClosing(name, in: source, at: tag.start)
      }
      guard open.name.text == name.text else {
        throw .mismatchedClosing(
          name, open: open.name, openLine: source.line(of: open.start), in: source, at: tag.start)
      }
      let content = nodes
      nodes = open.outerNodes
      nodes.append(.section(open.name, inverted: open.inverted, content: content))
    case .comment:
      break
    case .partial:
      let name = try word(in: tag)
      nodes.append(
        .partial(MustachePartialCall(name: name, indentation: indentation, line: source.line(of: tag.start))))
    case .delimiters:
      try scanner.changeDelimiters(tag)
    }
  }

  /// The tag's single word: non-empty, without whitespace.
  private func word(in tag: MustacheTag) throws(MustacheError) -> String {
    let trimmed = MustacheByte.trimmed(tag.content)
    let text = String(decoding: trimmed, as: UTF8.self)
    guard !trimmed.isEmpty else { throw .missingName(in: source, at: tag.start) }
    guard !trimmed.contains(where: MustacheByte.isWhitespace) else {
      throw .nameWithWhitespace(text, in: source, at: tag.start)
    }
    return text
  }

  /// The tag's name: `.` or keys separated by single dots.
  private func name(in tag: MustacheTag) throws(MustacheError) -> MustacheName {
    let text = try word(in: tag)
    if text == "." { return MustacheName(keys: [], text: text) }
    let keys = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard !keys.contains(where: \.isEmpty) else { throw .invalidDottedName(text, in: source, at: tag.start) }
    return MustacheName(keys: keys, text: text)
  }
}

extension MustacheError {
  fileprivate static func unclosedSection(_ name: MustacheName, in source: MustacheSource, at offset: Int)
    -> MustacheError
  {
    source.error("unclosed section \"\(name.text)\": expected {{/\(name.text)}} before the end", at: offset)
  }

  fileprivate static func unexpectedClosing(_ name: MustacheName, in source: MustacheSource, at offset: Int)
    -> MustacheError
  {
    source.error("closing tag \"\(name.text)\" without an open section", at: offset)
  }

  fileprivate static func mismatchedClosing(
    _ name: MustacheName, open: MustacheName, openLine: Int, in source: MustacheSource, at offset: Int
  ) -> MustacheError {
    source.error(
      "closing tag \"\(name.text)\" does not match section \"\(open.text)\" opened on line \(openLine):"
        + " expected {{/\(open.text)}}", at: offset)
  }

  fileprivate static func missingName(in source: MustacheSource, at offset: Int) -> MustacheError {
    source.error("empty tag: expected a name", at: offset)
  }

  fileprivate static func nameWithWhitespace(_ text: String, in source: MustacheSource, at offset: Int)
    -> MustacheError
  {
    source.error("invalid name \"\(text)\": expected no whitespace inside a tag", at: offset)
  }

  fileprivate static func invalidDottedName(_ text: String, in source: MustacheSource, at offset: Int)
    -> MustacheError
  {
    source.error("invalid name \"\(text)\": expected keys separated by single dots", at: offset)
  }
}
