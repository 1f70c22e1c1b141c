import Foundation
import HomologModel
import HomologParsing

/// Turns the bytes of a manifest file (YAML stream or JSON) into located Kubernetes objects.
///
/// Rules, the same as `kubectl apply` and Argo CD: a file is read whole or refused with the file,
/// line and reason. Empty documents (e.g. Helm templates that rendered to nothing) are skipped; a
/// document that is not a mapping, an object without `apiVersion` or `kind`, a key repeated with
/// another value, tabs
/// used as indentation or any YAML syntax error is an `InputError`. `List` kinds are flattened into
/// their items. A rendered Helm document keeps its `# Source:` template. A key repeated with the same
/// value (as `helm template` may write it, and Kubernetes and Argo CD accept) is kept once, with a note
/// on the object (`k8s.manifest.repeated-key`).
public enum ManifestDecoder {
  /// Every object of the stream, in document order.
  public static func decode(_ data: Data, file: String, parser: YAMLParser = YAMLParser()) throws(InputError) -> [KubernetesObject] {
    let json = startsLikeJSON(data)
    let documents: [Node]
    do {
      // JSON allows tabs wherever it allows spaces (and never raw inside strings); libyaml does not.
      documents = try parser.parseDocuments(json ? Data(data.map { $0 == 0x09 ? 0x20 : $0 }) : data, file: file)
    } catch {
      throw explained(error, data: data)
    }
    let comments = json ? nil : HelmSourceComments(scanning: data)
    var objects: [KubernetesObject] = []
    for (index, document) in documents.enumerated() where !document.isNull {
      objects += try decode(
        document: document, number: index + 1, file: file, helmSource: comments?.source(forDocumentAt: document.line))
    }
    return objects
  }

  /// The objects of one parsed document (`number` counts documents from 1), in order: the tree normalized,
  /// `List` kinds flattened, repeated keys noted.
  public static func decode(document: Node, number: Int, file: String, helmSource: String? = nil) throws(InputError) -> [KubernetesObject] {
    let (tree, repeated) = try TreeNormalizer.normalizeReporting(document, file: file)
    var objects: [KubernetesObject] = []
    try append(tree, Context(file: file, document: number, helmSource: helmSource), into: &objects, allowList: true)
    for repetition in repeated { note(repetition, file: file, in: &objects[...]) }
    return objects
  }

  /// A list document read item by item: where its items are found and the kind they inherit.
  struct ListHeader {
    fileprivate var context: Context
    fileprivate var inherited: (apiVersion: String, kind: String)?
  }

  /// The list `header` (a document's `apiVersion`, `kind`… with `items` an empty sequence) opens, or nil
  /// when the document is one object; an error as `decode` would give for that document.
  static func listHeader(_ header: Node, file: String) throws(InputError) -> ListHeader? {
    let context = Context(file: file, document: 1, helmSource: nil)
    guard header.pairs != nil else { return nil }
    let apiVersion = try field("apiVersion", of: header, context, default: nil)
    let kind = try field("kind", of: header, context, default: nil)
    guard header["items"] != nil, kind == "List" || kind.hasSuffix("List") else { return nil }
    return ListHeader(context: context, inherited: kind == "List" ? nil : (apiVersion, String(kind.dropLast("List".count))))
  }

  /// The object of one item of a list (its tree already normalized), appended to `objects`.
  static func appendItem(_ item: Node, of list: ListHeader, into objects: inout [KubernetesObject]) throws(InputError) {
    try append(item, list.context, into: &objects, allowList: false, inherited: list.inherited)
  }

  /// The object of a list item that names its own `apiVersion` and `kind`, as any list would make it; nil when
  /// the item needs what its list gives or would be refused (the list's kind decides then).
  static func ownObject(_ item: Node, file: String) -> KubernetesObject? {
    var objects: [KubernetesObject] = []
    do {
      try append(item, Context(file: file, document: 1, helmSource: nil), into: &objects, allowList: false)
    } catch {
      return nil
    }
    return objects.first
  }

  /// Notes a repeated key on the object of the document that declares it (the last one starting before it).
  static func note(_ repetition: TreeNormalizer.RepeatedKey, file: String, in objects: inout ArraySlice<KubernetesObject>) {
    guard let index = objects.indices.last(where: { objects[$0].line <= repetition.line }) ?? objects.indices.first else { return }
    let object = objects[index]
    objects[index].notes.append(
      Observation(
        Message(
          "k8s.manifest.repeated-key",
          [MessageArg("object", object.displayName), MessageArg("key", repetition.key), MessageArg("first", "\(repetition.firstLine)")]),
        problem: false, evidence: file, location: SourceLocation(file: file, line: repetition.line, column: repetition.column),
        object: object.ref()))
  }

  fileprivate struct Context {
    var file: String
    var document: Int
    var helmSource: String?
    func at(_ node: Node) -> SourceLocation { SourceLocation(file: file, line: node.line, column: node.column) }
  }

  private static func append(
    _ node: Node, _ context: Context, into objects: inout [KubernetesObject], allowList: Bool,
    inherited: (apiVersion: String, kind: String)? = nil
  ) throws(InputError) {
    guard node.pairs != nil else {
      throw InputError(
        "document \(context.document) is a \(node.kindName), expected a Kubernetes object (a mapping with apiVersion and kind)",
        at: context.at(node))
    }
    let apiVersion = try field("apiVersion", of: node, context, default: inherited?.apiVersion)
    let kind = try field("kind", of: node, context, default: inherited?.kind)
    if allowList, let items = node["items"], kind == "List" || (kind.hasSuffix("List") && items.items != nil) {
      guard let list = items.items else {
        throw InputError("\"items\" of a \(kind) must be a sequence, found a \(items.kindName)", at: context.at(items))
      }
      let itemKind = kind == "List" ? nil : (apiVersion, String(kind.dropLast("List".count)))
      for item in list { try append(item, context, into: &objects, allowList: false, inherited: itemKind) }
      return
    }
    let metadata = node["metadata"]
    if let metadata, metadata.pairs == nil, !metadata.isNull {
      throw InputError("\"metadata\" of a \(kind) must be a mapping, found a \(metadata.kindName)", at: context.at(metadata))
    }
    let name = metadata?["name"]?.string ?? metadata?["generateName"]?.string ?? ""
    objects.append(
      KubernetesObject(
        apiVersion: apiVersion, kind: kind, name: name, namespace: metadata?["namespace"]?.string, file: context.file,
        line: node.line, helmSource: context.helmSource, body: node))
  }

  private static func field(_ key: String, of node: Node, _ context: Context, default fallback: String?) throws(InputError) -> String {
    if let value = node[key] {
      guard let text = value.string, !text.isEmpty, value.pairs == nil, value.items == nil else {
        throw InputError(
          "\"\(key)\" must be a non-empty string, found \(value.isNull ? "null" : "a \(value.kindName)")", at: context.at(value))
      }
      return text
    }
    if let fallback { return fallback }
    throw InputError(
      "document \(context.document) has no \"\(key)\": a Kubernetes object needs apiVersion and kind", at: context.at(node))
  }

  /// A YAML syntax error with a hint when the cause is a common one (tab indentation, unrendered Helm template).
  private static func explained(_ error: InputError, data: Data) -> InputError {
    guard let line = error.location?.line, let text = lineText(data, line) else { return error }
    var copy = error
    let indentation = text.prefix { $0 == " " || $0 == "\t" }
    let nearby = (max(1, line - 2)...line).compactMap { lineText(data, $0) }
    if indentation.contains("\t") {
      copy.message += " (line \(line) is indented with a tab: YAML allows only spaces for indentation)"
    } else if nearby.contains(where: { $0.contains("{{") }) {
      copy.message += " (this looks like an unrendered Helm template: give the output of `helm template` as evidence)"
    }
    return copy
  }

  private static func lineText(_ data: Data, _ line: Int) -> String? {
    var current = 1
    var start = data.startIndex
    while current < line {
      guard let newline = data[start...].firstIndex(of: 0x0A) else { return nil }
      start = data.index(after: newline)
      current += 1
    }
    let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
    return String(decoding: data[start..<end], as: UTF8.self)
  }

  private static func startsLikeJSON(_ data: Data) -> Bool {
    var bytes = data.prefix(4096)[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    let first = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
  }
}
