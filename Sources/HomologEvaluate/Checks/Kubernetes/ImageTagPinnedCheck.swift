import HomologKubernetes
import HomologModel

/// Every container image names one build: never `latest`, a branch name or no tag (EXI-ARCH-27).
public struct ImageTagPinnedCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.image-tag-pinned", title: "Images pinned to an explicit version or digest",
    rationale: """
      EXI-ARCH-27: the image tag is an explicit version; `latest` is forbidden. On Cloud Pi Native a tag must \
      identify one build: a commit SHA, short SHA or Git tag (`CI_COMMIT_SHA`, `CI_COMMIT_SHORT_SHA`, \
      `CI_COMMIT_TAG`). Fails on images without tag or with the `latest` tag (enforced: Kyverno `disallow-latest`, \
      which also requires a tag, is ENFORCE in production), on tags that are branch or channel names, as mutable \
      as `latest` (`master`, `main`, `develop`, `dev`, `staging`, `release`, `trunk`, `stable`, `nightly`…; not \
      enforced), and on containers without image; a digest (`@sha256:…`) pins the image whatever its tag. \
      No container gives no evidence.
      """,
    reads: [.kubernetes])

  /// Tags that name a branch or a release channel: they move with every push.
  static let branchNames: Set<String> = [
    "master", "main", "develop", "development", "dev", "devel", "staging", "stage", "release", "trunk", "head", "next",
    "edge", "nightly", "snapshot", "stable", "testing", "unstable", "integration", "preprod", "prod", "production",
    "qualif", "recette",
  ]

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
        let tag = reference.tag?.lowercased() ?? ""
        if tag.isEmpty {
          judgement.fail(
            "k8s.image-tag-pinned.untagged", workload.object, container: container, at: container["image"], enforced: true, args)
        } else if tag == "latest" {
          judgement.fail("k8s.image-tag-pinned.latest", workload.object, container: container, at: container["image"], enforced: true, args)
        } else if Self.branchNames.contains(tag) {
          judgement.fail(
            "k8s.image-tag-pinned.branch", workload.object, container: container, at: container["image"], enforced: false,
            args + [MessageArg("tag", reference.tag ?? tag)])
        }
      }
    }
    return judgement.result(of: self)
  }
}
