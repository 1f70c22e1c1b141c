import HomologKubernetes
import HomologModel

/// The Kubernetes objects of an evidence set, with their workloads, as the Kubernetes checks read them.
struct Manifests {
  /// Every object of every manifest, in file and document order.
  let objects: [KubernetesObject]
  /// Every object that runs pods.
  let workloads: [Workload]
  /// Relative paths of the evidence files that hold objects.
  let files: [String]

  init(_ evidence: EvidenceSet) {
    let manifestFiles = evidence.files.filter { !$0.kubernetes.isEmpty }
    files = manifestFiles.map(\.id)
    objects = manifestFiles.flatMap(\.kubernetes)
    workloads = Workload.all(in: objects)
  }

  /// Objects of one kind (any API group).
  func objects(_ kind: String) -> [KubernetesObject] { objects.filter { $0.kind == kind } }
}
