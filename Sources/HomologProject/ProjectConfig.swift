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
  /// How the proposed homologation decision is made (`decision:`), with its authority, signatories and action plan.
  public var decision = DecisionPolicy()

  /// Where values came from in the project file, for errors located at their line.
  public var sources = ProjectSources()

  /// Every evidence path, components' first.
  public var allEvidencePaths: [URL] { components.flatMap(\.evidence) + evidence }
}

/// Where homolog.yaml declared each path and gate rule.
public struct ProjectSources: Sendable {
  /// Declared paths (evidence, catalogue, attestations, derogations) by their resolved, standardized path.
  public var paths: [String: SourceLocation] = [:]
  /// Each entry of `policy.gate`, in order (empty when the gate is the default).
  public var gate: [SourceLocation] = []
  /// Each entry of `decision.actions`, at its requirement.
  public var actions: [SourceLocation] = []

  /// Where a declared path was written, if it was.
  public func location(of url: URL) -> SourceLocation? { paths[url.standardizedFileURL.path] }
}

extension ProjectConfig {
  /// Refuses an action plan naming a requirement the catalogue does not have, at the line naming it.
  public func checkActions(against catalogue: Catalogue) throws(InputError) {
    try DecisionPolicyLoader.checkActions(decision, locations: sources.actions, catalogue: catalogue)
  }
}
