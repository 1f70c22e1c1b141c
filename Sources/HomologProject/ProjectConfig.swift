import Foundation
import HomologModel

/// A component declared in homolog.yaml: its name, role and the evidence paths that belong to it.
public struct ComponentConfig: Sendable, Hashable {
  public var name: String
  public var role: ComponentRole
  /// Files or folders, resolved against the configuration file's folder.
  public var evidence: [URL]
}

/// homolog.yaml, loaded and validated.
public struct ProjectConfig: Sendable {
  /// The configuration file itself.
  public var file: URL
  /// The folder paths are resolved against (the configuration file's folder).
  public var baseDirectory: URL
  public var name: String
  public var version: String?
  public var organisation: String?
  public var context: ProjectContext
  /// A catalogue file; nil means the built-in CCT catalogue.
  public var catalogue: URL?
  public var components: [ComponentConfig]
  /// Evidence shared by the whole project (not tied to a component).
  public var evidence: [URL]
  public var attestations: URL?
  public var derogations: URL?
  public var policy: Policy
  /// Gate rules (`eliminatory`, `regression`, `score<80`…); default `eliminatory`.
  public var gate: [String]

  /// Every evidence path, components' first.
  public var allEvidencePaths: [URL] { components.flatMap(\.evidence) + evidence }
}
