/// Why no reader took a file (a closed set, localized when rendered), or a free text: a reader's
/// diagnostic for an unreadable file, or the plain-string reason of a dossier written before the codes.
public enum IgnoreReason: Hashable, Sendable {
  /// The file holds no byte.
  case empty
  /// XML whose root element no reader knows.
  case unknownXML(root: String)
  /// A JSON document no reader recognises.
  case unknownJSON
  /// Neither XML nor JSON any reader recognises.
  case unknownContent
  /// Cluster reports a reader recognised and left out because the platform, not the project, owns what they judge
  /// (nodes, the control plane, cluster-scoped objects): `count` reports (Trivy Operator) or results (PolicyReports).
  case platformReports(kind: String, count: Int)
  /// Free text, shown as is.
  case text(String)

  /// The code written to `dossier.json`; `nil` for free text.
  public var code: String? {
    switch self {
    case .empty: "empty"
    case .unknownXML: "unknown-xml"
    case .unknownJSON: "unknown-json"
    case .unknownContent: "unknown-content"
    case .platformReports: "platform-reports"
    case .text: nil
    }
  }

  /// True when no reader recognised the file (what `--strict` refuses); false for reports the platform owns, left out.
  public var isUnrecognised: Bool {
    if case .platformReports = self { return false }
    return true
  }

  /// The reason as a message of the translation tables (`ignored.<code>`; free text under `ignored.text`).
  public var message: Message {
    switch self {
    case .unknownXML(let root): Message("ignored.unknown-xml", [MessageArg("root", root)])
    case .text(let text): Message("ignored.text", [MessageArg("text", text)])
    case .platformReports(let kind, let count):
      Message("ignored.platform-reports", [MessageArg("kind", kind), .number("count", Double(count), decimals: 0)])
    default: Message("ignored.\(code ?? "")")
    }
  }
}

extension IgnoreReason: Codable {
  private enum CodingKeys: String, CodingKey { case code, root, kind, count }

  /// A code object (`{"code": "unknown-xml", "root": "project"}`), or a plain string for free text.
  public init(from decoder: any Decoder) throws {
    if let text = try? decoder.singleValueContainer().decode(String.self) {
      self = .text(text)
      return
    }
    let container = try decoder.container(keyedBy: CodingKeys.self)
    switch try container.decode(String.self, forKey: .code) {
    case "empty": self = .empty
    case "unknown-xml": self = .unknownXML(root: try container.decode(String.self, forKey: .root))
    case "unknown-json": self = .unknownJSON
    case "unknown-content": self = .unknownContent
    case "platform-reports":
      self = .platformReports(kind: try container.decode(String.self, forKey: .kind), count: try container.decode(Int.self, forKey: .count))
    case let other: self = .text(other)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    guard let code else {
      guard case .text(let text) = self else { return }
      var container = encoder.singleValueContainer()
      try container.encode(text)
      return
    }
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(code, forKey: .code)
    if case .unknownXML(let root) = self { try container.encode(root, forKey: .root) }
    if case .platformReports(let kind, let count) = self {
      try container.encode(kind, forKey: .kind)
      try container.encode(count, forKey: .count)
    }
  }
}
