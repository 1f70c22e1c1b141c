/// A declaration file an evaluation read (`homolog.yaml` and the files it names), as it was then: `homolog sign`
/// signs it only while it still has these bytes.
public struct DeclarationFile: Codable, Hashable, Sendable {
  /// Path relative to the project folder (the folder holding `homolog.yaml`), as evidence paths are.
  public var path: String
  public var kind: DeclarationKind
  public var sha256: String
  public var bytes: Int

  public init(path: String, kind: DeclarationKind, sha256: String, bytes: Int) {
    self.path = path
    self.kind = kind
    self.sha256 = sha256
    self.bytes = bytes
  }
}

/// What a declaration file declares.
public enum DeclarationKind: String, Codable, Hashable, Sendable, CaseIterable {
  /// The project file, `homolog.yaml`.
  case project
  /// The attestations file `homolog.yaml` names.
  case attestations
  /// The derogations file `homolog.yaml` names.
  case derogations
  /// The project's own catalogue file `homolog.yaml` names.
  case catalogue
}
