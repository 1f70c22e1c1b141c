import Foundation
import HomologModel
import HomologParsing

/// One report object a cluster wrote (a Trivy Operator report, a PolicyReport), as a located tree.
struct ClusterReportObject {
  var apiVersion: String
  var kind: String
  /// The whole object.
  var body: Node
  /// 1-based line of the object in its file.
  var line: Int

  /// `metadata.labels[key]`, if set.
  func label(_ key: String) -> String? { body["metadata"]?["labels"]?[key]?.string }
  /// `metadata.namespace`, if set.
  var namespace: String? { body["metadata"]?["namespace"]?.string }
  /// `metadata.name`, if set.
  var name: String? { body["metadata"]?["name"]?.string }
  /// The first owner reference (`kind`, `name`), if any.
  var owner: (kind: String, name: String)? {
    guard let first = body["metadata"]?["ownerReferences"]?.items?.first,
      let kind = first["kind"]?.string, let name = first["name"]?.string
    else { return nil }
    return (kind, name)
  }
}

/// The report objects of a YAML or JSON file, wherever `kubectl` or a dump put them: one object, a multi-document
/// YAML stream, a `List` (or typed `…List`) with `items`, a top-level JSON array, or a JSON object keyed by CRD
/// plural (`vulnerabilityreports.aquasecurity.github.io: [...]`). JSON is streamed, one object built at a time.
enum ClusterReportObjects {
  /// Every object of the file with an `apiVersion` and a `kind`, in file order (others are left out).
  static func read(_ input: InputFile) throws(InputError) -> [ClusterReportObject] {
    let head = try FileInput.readPrefix(input.url, displayPath: input.path, count: 4096)
    let first = String(decoding: head, as: UTF8.self).first { !$0.isWhitespace && $0 != "\u{FEFF}" }
    if first == "{" || first == "[" {
      let stream = ReportObjectStream()
      try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
      return stream.finish()
    }
    let data = try FileInput.readWhole(input.url, displayPath: input.path)
    var objects: [ClusterReportObject] = []
    for document in try YAMLParser().parseDocuments(data, file: input.path) where !document.isNull {
      append(document, into: &objects)
    }
    return objects
  }

  /// Appends an object, or the items of a list (typed lists give their kind to items that lack one).
  static func append(_ node: Node, into objects: inout [ClusterReportObject], inherited: (String, String)? = nil) {
    guard node.pairs != nil else { return }
    let apiVersion = node["apiVersion"]?.string ?? inherited?.0
    let kind = node["kind"]?.string ?? inherited?.1
    if let items = node["items"]?.items, kind == nil || kind == "List" || kind?.hasSuffix("List") == true {
      let itemKind = kind.flatMap { $0 == "List" ? nil : (apiVersion ?? "", String($0.dropLast("List".count))) }
      for item in items { append(item, into: &objects, inherited: itemKind) }
      return
    }
    guard let apiVersion, let kind else { return }
    objects.append(ClusterReportObject(apiVersion: apiVersion, kind: kind, body: node, line: node.line))
  }

  /// A captured JSON value as a tree, every node at `line`/`column` (where the value starts).
  static func node(_ value: JSONValue, line: Int, column: Int) -> Node {
    switch value.kind {
    case .object:
      let pairs = value.members.map { member in
        Node.Pair(
          key: Node(.scalar(Node.Scalar(text: member.key, isQuoted: true)), line: line, column: column),
          value: node(member.value, line: line, column: column))
      }
      return Node(.mapping(pairs), line: line, column: column)
    case .array:
      return Node(.sequence(value.elements.map { node($0, line: line, column: column) }), line: line, column: column)
    case .string:
      return Node(.scalar(Node.Scalar(text: value.scalarText ?? "", isQuoted: true)), line: line, column: column)
    case .number:
      return Node(.scalar(Node.Scalar(text: value.scalarText ?? "")), line: line, column: column)
    case .bool:
      return Node(.scalar(Node.Scalar(text: value.boolValue == true ? "true" : "false")), line: line, column: column)
    case .null:
      return Node(.scalar(Node.Scalar(text: "null")), line: line, column: column)
    }
  }
}

/// Streams a JSON file of report objects: each element of a top-level array, of `items`, or of a CRD-keyed array is
/// built on its own; the members of a top-level object are kept (it is the object when it holds no list).
private final class ReportObjectStream: JSONStreamHandler {
  private var rootIsArray = false
  private var topPairs: [Node.Pair] = []
  private var objects: [ClusterReportObject] = []
  private var sawList = false
  private var start = (line: 1, column: 1)

  func begin(_ container: JSONContainer, in stream: JSONStream) throws(InputError) -> JSONStreamAction {
    stream.recordsKeyPositions = true
    switch stream.depth {
    case 0:
      rootIsArray = container == .array
      return .enter
    case 1 where !rootIsArray:
      if container == .array, let key = stream.key, key == "items" || key.hasSuffix(".aquasecurity.github.io") {
        sawList = true
        return .enter
      }
      start = stream.valueStart(nil)
      return .capture
    default:
      start = stream.valueStart(nil)
      return .capture
    }
  }

  func scalar(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    guard stream.depth == 1, !rootIsArray, let key = stream.key else { return }
    let start = stream.valueStart(value)
    let scalar: Node.Scalar
    switch value {
    case .string(let bytes): scalar = Node.Scalar(text: String(decoding: bytes, as: UTF8.self), isQuoted: true)
    case .null: scalar = Node.Scalar(text: "null")
    default: scalar = Node.Scalar(text: value.text ?? "")
    }
    topPairs.append(
      Node.Pair(
        key: Node(.scalar(Node.Scalar(text: key, isQuoted: true)), line: start.line, column: start.column),
        value: Node(.scalar(scalar), line: start.line, column: start.column)))
  }

  func captured(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    let node = ClusterReportObjects.node(value, line: start.line, column: start.column)
    if stream.depth == 1 && !rootIsArray, let key = stream.key {
      topPairs.append(Node.Pair(key: Node(.scalar(Node.Scalar(text: key, isQuoted: true)), line: start.line, column: start.column), value: node))
    } else {
      ClusterReportObjects.append(node, into: &objects)
    }
  }

  func finish() -> [ClusterReportObject] {
    if !rootIsArray && !sawList {
      ClusterReportObjects.append(Node(.mapping(topPairs), line: 1, column: 1), into: &objects)
    }
    return objects
  }
}
