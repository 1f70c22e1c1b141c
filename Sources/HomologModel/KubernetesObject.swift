/// One Kubernetes object from a manifest, with where it was declared.
public struct KubernetesObject: Hashable, Sendable {
  public var apiVersion: String
  public var kind: String
  public var name: String
  public var namespace: String?
  /// Relative path of the manifest file.
  public var file: String
  /// 1-based line of the object's first key in that file.
  public var line: Int
  /// The `# Source: chart/templates/x.yaml` comment of rendered Helm output, when present.
  public var helmSource: String?
  /// The whole object, with a line for every node.
  public var body: Node
  /// What the reader noticed while decoding it and accepted (e.g. a key repeated with the same value), never problems.
  public var notes: [Observation] = []

  public init(
    apiVersion: String, kind: String, name: String, namespace: String?, file: String, line: Int,
    helmSource: String?, body: Node
  ) {
    self.apiVersion = apiVersion
    self.kind = kind
    self.name = name
    self.namespace = namespace
    self.file = file
    self.line = line
    self.helmSource = helmSource
    self.body = body
  }
}
