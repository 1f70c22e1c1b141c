import HomologKubernetes
import HomologModel

/// No session affinity by the orchestrator: pods can be restarted at any time (EXI-ARCH-19).
public struct NoSessionAffinityCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.no-session-affinity", title: "No session affinity on Services, Ingresses or Routes",
    rationale: """
      EXI-ARCH-19: stateless application pods are restarted quickly at any time, without session affinity by the \
      orchestrator. Fails on Services with `sessionAffinity: ClientIP`, Ingresses annotated \
      `nginx.ingress.kubernetes.io/affinity` (cookie affinity) and OpenShift Routes annotated \
      `haproxy.router.openshift.io/balance: source`. No Kyverno rule counterpart: not enforced.
      """,
    reads: [.kubernetes])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for object in judgement.manifests.objects {
      switch object.kind {
      case "Service":
        judgement.checked += 1
        if let node = object.spec?["sessionAffinity"], node.string == "ClientIP" {
          judgement.fail("k8s.no-session-affinity.service", object, at: node, enforced: false)
        }
      case "Ingress":
        judgement.checked += 1
        if let node = Self.annotation("nginx.ingress.kubernetes.io/affinity", of: object), let value = node.string, !value.isEmpty {
          judgement.fail(
            "k8s.no-session-affinity.annotation", object, at: node, enforced: false,
            [MessageArg("annotation", "nginx.ingress.kubernetes.io/affinity: \(value)")])
        }
      case "Route" where object.apiVersion.hasPrefix("route.openshift.io/"):
        judgement.checked += 1
        if let node = Self.annotation("haproxy.router.openshift.io/balance", of: object), node.string == "source" {
          judgement.fail(
            "k8s.no-session-affinity.annotation", object, at: node, enforced: false,
            [MessageArg("annotation", "haproxy.router.openshift.io/balance: source")])
        }
      default:
        continue
      }
    }
    return judgement.result(of: self)
  }

  private static func annotation(_ name: String, of object: KubernetesObject) -> Node? {
    object.body["metadata"]?["annotations"]?[name]
  }
}
