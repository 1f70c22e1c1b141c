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
    let data = try FileInput.readWhole(input.url, displayPath: input.path)
    let document = try JSONInput.decode(SPDXDocument.self, from: data, file: input.path)
    let creator = document.creationInfo?.creators?.first { $0.hasPrefix("Tool:") }
    return ReadResult(tool: creator.map(tool), generatedAt: document.creationInfo?.created)
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

// Minimal Codable shape: only the fields homolog uses.
private struct SPDXDocument: Decodable {
  struct CreationInfo: Decodable {
    var creators: [String]?
    var created: String?
  }
  var spdxVersion: String
  var creationInfo: CreationInfo?
}
