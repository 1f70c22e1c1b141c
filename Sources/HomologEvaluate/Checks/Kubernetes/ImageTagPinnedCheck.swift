import HomologKubernetes
import HomologModel

/// Every container image names an explicit version: never `latest`, never untagged (EXI-ARCH-27).
public struct ImageTagPinnedCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.image-tag-pinned", title: "Images pinned to an explicit tag or digest",
    rationale: """
      EXI-ARCH-27: the image tag is an explicit version; `latest` is forbidden. Fails on images without tag or with \
      the `latest` tag, and on containers without image; a digest (`@sha256:…`) pins the image whatever its tag. \
      Enforced: Kyverno `disallow-latest` (which also requires a tag) is ENFORCE in production.
      """,
    reads: [.kubernetes])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for workload in judgement.manifests.workloads {
      for container in workload.containers {
        judgement.checked += 1
        guard let image = container.image else {
          judgement.fail(
            "k8s.image-tag-pinned.no-image", workload.object, container: container, at: container["image"] ?? container.node, enforced: true
          )
          continue
        }
        let reference = ImageReference(image)
        guard reference.digest == nil else { continue }
        let args = [MessageArg("image", image)]
        if reference.tag == nil || reference.tag == "" {
          judgement.fail(
            "k8s.image-tag-pinned.untagged", workload.object, container: container, at: container["image"], enforced: true, args)
        } else if reference.tag?.lowercased() == "latest" {
          judgement.fail("k8s.image-tag-pinned.latest", workload.object, container: container, at: container["image"], enforced: true, args)
        }
      }
    }
    return judgement.result(of: self)
  }
}
