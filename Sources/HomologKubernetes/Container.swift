import HomologModel

/// Where a container is declared in its pod spec.
public enum ContainerKind: String, Sendable, Hashable, CaseIterable {
  /// `spec.containers`: the application's own processes.
  case regular = "containers"
  /// `spec.initContainers`: run to completion before the others (or sidecars with `restartPolicy: Always`).
  case initContainer = "initContainers"
  /// `spec.ephemeralContainers`: debugging containers added to a running pod.
  case ephemeral = "ephemeralContainers"
}

/// One container of a pod template, with the node it was declared by (so checks report exact lines).
public struct Container: Sendable, Hashable {
  /// The container's `name` (or `#<index>` when it has none).
  public var name: String
  /// Which list of the pod spec declares it.
  public var kind: ContainerKind
  /// The container's mapping.
  public var node: Node

  /// A container of a pod spec.
  public init(name: String, kind: ContainerKind, node: Node) {
    self.name = name
    self.kind = kind
    self.node = node
  }

  /// The value of one field of the container.
  public subscript(key: String) -> Node? { node[key] }

  /// The `image` reference as written, or nil when absent or empty.
  public var image: String? {
    guard let text = node["image"]?.string?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
    return text
  }

  /// The container's `securityContext` mapping, when present.
  public var securityContext: Node? { node["securityContext"].flatMap { $0.pairs == nil ? nil : $0 } }

  /// The `ports` entries that are mappings.
  public var ports: [Node] { (node["ports"]?.items ?? []).filter { $0.pairs != nil } }

  /// The `volumeMounts` entries that are mappings.
  public var volumeMounts: [Node] { (node["volumeMounts"]?.items ?? []).filter { $0.pairs != nil } }

  /// True for an init container declared as a sidecar (`restartPolicy: Always`), which runs for the pod's life.
  public var isSidecar: Bool { kind == .initContainer && node["restartPolicy"]?.string == "Always" }
}
