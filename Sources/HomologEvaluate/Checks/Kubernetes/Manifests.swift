import HomologKubernetes
import HomologModel

/// The Kubernetes objects of an evidence set, with their workloads, as the Kubernetes checks read them.
/// Helm test hooks are set apart: Argo CD never deploys them, so no check judges them.
struct Manifests {
  /// Every deployed object of every manifest, in file and document order (Helm test hooks excluded).
  let objects: [KubernetesObject]
  /// Every deployed object that runs pods and declares at least one container (a pod without containers runs nothing).
  let workloads: [Workload]
  /// Helm test hooks (`helm.sh/hook: test`), which no check judges.
  let testHooks: [KubernetesObject]
  /// Relative paths of the evidence files that hold objects.
  let files: [String]

  init(_ evidence: EvidenceSet) {
    let manifestFiles = evidence.files.filter { !$0.kubernetes.isEmpty }
    files = manifestFiles.map(\.id)
    let all = manifestFiles.flatMap(\.kubernetes)
    objects = all.filter { !$0.isHelmTestHook }
    testHooks = all.filter(\.isHelmTestHook)
    workloads = Workload.all(in: objects).filter { !$0.containers.isEmpty }
  }

  /// Objects of one kind (any API group).
  func objects(_ kind: String) -> [KubernetesObject] { objects.filter { $0.kind == kind } }
}
