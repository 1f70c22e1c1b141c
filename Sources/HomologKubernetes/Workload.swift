import HomologModel

/// A Kubernetes object that runs pods (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
/// ReplicationController, Job, CronJob, Argo Rollout, PodTemplate), with its pod template located.
public struct Workload: Sendable, Hashable {
  /// Kinds that carry a pod template, and the path to it from the object's root.
  public static let templatePaths: [String: [String]] = [
    "Deployment": ["spec", "template"], "StatefulSet": ["spec", "template"], "DaemonSet": ["spec", "template"],
    "ReplicaSet": ["spec", "template"], "ReplicationController": ["spec", "template"], "Job": ["spec", "template"],
    "CronJob": ["spec", "jobTemplate", "spec", "template"], "Rollout": ["spec", "template"], "PodTemplate": ["template"],
  ]

  /// Kinds whose pods run to completion rather than serve.
  public static let batchKinds: Set<String> = ["Job", "CronJob"]

  /// The object that declares the pods.
  public var object: KubernetesObject
  /// The node of the pod: the object itself for a Pod, its pod template otherwise.
  public var pod: Node
  /// The pod's `spec`.
  public var podSpec: Node
  /// Every container: regular, then init, then ephemeral, each in declaration order.
  public var containers: [Container]

  /// The workload of an object, or nil when the object runs no pod (or its template is missing).
  public init?(_ object: KubernetesObject) {
    let pod: Node?
    if object.kind == "Pod" {
      pod = object.body
    } else if let path = Self.templatePaths[object.kind] {
      if object.kind == "Rollout" && !object.apiVersion.hasPrefix("argoproj.io/") { return nil }
      pod = path.reduce(Optional(object.body)) { node, key in node?[key] }
    } else {
      return nil
    }
    guard let pod, pod.pairs != nil, let spec = pod["spec"], spec.pairs != nil else { return nil }
    self.object = object
    self.pod = pod
    self.podSpec = spec
    var containers: [Container] = []
    for kind in ContainerKind.allCases {
      for (index, node) in (spec[kind.rawValue]?.items ?? []).enumerated() where node.pairs != nil {
        containers.append(Container(name: node["name"]?.string ?? "#\(index + 1)", kind: kind, node: node))
      }
    }
    self.containers = containers
  }

  /// Containers of some kinds.
  public func containers(_ kinds: Set<ContainerKind>) -> [Container] { containers.filter { kinds.contains($0.kind) } }

  /// The pod's `metadata`, when present.
  public var podMetadata: Node? { pod["metadata"] }

  /// The labels pods get: the pod template's (or the Pod's) `metadata.labels`.
  public var podLabels: [String: String] { Labels.of(podMetadata?["labels"]) }

  /// The annotations pods get.
  public var podAnnotations: [String: String] { Labels.of(podMetadata?["annotations"]) }

  /// The pod-level `securityContext` mapping, when present.
  public var podSecurityContext: Node? { podSpec["securityContext"].flatMap { $0.pairs == nil ? nil : $0 } }

  /// The pod's `volumes` entries that are mappings.
  public var volumes: [Node] { (podSpec["volumes"]?.items ?? []).filter { $0.pairs != nil } }

  /// The volume with this name.
  public func volume(named name: String) -> Node? { volumes.first { $0["name"]?.string == name } }

  /// True for kinds whose pods run to completion (Job, CronJob).
  public var isBatch: Bool { Self.batchKinds.contains(object.kind) }

  /// `spec.replicas` of a scalable controller (Deployment, StatefulSet, ReplicaSet, Rollout…), 1 when unset; nil for other kinds.
  public var replicas: Int? {
    guard ["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "Rollout"].contains(object.kind) else { return nil }
    return object.body["spec"]?["replicas"]?.int ?? 1
  }

  /// Every workload among some objects, in order.
  public static func all(in objects: [KubernetesObject]) -> [Workload] { objects.compactMap(Workload.init) }
}
