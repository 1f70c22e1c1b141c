import Foundation
import HomologModel
import HomologParsing

/// SPDX 2.x JSON SBOM: recognised (so it is listed as evidence, not ignored) with its producing
/// tool (`creationInfo.creators`, `Tool: name-version`) and date; an SBOM states no finding.
public enum SPDXJSONReader: EvidenceReader {
  public static let format: FormatID = "spdx-json"
  public static let formatName = "SPDX JSON"

  public static func sniff(_ head: FileHead) -> Bool {
    head.isJSONObject && head.hasJSONKey("spdxVersion") && head.hasJSONKey("SPDXID")
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let stream = SPDXStream()
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    guard stream.root == .object else {
      throw InputError("expected an SPDX document (an object), found an array", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    guard stream.sawVersion else {
      throw InputError("missing required key \"spdxVersion\"", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    let creator = stream.creationInfo?.creators?.first { $0.hasPrefix("Tool:") }
    return ReadResult(tool: creator.map(tool), generatedAt: stream.creationInfo?.created)
  }

  /// `Tool: syft-1.50.0` → syft 1.50.0, `Tool: trivy-dev` → trivy dev; a name without version stays whole.
  static func tool(_ creator: String) -> ToolInfo {
    let text = creator.dropFirst("Tool:".count).trimmingCharacters(in: .whitespaces)
    guard let dash = text.lastIndex(of: "-") else { return ToolInfo(name: text) }
    let version = text[text.index(after: dash)...]
    let looksLikeVersion = version.first?.isNumber == true || version == "dev"
      || (version.first == "v" && version.dropFirst().first?.isNumber == true)
    guard looksLikeVersion else { return ToolInfo(name: text) }
    return ToolInfo(name: String(text[..<dash]), version: String(version))
  }
}

/// `spdxVersion` and `creationInfo` only: packages, files and relationships are passed over unread.
private final class SPDXStream: JSONTopLevelStream {
  var sawVersion = false
  var creationInfo: SPDXCreationInfo?

  override func wantsMember(in stream: JSONStream) -> Bool { stream.isKey("creationInfo") }

  override func member(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    creationInfo = try JSONValueDecoder.decode(SPDXCreationInfo.self, from: value, in: stream)
  }

  override func scalarMember(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    if stream.isKey("spdxVersion") {
      guard case .string = value else { throw stream.error("expected a string, found \(value.typeName)") }
      sawVersion = true
    } else if stream.isKey("creationInfo"), value.typeName != "null" {
      throw stream.error("expected an object, found \(value.typeName)")
    }
  }
}

// Minimal Codable shape: only the fields homolog uses.
private struct SPDXCreationInfo: Decodable {
  var creators: [String]?
  var created: String?
}
