import Foundation
import HomologModel
import HomologParsing

/// Kubernetes objects of a JSON manifest read through the JSON stream: located `Node` trees built
/// from the stream's events (lines and columns as libyaml gives them), then `ManifestDecoder`'s rules.
///
/// The items of a top-level `items` array are built, normalized and made objects one at a time, so the
/// document is never held whole: when the list's `apiVersion` and `kind` come first, with what the list
/// gives them; when `kind` comes after `items` (as `kubectl get -o json` writes a `List`), an item naming
/// its own `apiVersion` and `kind` is made an object at once and kept if the top level turns out to be a
/// list (else the document is one object and its items are restored into it); only an item that needs the
/// list's kind waits for it. A second top-level `items` key is read as Kubernetes' decoder reads a repeated
/// key (`TreeNormalizer`): kept once and noted when it holds the same items, refused at that key otherwise.
public final class JSONManifestStream: JSONStreamHandler {
  /// One open container: where it starts, the key it is read under and what it holds so far.
  private struct Open {
    var isObject: Bool
    var line: Int
    var column: Int
    var key: Node?
    var pairs: [Node.Pair] = []
    var items: [Node] = []
    /// An `items` array of the top-level object: its elements are read one at a time.
    var holdsListItems = false
    /// A repeated top-level `items` array, compared item by item with the first `items` value.
    var repeating: Repetition?
  }

  /// A top-level `items` key seen again, and what it is compared with.
  private struct Repetition {
    /// The first `items` value when it was not an array read item by item (normalized).
    var first: Node?
    var firstLine: Int
    var count = 0
    var differs = false
  }

  /// An item of the first top-level `items` array read before the list's kind: its object when it names its
  /// own kind, else its tree with the keys repeated in it, until the list's kind is known.
  private enum Held {
    case object(KubernetesObject)
    case tree(Node, [TreeNormalizer.RepeatedKey])
  }

  private let file: String
  private var open: [Open] = []
  private var document: Node?
  /// The list being read, once its `apiVersion` and `kind` are known before its items.
  private var list: ManifestDecoder.ListHeader?
  /// Where the top-level `items` arrays stand in the document's pairs (as empty sequences).
  private var itemsPairs: [Int] = []
  private var held: [Held] = []
  private var repeatedInItems: [TreeNormalizer.RepeatedKey] = []
  private var objects: [KubernetesObject] = []
  /// How many list items waited as trees for the list's kind (for tests: none when items name their own kind).
  private(set) var itemsWaited = 0

  private init(file: String) { self.file = file }

  /// The objects of a JSON manifest file, streamed.
  public static func objects(in url: URL, displayPath: String) throws(InputError) -> [KubernetesObject] {
    let stream = JSONManifestStream(file: displayPath)
    try JSONStreamParser.parse(file: url, displayPath: displayPath, handler: stream)
    return try stream.finish()
  }

  /// The objects of JSON manifest bytes already in memory.
  public static func objects(in data: Data, file: String) throws(InputError) -> [KubernetesObject] {
    try objectsAndWaiting(in: data, file: file).objects
  }

  /// The objects, and how many list items waited as trees for the list's kind.
  static func objectsAndWaiting(in data: Data, file: String) throws(InputError) -> (objects: [KubernetesObject], waiting: Int) {
    let stream = JSONManifestStream(file: file)
    try JSONStreamParser.parse(data: data, displayPath: file, handler: stream)
    return (try stream.finish(), stream.itemsWaited)
  }

  public func begin(_ container: JSONContainer, in stream: JSONStream) throws(InputError) -> JSONStreamAction {
    stream.recordsKeyPositions = true
    let start = stream.valueStart(nil)
    var frame = Open(isObject: container == .object, line: start.line, column: start.column, key: key(in: stream))
    if open.count == 1, let top = open.first, top.isObject, container == .array, stream.isKey("items") {
      frame.holdsListItems = true
      if let firstIndex = top.pairs.firstIndex(where: { $0.key.string == "items" }) {
        let first = top.pairs[firstIndex]
        let listItems = itemsPairs.first == firstIndex
        frame.repeating = Repetition(
          first: listItems ? nil : try TreeNormalizer.normalize(first.value, file: file), firstLine: first.key.line)
      } else if list == nil, top.pairs.contains(where: { $0.key.string == "apiVersion" }), top.pairs.contains(where: { $0.key.string == "kind" }) {
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
    if frame.holdsListItems {
      // The items are read already: the array stands as an empty sequence in the document.
      if let repetition = frame.repeating, repetition.differs || repetition.count != firstItemCount(repetition) {
        try refuseRepeatedItems(frame.key!, repetition)
      }
      // The first array and its identical repetitions, restored if the document turns out not to be a list.
      itemsPairs.append(open[0].pairs.count)
      try complete(Node(.sequence([]), line: frame.line, column: frame.column), key: frame.key)
      return
    }
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
      try read(item: node, in: &open[last])
    } else if open[last].isObject, let key {
      open[last].pairs.append(Node.Pair(key: key, value: node))
    } else {
      open[last].items.append(node)
    }
  }

  /// One item of a top-level `items` array, normalized: an object, a held item, or compared with the first array's.
  private func read(item node: Node, in frame: inout Open) throws(InputError) {
    let (tree, repeated) = try TreeNormalizer.normalizeReporting(node, file: file)
    if var repetition = frame.repeating {
      if !repetition.differs {
        let first = firstItem(repetition.count, of: repetition)
        repetition.differs = first.map { !TreeNormalizer.sameMeaning($0, tree) } ?? true
      }
      repetition.count += 1
      frame.repeating = repetition
    } else if let list {
      let first = objects.count
      try ManifestDecoder.appendItem(tree, of: list, into: &objects)
      for repetition in repeated { ManifestDecoder.note(repetition, file: file, in: &objects[first...]) }
    } else {
      repeatedInItems += repeated
      if let object = ManifestDecoder.ownObject(tree, file: file) {
        var made = [object]
        for repetition in repeated { ManifestDecoder.note(repetition, file: file, in: &made[...]) }
        held.append(.object(made[0]))
      } else {
        held.append(.tree(tree, repeated))
        itemsWaited += 1
      }
    }
  }

  /// The item at `index` of the first `items` value a repetition is compared with, or nil past its end.
  private func firstItem(_ index: Int, of repetition: Repetition) -> Node? {
    if let first = repetition.first { return first.items.flatMap { index < $0.count ? $0[index] : nil } }
    if list != nil { return index < objects.count ? objects[index].body : nil }
    guard index < held.count else { return nil }
    switch held[index] {
    case .object(let object): return object.body
    case .tree(let tree, _): return tree
    }
  }

  private func firstItemCount(_ repetition: Repetition) -> Int {
    if let first = repetition.first { return first.items?.count ?? -1 }
    return list != nil ? objects.count : held.count
  }

  /// Refuses a top-level `items` repeated with other items, as `TreeNormalizer` refuses the whole document:
  /// after the top-level keys before it, which the document's normalization would check first.
  private func refuseRepeatedItems(_ key: Node, _ repetition: Repetition) throws(InputError) {
    let top = open[0]
    _ = try TreeNormalizer.normalize(Node(.mapping(top.pairs), line: top.line, column: top.column), file: file)
    throw TreeNormalizer.repeatedWithAnotherValue(key, firstLine: repetition.firstLine, file: file)
  }

  /// The objects, once the document is read.
  private func finish() throws(InputError) -> [KubernetesObject] {
    guard let document, !document.isNull else { return [] }
    guard !itemsPairs.isEmpty else { return try ManifestDecoder.decode(document: document, number: 1, file: file) }
    // The list's own keys, its items standing as empty sequences: checked, their repetitions noted on the objects.
    let (header, repeated) = try TreeNormalizer.normalizeReporting(document, file: file)
    if list == nil {
      guard let found = try ManifestDecoder.listHeader(header, file: file) else { return try decodeWithItems(document) }
      // `kind` came after `items`: the held items are the list's.
      for item in held {
        switch item {
        case .object(let object): objects.append(object)
        case .tree(let tree, let repeatedInTree):
          let first = objects.count
          try ManifestDecoder.appendItem(tree, of: found, into: &objects)
          for repetition in repeatedInTree { ManifestDecoder.note(repetition, file: file, in: &objects[first...]) }
        }
      }
      held = []
    }
    for repetition in repeated { ManifestDecoder.note(repetition, file: file, in: &objects[...]) }
    return objects
  }

  /// A top-level object that is not a list: decoded whole, its `items` arrays restored from the held items.
  private func decodeWithItems(_ document: Node) throws(InputError) -> [KubernetesObject] {
    guard var pairs = document.pairs else { return [] }
    let items = held.map { item -> Node in
      switch item {
      case .object(let object): return object.body
      case .tree(let tree, _): return tree
      }
    }
    held = []
    for index in itemsPairs {
      let placeholder = pairs[index].value
      pairs[index].value = Node(.sequence(items), line: placeholder.line, column: placeholder.column)
    }
    var objects = try ManifestDecoder.decode(
      document: Node(.mapping(pairs), line: document.line, column: document.column), number: 1, file: file)
    for repetition in repeatedInItems { ManifestDecoder.note(repetition, file: file, in: &objects[...]) }
    return objects
  }
}
