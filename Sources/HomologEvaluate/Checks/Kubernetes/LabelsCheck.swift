import HomologKubernetes
import HomologModel

/// Pods carry the platform's `app`, `env` and `tier` labels with allowed values (platform rule `check-labels`).
public struct LabelsCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.labels", title: "Pods labelled app, env and tier with the platform's values",
    rationale: """
      Platform Kyverno rule `check-labels` (ENFORCE in production): the labels `app`, `env` and `tier` on pods, \
      i.e. on every workload's pod template (or bare Pod). A missing or empty label fails and is enforced; a value \
      outside the platform's list (`env`: dev, formation, qualif, test, preprod, prod; `tier`: frontend, backend, \
      db, cache, auth; the optional `criticality`: high, medium, low) fails without being enforced (the rule \
      requires the labels, the list comes from the platform's labelling guide).
      """,
    reads: [.kubernetes])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for workload in judgement.manifests.workloads {
      judgement.checked += 1
      let labelsNode = workload.podMetadata?["labels"]
      let labels = workload.podLabels
      let anchor = workload.podMetadata?.key("labels") ?? workload.pod.key("metadata") ?? workload.pod
      for name in PlatformLabels.required where (labels[name] ?? "").isEmpty {
        judgement.fail("k8s.labels.missing", workload.object, at: anchor, enforced: true, [MessageArg("label", name)])
      }
      for name in ["env", "tier", "criticality"] {
        guard let value = labels[name], !value.isEmpty, let allowed = PlatformLabels.allowedValues[name], !allowed.contains(value) else {
          continue
        }
        judgement.fail(
          "k8s.labels.invalid", workload.object, at: labelsNode?[name] ?? anchor, enforced: false,
          [MessageArg("label", name), MessageArg("value", value), MessageArg("allowed", allowed.joined(separator: ", "))])
      }
    }
    return judgement.result(of: self)
  }
}
