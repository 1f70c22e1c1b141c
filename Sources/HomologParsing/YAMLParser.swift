import CLibYAML
import Foundation
import HomologModel

/// Parses YAML (and therefore JSON) into located `Node` trees with libyaml's event API.
///
/// Aliases are expanded by copying the anchored node; the number of nodes created through
/// aliases is bounded (`maxAliasNodes`) so an alias bomb fails fast instead of exhausting memory,
/// and nesting is bounded (`maxDepth`) so a hostile document cannot overflow the stack.
public struct YAMLParser: Sendable {
  /// Most nodes that alias expansion may create in one stream.
  public var maxAliasNodes: Int
  /// Deepest nesting of collections accepted.
  public var maxDepth: Int

  public init(maxAliasNodes: Int = 100_000, maxDepth: Int = 256) {
    self.maxAliasNodes = maxAliasNodes
    self.maxDepth = maxDepth
  }

  /// Every document of the stream, in order (an empty stream gives no document).
  public func parseDocuments(_ data: Data, file: String) throws(InputError) -> [Node] {
    var result: Result<[Node], InputError> = .success([])
    data.withUnsafeBytes { raw in
      result = Result { () throws(InputError) -> [Node] in
        try parse(raw, file: file)
      }
    }
    return try result.get()
  }

  /// The single document of the stream; an empty stream is an error.
  public func parseDocument(_ data: Data, file: String) throws(InputError) -> Node {
    let documents = try parseDocuments(data, file: file)
    guard let first = documents.first else {
      throw InputError("expected a YAML document, the file is empty", at: SourceLocation(file: file, line: 1))
    }
    guard documents.count == 1 else {
      throw InputError(
        "expected one YAML document, found \(documents.count)", at: SourceLocation(file: file, line: documents[1].line))
    }
    return first
  }

  private func parse(_ raw: UnsafeRawBufferPointer, file: String) throws(InputError) -> [Node] {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { throw InputError("cannot initialise the YAML parser", at: SourceLocation(file: file)) }
    defer { yaml_parser_delete(&parser) }
    let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer<UInt8>(bitPattern: 1)!
    yaml_parser_set_input_string(&parser, base, raw.count)

    var builder = TreeBuilder(file: file, maxAliasNodes: maxAliasNodes, maxDepth: maxDepth)
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(&parser, &event) == 1 else {
        throw Self.parserError(parser, file: file)
      }
      defer { yaml_event_delete(&event) }
      if event.type == YAML_STREAM_END_EVENT { break }
      try builder.consume(event)
    }
    return builder.documents
  }

  private static func parserError(_ parser: yaml_parser_t, file: String) -> InputError {
    let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
    var message = "invalid YAML: \(problem)"
    if let context = parser.context { message += " \(String(cString: context))" }
    let mark = parser.problem_mark
    return InputError(message, at: SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1))
  }
}

/// Turns libyaml events into nodes, with anchors and bounded alias expansion.
private struct TreeBuilder {
  /// A collection being built. A struct mutated in place on the stack, so appending never copies the items.
  private struct Frame {
    var isMapping: Bool
    var items: [Node] = []
    var pairs: [Node.Pair] = []
    var pendingKey: Node?
    var line: Int
    var column: Int
    var anchor: String?
    var size = 1
  }

  let file: String
  let maxAliasNodes: Int
  let maxDepth: Int
  var documents: [Node] = []
  private var stack: [Frame] = []
  private var anchors: [String: (node: Node, size: Int)] = [:]
  private var aliasNodes = 0

  init(file: String, maxAliasNodes: Int, maxDepth: Int) {
    self.file = file
    self.maxAliasNodes = maxAliasNodes
    self.maxDepth = maxDepth
  }

  mutating func consume(_ event: yaml_event_t) throws(InputError) {
    let line = Int(event.start_mark.line) + 1
    let column = Int(event.start_mark.column) + 1
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      anchors = [:]
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      let text = scalar.value.map { ptr in
        String(decoding: UnsafeBufferPointer(start: ptr, count: scalar.length), as: UTF8.self)
      } ?? ""
      let quoted = scalar.style != YAML_PLAIN_SCALAR_STYLE && scalar.style != YAML_ANY_SCALAR_STYLE
      let node = Node(.scalar(.init(text: text, isQuoted: quoted)), line: line, column: column)
      try complete(node, size: 1, anchor: Self.string(scalar.anchor))
    case YAML_ALIAS_EVENT:
      let name = Self.string(event.data.alias.anchor) ?? ""
      guard let anchored = anchors[name] else {
        throw InputError("unknown YAML alias *\(name)", at: SourceLocation(file: file, line: line, column: column))
      }
      aliasNodes += anchored.size
      guard aliasNodes <= maxAliasNodes else {
        throw InputError(
          "YAML aliases expand to more than \(maxAliasNodes) nodes (alias bomb?)",
          at: SourceLocation(file: file, line: line, column: column))
      }
      try complete(anchored.node, size: anchored.size, anchor: nil)
    case YAML_SEQUENCE_START_EVENT:
      try push(Frame(isMapping: false, line: line, column: column, anchor: Self.string(event.data.sequence_start.anchor)))
    case YAML_MAPPING_START_EVENT:
      try push(Frame(isMapping: true, line: line, column: column, anchor: Self.string(event.data.mapping_start.anchor)))
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      guard let frame = stack.popLast() else { return }
      let value: Node.Value = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
      try complete(Node(value, line: frame.line, column: frame.column), size: frame.size, anchor: frame.anchor)
    default:
      break
    }
  }

  private mutating func push(_ frame: Frame) throws(InputError) {
    guard stack.count < maxDepth else {
      throw InputError(
        "YAML nesting deeper than \(maxDepth) levels", at: SourceLocation(file: file, line: frame.line, column: frame.column))
    }
    stack.append(frame)
  }

  private mutating func complete(_ node: Node, size: Int, anchor: String?) throws(InputError) {
    if let anchor { anchors[anchor] = (node, size) }
    guard !stack.isEmpty else {
      documents.append(node)
      return
    }
    let top = stack.count - 1
    stack[top].size += size
    if !stack[top].isMapping {
      stack[top].items.append(node)
    } else if let key = stack[top].pendingKey {
      stack[top].pairs.append(Node.Pair(key: key, value: node))
      stack[top].pendingKey = nil
    } else {
      stack[top].pendingKey = node
    }
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: $0) }
  }
}
