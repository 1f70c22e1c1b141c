import HomologKubernetes
import HomologModel

/// Images come from the allowed registries (platform rule `restrict-image-registry`, list from the policy).
public struct AllowedRegistriesCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.allowed-registries", title: "Images from allowed registries",
    rationale: """
      Platform Kyverno rule `restrict-image-registry` (ENFORCE in production): images come from the allowed \
      registries, by default docker.io/, harbor.io/, registry.redhat.io/, quay.io/, bitnami/, ghcr.io/ \
      (homolog.yaml's `policy.allowed_registries` replaces the list). Like the Kyverno pattern, the image is matched \
      as written: `nginx:1.27` does not start with `docker.io/` and fails; write `docker.io/library/nginx:1.27`. \
      Every container is checked; failures are enforced. Not applicable when the policy allows every registry.
      """,
    reads: [.kubernetes])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    let allowed = evidence.policy.allowedRegistries.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    guard !allowed.isEmpty else { return judgement.result(of: self) }
    let list = MessageArg("allowed", allowed.joined(separator: ", "))
    for workload in judgement.manifests.workloads {
      for container in workload.containers {
        guard let image = container.image else { continue }
        judgement.checked += 1
        if !allowed.contains(where: image.hasPrefix) {
          judgement.fail(
            "k8s.allowed-registries.registry", workload.object, container: container, at: container["image"], enforced: true,
            [MessageArg("image", image), list])
        }
      }
    }
    return judgement.result(of: self)
  }
}
