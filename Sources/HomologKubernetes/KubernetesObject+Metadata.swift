import HomologModel

extension KubernetesObject {
  /// The object's `metadata.labels`.
  public var labels: [String: String] { Labels.of(body["metadata"]?["labels"]) }

  /// The object's `metadata.annotations`.
  public var annotations: [String: String] { Labels.of(body["metadata"]?["annotations"]) }

  /// The object's `spec`, when present.
  public var spec: Node? { body["spec"] }

  /// `Kind/name`, or `Kind/namespace/name` when the manifest states a namespace.
  public var displayName: String {
    let shown = name.isEmpty ? "(unnamed)" : name
    if let namespace { return "\(kind)/\(namespace)/\(shown)" }
    return "\(kind)/\(shown)"
  }

  /// A reference to the object (and optionally one of its containers) for observations.
  public func ref(container: String? = nil) -> ObjectRef {
    ObjectRef(kind: kind, namespace: namespace, name: name, container: container, helmSource: helmSource)
  }

  /// The location of a node of this object.
  public func location(of node: Node?) -> SourceLocation {
    SourceLocation(file: file, line: node?.line ?? line, column: node?.column)
  }

  /// True for an object of this kind in an API group (e.g. `argoproj.io`), any version.
  public func isKind(_ kind: String, group: String) -> Bool {
    self.kind == kind && apiVersion.hasPrefix(group + "/")
  }
}

extension KubernetesObject {
  /// Helm hook types that mark a chart's tests, run by `helm test` only.
  static let helmTestHooks: Set<String> = ["test", "test-success", "test-failure"]

  /// True for a Helm test hook (`helm.sh/hook` lists `test`, `test-success` or `test-failure`): Argo CD never deploys it.
  public var isHelmTestHook: Bool {
    guard let hooks = annotations["helm.sh/hook"] else { return false }
    return hooks.split(separator: ",").contains { Self.helmTestHooks.contains($0.trimmingCharacters(in: .whitespaces).lowercased()) }
  }
}
