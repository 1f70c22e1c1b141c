import Foundation
import HomologModel
import HomologParsing

/// Kubernetes objects of a JSON manifest read through the JSON stream: located `Node` trees built
/// from the stream's events (lines and columns as libyaml gives them), then `ManifestDecoder`'s rules.
/// The items of a `List` are built and normalized one at a time; each becomes an object at once when
/// the list's `apiVersion` and `kind` come before `items`, at the end of the list otherwise (as
/// `kubectl get -o json` writes `kind` after `items`: only then is it known what the items inherit).
public final class JSONManifestStream: JSONStreamHandler {
  /// One open container: where it starts, the key it is read under and what it holds so far.
  private struct Open {
    var isObject: Bool
    var line: Int
    var column: Int
    var key: Node?
    var pairs: [Node.Pair] = []
    var items: [Node] = []
    /// The `items` array of the top-level object: its elements are read one at a time.
    var holdsListItems = false
  }

  private let file: String
  private var open: [Open] = []
  private var document: Node?
  /// The list being read, once its `apiVersion` and `kind` are known.
  private var list: ManifestDecoder.ListHeader?
  private var repeatedInItems: [TreeNormalizer.RepeatedKey] = []
  private var objects: [KubernetesObject] = []

  private init(file: String) { self.file = file }

  /// The objects of a JSON manifest file, streamed.
  public static func objects(in url: URL, displayPath: String) throws(InputError) -> [KubernetesObject] {
    let stream = JSONManifestStream(file: displayPath)
    try JSONStreamParser.parse(file: url, displayPath: displayPath, handler: stream)
    return try stream.finish()
  }

  /// The objects of JSON manifest bytes already in memory.
  public static func objects(in data: Data, file: String) throws(InputError) -> [KubernetesObject] {
    let stream = JSONManifestStream(file: file)
    try JSONStreamParser.parse(data: data, displayPath: file, handler: stream)
    return try stream.finish()
  }

  public func begin(_ container: JSONContainer, in stream: JSONStream) throws(InputError) -> JSONStreamAction {
    stream.recordsKeyPositions = true
    let start = stream.valueStart(nil)
    var frame = Open(isObject: container == .object, line: start.line, column: start.column, key: key(in: stream))
    if open.count == 1, let top = open.first, top.isObject, container == .array, stream.isKey("items") {
      frame.holdsListItems = true
      if list == nil, top.pairs.contains(where: { $0.key.string == "apiVersion" }), top.pairs.contains(where: { $0.key.string == "kind" }) {
        let header = Node(.mapping(top.pairs + [Node.Pair(key: frame.key!, value: Node(.sequence([]), line: start.line, column: start.column))]),
          line: top.line, column: top.column)
        list = try ManifestDecoder.listHeader(header, file: file)
      }
    }
    open.append(frame)
    return .enter
  }

  public func end(_ container: JSONContainer, in stream: JSONStream) throws(InputError) {
    guard let frame = open.popLast() else { return }
    let value: Node.Value = frame.isObject ? .mapping(frame.pairs) : .sequence(frame.items)
    try complete(Node(value, line: frame.line, column: frame.column), key: frame.key)
  }

  public func scalar(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    let start = stream.valueStart(value)
    let scalar: Node.Scalar
    switch value {
    case .string: scalar = Node.Scalar(text: value.text ?? "", isQuoted: true)
    case .null: scalar = Node.Scalar(text: "null")
    default: scalar = Node.Scalar(text: value.text ?? "")
    }
    try complete(Node(.scalar(scalar), line: start.line, column: start.column), key: key(in: stream))
  }

  /// The key of the value the stream is at, as a located node (nil outside an object).
  private func key(in stream: JSONStream) -> Node? {
    guard open.last?.isObject == true, let text = stream.key else { return nil }
    return Node(.scalar(Node.Scalar(text: text, isQuoted: true)), line: stream.keyLine, column: stream.keyColumn)
  }

  /// Places a finished value in its container, or reads it as a list item.
  private func complete(_ node: Node, key: Node?) throws(InputError) {
    let last = open.count - 1
    guard last >= 0 else {
      document = node
      return
    }
    if open[last].holdsListItems {
      let (tree, repeated) = try TreeNormalizer.normalizeReporting(node, file: file)
      if let list {
        let first = objects.count
        try ManifestDecoder.appendItem(tree, of: list, into: &objects)
        for repetition in repeated { ManifestDecoder.note(repetition, file: file, in: &objects[first...]) }
      } else {
        open[last].items.append(tree)
        repeatedInItems += repeated
      }
    } else if open[last].isObject, let key {
      open[last].pairs.append(Node.Pair(key: key, value: node))
    } else {
      open[last].items.append(node)
    }
  }

  /// The objects, once the document is read.
  private func finish() throws(InputError) -> [KubernetesObject] {
    guard let document, !document.isNull else { return [] }
    if list != nil {
      // The items are objects already; the list's own keys are still checked and their repetitions noted.
      let (_, repeated) = try TreeNormalizer.normalizeReporting(document, file: file)
      for repetition in repeated { ManifestDecoder.note(repetition, file: file, in: &objects[...]) }
      return objects
    }
    var objects = try ManifestDecoder.decode(document: document, number: 1, file: file)
    for repetition in repeatedInItems { ManifestDecoder.note(repetition, file: file, in: &objects[...]) }
    return objects
  }
}
