import HomologModel

/// A component of the project with the ids of the evidence files that belong to it.
public struct ComponentEvidence: Sendable, Hashable {
  public var name: String
  public var role: ComponentRole
  /// Relative paths of the evidence files attributed to this component.
  public var files: [String]
  public init(name: String, role: ComponentRole, files: [String]) {
    self.name = name
    self.role = role
    self.files = files
  }
}

/// Everything checks may read: normalized evidence, the components, the policy and the context.
public struct EvidenceSet: Sendable {
  public var files: [EvidenceFile]
  public var components: [ComponentEvidence]
  public var policy: Policy
  public var context: ProjectContext
  /// The evaluation date (`--as-of`): checks that depend on time judge at this day. 1970-01-01 when not given,
  /// where `image.base-supported` concludes nothing (every release is later).
  public var asOf: Day
  private let index: [String: Int]

  public init(
    files: [EvidenceFile], components: [ComponentEvidence] = [], policy: Policy = Policy(),
    context: ProjectContext = ProjectContext(), asOf: Day = Day(ordinal: 0)
  ) {
    self.files = files
    self.components = components
    self.policy = policy
    self.context = context
    self.asOf = asOf
    var index: [String: Int] = [:]
    for (position, file) in files.enumerated() { index[file.id] = position }
    self.index = index
  }

  /// The evidence file with this id (relative path).
  public func file(_ id: String) -> EvidenceFile? { index[id].map { files[$0] } }

  /// The evidence files of a component.
  public func files(of component: ComponentEvidence) -> [EvidenceFile] { component.files.compactMap(file) }

  /// Components of one role.
  public func components(_ role: ComponentRole) -> [ComponentEvidence] { components.filter { $0.role == role } }

  /// Every Kubernetes object of every manifest, in file order.
  public var kubernetesObjects: [KubernetesObject] { files.flatMap(\.kubernetes) }
}
