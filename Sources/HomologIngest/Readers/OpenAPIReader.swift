import Foundation
import HomologModel
import HomologParsing

/// OpenAPI 3.x and Swagger 2.0 documents, YAML or JSON, recognised by their top-level `openapi:` or
/// `swagger:` key: spec version, title, path count and structural problems.
///
/// A document with problems is read, not refused: the problems are the evidence (missing
/// `info.title`/`info.version`, missing `paths`, path keys not starting with `/`, operations
/// without `responses`, path parameters not required or not declared, duplicate `operationId`s).
/// Only a file that cannot be parsed, or whose top level is not a mapping, is an error.
public enum OpenAPIReader: EvidenceReader {
  public static let format: FormatID = "openapi"
  public static let formatName = "OpenAPI / Swagger"

  public static func sniff(_ head: FileHead) -> Bool {
    if head.isJSONObject {
      return (head.hasJSONKeyWithStringValue("openapi") || head.hasJSONKeyWithStringValue("swagger"))
        && (head.hasJSONKey("info") || head.hasJSONKey("paths"))
    }
    // YAML: the key at column 0 (top level), its value a version number, quoted or not.
    return head.firstLines(200).contains(where: isVersionLine)
  }

  /// `openapi: 3…`, `swagger: "2…` at the start of a line (what `^(openapi|swagger)\s*:\s*["']?[0-9]` matches).
  static func isVersionLine(_ line: Substring) -> Bool {
    var rest: Substring
    if line.hasPrefix("openapi") {
      rest = line.dropFirst(7)
    } else if line.hasPrefix("swagger") {
      rest = line.dropFirst(7)
    } else {
      return false
    }
    rest = rest.drop { $0 == " " || $0 == "\t" }
    guard rest.first == ":" else { return false }
    rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
    if rest.first == "\"" || rest.first == "'" { rest = rest.dropFirst() }
    return rest.first.map { $0.isASCII && $0.isNumber } ?? false
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let data = try FileInput.readWhole(input.url, displayPath: input.path)
    let root = try YAMLParser().parseDocument(data, file: input.path)
    guard root.pairs != nil else {
      throw InputError(
        "expected a mapping at the top of an OpenAPI document, found a \(root.kindName)",
        at: SourceLocation(file: input.path, line: root.line, column: root.column))
    }
    var checker = OpenAPIChecker()
    let description = try checker.describe(root, file: input.path)
    return ReadResult(api: description)
  }
}

/// Walks an OpenAPI or Swagger tree and lists structural problems, each prefixed with its line.
private struct OpenAPIChecker {
  private static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

  private var problems: [String] = []
  private var operationIds: [String: Int] = [:]

  mutating func describe(_ root: Node, file: String) throws(InputError) -> ApiDescription {
    let (family, versionNode): (String, Node)
    if let node = root["openapi"] {
      (family, versionNode) = ("openapi", node)
    } else if let node = root["swagger"] {
      (family, versionNode) = ("swagger", node)
    } else {
      throw InputError("expected an openapi or swagger key at the top level", at: SourceLocation(file: file, line: root.line))
    }
    let version = versionNode.string ?? ""
    let isSwagger = family == "swagger"
    let is31 = !isSwagger && version.hasPrefix("3.1")
    if isSwagger ? version != "2.0" : version.range(of: #"^3\.[01]\.\d+"#, options: .regularExpression) == nil {
      problem(versionNode, "\(family) version \"\(version)\" is not \(isSwagger ? "2.0" : "3.0.x or 3.1.x")")
    }

    var title: String?
    if let info = root["info"] {
      if info.pairs == nil {
        problem(info, "info is not a mapping")
      } else {
        title = info["title"]?.string
        if title?.isEmpty ?? true { problem(info, "missing info.title") }
        if info["version"]?.string?.isEmpty ?? true { problem(info, "missing info.version") }
      }
    } else {
      problem(root, "missing info")
    }

    var pathCount = 0
    if let paths = root["paths"] {
      if let pairs = paths.pairs {
        for pair in pairs {
          let key = pair.key.string ?? ""
          if key.hasPrefix("x-") { continue }
          pathCount += 1
          checkPath(key, pair, requireResponses: !is31)
        }
      } else {
        problem(paths, "paths is not a mapping")
      }
    } else if !(is31 && (root["webhooks"] != nil || root["components"] != nil)) {
      // OpenAPI 3.1 accepts a document of webhooks or components only; 2.0 and 3.0 require paths.
      problem(root, "missing paths")
    }
    return ApiDescription(specVersion: "\(family) \(version)", title: title, pathCount: pathCount, problems: problems)
  }

  private mutating func checkPath(_ key: String, _ pair: Node.Pair, requireResponses: Bool) {
    if !key.hasPrefix("/") { problem(pair.key, "path \"\(key)\" does not start with /") }
    guard pair.value.pairs != nil else {
      problem(pair.value, "path \"\(key)\" is not a mapping")
      return
    }
    let shared = pair.value["parameters"]?.items ?? []
    for method in Self.methods {
      guard let operation = pair.value[method] else { continue }
      let name = "\(method.uppercased()) \(key)"
      guard operation.pairs != nil else {
        problem(operation, "operation \(name) is not a mapping")
        continue
      }
      if let responses = operation["responses"] {
        if responses.pairs?.isEmpty ?? true { problem(responses, "operation \(name) has no response in responses") }
      } else if requireResponses {
        problem(operation, "operation \(name) has no responses")
      }
      if let id = operation["operationId"]?.string {
        if let first = operationIds[id] {
          problem(operation["operationId"]!, "duplicate operationId \"\(id)\" (first at line \(first))")
        } else {
          operationIds[id] = operation["operationId"]!.line
        }
      }
      checkPathParameters(name, template: key, parameters: shared + (operation["parameters"]?.items ?? []), at: operation)
    }
  }

  /// Every `{name}` of the path is declared `in: path`, and every path parameter is `required: true`.
  private mutating func checkPathParameters(_ name: String, template: String, parameters: [Node], at operation: Node) {
    var declared = Set<String>()
    var hasReference = false
    for parameter in parameters {
      if parameter["$ref"] != nil { hasReference = true }
      guard parameter["in"]?.string == "path", let parameterName = parameter["name"]?.string else { continue }
      declared.insert(parameterName)
      if parameter["required"]?.bool != true {
        problem(parameter, "path parameter \"\(parameterName)\" of \(name) is not marked required: true")
      }
    }
    guard !hasReference else { return }  // a referenced parameter may declare the rest
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      let variable = String(rest[rest.index(after: open)..<close])
      if !declared.contains(variable) { problem(operation, "path parameter \"\(variable)\" of \(name) is not declared") }
      rest = rest[rest.index(after: close)...]
    }
  }

  private mutating func problem(_ node: Node, _ message: String) {
    problems.append("line \(node.line): \(message)")
  }
}
