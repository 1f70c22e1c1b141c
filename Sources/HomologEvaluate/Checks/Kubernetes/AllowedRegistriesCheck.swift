import HomologKubernetes
import HomologModel

/// Images come from the allowed registries (platform rule `restrict-image-registry`, list from the policy).
public struct AllowedRegistriesCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.allowed-registries", title: "Images from allowed registries",
    rationale: """
      Platform Kyverno rule `restrict-image-registry` (ENFORCE in production) and EXI-ARCH-13 (use the offer's image \
      registry): images come from the allowed registries, by default docker.io/, harbor.io/, registry.redhat.io/, \
      quay.io/, bitnami/, ghcr.io/ and the offer's Harbor hosts `harbor.*/` (e.g. \
      harbor.apps.c6.numerique-interieur.com); homolog.yaml's `policy.allowed_registries` replaces the list. Like \
      the Kyverno pattern, the image is matched as written, on whole path components: `nginx:1.27` does not start \
      with `docker.io/` and fails (write `docker.io/library/nginx:1.27`), and `docker.io.evil.example/…` is not \
      `docker.io/`; a `*` stands for any characters of one component. Every container is checked; failures are \
      enforced. No evidence when no container has an image or the policy names no registry.
      """,
    reads: [.kubernetes])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    let allowed = evidence.policy.allowedRegistries.map(RegistryPattern.init)
    guard !allowed.isEmpty else { return judgement.result(of: self) }
    let list = MessageArg("allowed", allowed.map(\.text).joined(separator: ", "))
    for workload in judgement.manifests.workloads {
      for container in workload.containers {
        guard let image = container.image else { continue }
        judgement.checked += 1
        if !allowed.contains(where: { $0.matches(image) }) {
          judgement.fail(
            "k8s.allowed-registries.registry", workload.object, container: container, at: container["image"], enforced: true,
            [MessageArg("image", image), list])
        }
      }
    }
    return judgement.result(of: self)
  }
}
