/// An attestation or derogation left out of the evaluation because its requirement id is not in the catalogue in use
/// (`catalogue diff` lists such changes): recorded so the dossier says why the requirement lost its declaration.
public struct StaleDeclaration: Codable, Hashable, Sendable {
  /// Which kind of declaration was left out.
  public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
    case attestation, derogation
  }

  /// The declarations file, relative to the project folder.
  public var file: String
  /// 1-based line of its `requirement:` value, when known.
  public var line: Int?
  public var kind: Kind
  /// The declaration's own id (a derogation's `id`); nil for an attestation.
  public var id: String?
  /// The requirement id it names, absent from the catalogue in use.
  public var requirement: String
  /// The likely id of that requirement in the catalogue in use; nil when none has a similar text (removed).
  public var likely: String?

  public init(file: String, line: Int?, kind: Kind, id: String?, requirement: String, likely: String?) {
    self.file = file
    self.line = line
    self.kind = kind
    self.id = id
    self.requirement = requirement
    self.likely = likely
  }
}
