/// The producing tool of an evidence file.
public struct ToolInfo: Codable, Hashable, Sendable {
  public var name: String
  public var version: String?
  public init(name: String, version: String? = nil) {
    self.name = name
    self.version = version
  }
}

/// Where an evidence file came from: relative path, SHA-256, size, detected format, tool and generation date.
public struct Provenance: Codable, Hashable, Sendable {
  public var path: String
  /// The file's SHA-256 in hex; empty when the collector was told not to hash (`inspect`).
  public var sha256: String
  public var bytes: Int
  public var format: FormatID
  public var tool: ToolInfo?
  /// The generation date the file states, as written (ISO 8601 when the tool writes one).
  public var generatedAt: String?

  public init(
    path: String, sha256: String, bytes: Int, format: FormatID, tool: ToolInfo? = nil,
    generatedAt: String? = nil
  ) {
    self.path = path
    self.sha256 = sha256
    self.bytes = bytes
    self.format = format
    self.tool = tool
    self.generatedAt = generatedAt
  }
}

/// A stable identifier of an evidence format, e.g. `trivy-json`, `cobertura-xml`.
public struct FormatID: RawRepresentable, Codable, Hashable, Sendable, Comparable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }
  public init(from decoder: Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }
  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
  public var description: String { rawValue }
  public static func < (lhs: FormatID, rhs: FormatID) -> Bool { lhs.rawValue < rhs.rawValue }
}
