import HomologKubernetes
import HomologModel

/// The deployment goes through Argo CD (GitOps): judged from Applications among the manifests, or from
/// homolog.yaml's stated deployment method (EXI-ORG-8, EXI-ARCH-8, EXI-ARCH-9).
public struct ArgoCDApplicationCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.argocd-application", title: "Deployment described by Argo CD Application(s)",
    rationale: """
      EXI-ORG-8 and EXI-ARCH-8: only GitOps deployment through Argo CD, no manual `kubectl apply`. On Cloud Pi \
      Native the console creates the Argo CD Applications (one per infrastructure repository and environment), so a \
      project's repository normally holds none: their absence proves nothing and gives no evidence, never a \
      failure. Passes when the manifests hold Argo CD `Application`s or `ApplicationSet`s (`argoproj.io`), each \
      noted with the Git repository, path or chart and revision it deploys. Fails when homolog.yaml states \
      `context.deployment: manual` (a stated fact: manifests applied by hand, what EXI-ORG-8 forbids). \
      `context.deployment: console-argocd` or `gitops` (another GitOps tool) is noted; it is proven by an \
      attestation, not by this check. Identical \
      keys repeated in a mapping (faithful `helm template` output, accepted by Kubernetes and Argo CD) are noted \
      here. No Kyverno rule counterpart: not enforced.
      """,
    reads: [.kubernetes])

  /// Argo CD kinds that describe a deployment.
  static let kinds = ["Application", "ApplicationSet"]

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    let objects = judgement.manifests.objects
    let applications = objects.filter { object in Self.kinds.contains { object.isKind($0, group: "argoproj.io") } }
    judgement.checked = applications.count
    for application in applications {
      let spec = application.kind == "ApplicationSet" ? application.spec?["template"]?["spec"] : application.spec
      let sources = [spec?["source"]].compactMap { $0 } + (spec?["sources"]?.items ?? [])
      let described = sources.compactMap(Self.describe).joined(separator: "; ")
      judgement.note(
        "k8s.argocd-application.found", application, at: application.body["kind"],
        [MessageArg("source", described.isEmpty ? "?" : described)])
    }
    for note in judgement.manifests.objects.flatMap(\.notes) { judgement.record(note) }
    switch evidence.context.deployment {
    case .manual?:
      judgement.checked += 1
      judgement.failUnlocated("k8s.argocd-application.declared-manual", enforced: false)
    case .consoleArgoCD?:
      judgement.noteUnlocated("k8s.argocd-application.declared-console")
    case .gitops?:
      judgement.noteUnlocated("k8s.argocd-application.declared-gitops")
    case nil:
      break
    }
    return judgement.result(of: self, [MessageArg("applications", "\(applications.count)")])
  }

  /// `repoURL path@revision` (or `chart` instead of path) of one Application source.
  private static func describe(_ source: Node) -> String? {
    guard let repository = source["repoURL"]?.string else { return nil }
    var text = repository
    if let path = source["path"]?.string ?? source["chart"]?.string { text += " \(path)" }
    if let revision = source["targetRevision"]?.string { text += "@\(revision)" }
    return text
  }
}
