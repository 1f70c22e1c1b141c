import HomologKubernetes
import HomologModel

/// Persistent volume claims request less than 1Ti (platform rule `limit-size-pvc`).
public struct PVCSizeCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.pvc-size", title: "PersistentVolumeClaims below 1Ti",
    rationale: """
      Platform Kyverno rule `limit-size-pvc` (ENFORCE in production): a claim requests less than 1Ti. Checks \
      PersistentVolumeClaims and StatefulSets' `volumeClaimTemplates` (which create claims): a \
      `resources.requests.storage` of 1Ti or more fails and is enforced; a size that is not a Kubernetes quantity \
      fails without being enforced (the API server refuses it anyway).
      """,
    reads: [.kubernetes])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for object in judgement.manifests.objects {
      let claims: [(name: String, spec: Node?)]
      switch object.kind {
      case "PersistentVolumeClaim":
        claims = [(object.name, object.spec)]
      case "StatefulSet":
        claims = (object.spec?["volumeClaimTemplates"]?.items ?? []).map { ($0["metadata"]?["name"]?.string ?? "?", $0["spec"]) }
      default:
        continue
      }
      for claim in claims {
        judgement.checked += 1
        guard let node = claim.spec?["resources"]?["requests"]?["storage"], let text = node.string else { continue }
        let args = [MessageArg("claim", claim.name), MessageArg("size", text)]
        guard let bytes = Quantity.value(text) else {
          judgement.fail("k8s.pvc-size.invalid", object, at: node, enforced: false, args)
          continue
        }
        if bytes >= Quantity.tebibyte {
          judgement.fail("k8s.pvc-size.too-large", object, at: node, enforced: true, args)
        }
      }
    }
    return judgement.result(of: self)
  }
}
