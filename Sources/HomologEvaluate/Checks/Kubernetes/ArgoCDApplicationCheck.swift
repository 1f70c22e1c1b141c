import HomologKubernetes
import HomologModel

/// The deployment is described by Argo CD Applications (GitOps), found among the manifests (EXI-ORG-8, EXI-ARCH-8).
public struct ArgoCDApplicationCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.argocd-application", title: "Deployment described by Argo CD Application(s)",
    rationale: """
      EXI-ORG-8 and EXI-ARCH-8: only GitOps deployment through Argo CD, no manual `kubectl apply`. Passes when the \
      manifests hold at least one Argo CD `Application` or `ApplicationSet` (`argoproj.io`), each noted with the Git \
      repository, path or chart and revision it deploys; fails when none is found. No Kyverno rule counterpart: not \
      enforced.
      """,
    reads: [.kubernetes])

  /// Argo CD kinds that describe a deployment.
  static let kinds = ["Application", "ApplicationSet"]

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    let objects = judgement.manifests.objects
    let applications = objects.filter { object in Self.kinds.contains { object.isKind($0, group: "argoproj.io") } }
    judgement.checked = objects.count
    for application in applications {
      let spec = application.kind == "ApplicationSet" ? application.spec?["template"]?["spec"] : application.spec
      let sources = [spec?["source"]].compactMap { $0 } + (spec?["sources"]?.items ?? [])
      let described = sources.compactMap(Self.describe).joined(separator: "; ")
      judgement.note(
        "k8s.argocd-application.found", application, at: application.body["kind"],
        [MessageArg("source", described.isEmpty ? "?" : described)])
    }
    if applications.isEmpty {
      judgement.failUnlocated("k8s.argocd-application.missing", [MessageArg("objects", "\(objects.count)")], enforced: false)
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
