import HomologKubernetes
import HomologModel

/// Every container declares cpu and memory requests and limits (platform rule `need-containers-ressources`).
public struct ResourcesCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.resources", title: "CPU and memory requests and limits on every container",
    rationale: """
      Platform Kyverno rule `need-containers-ressources` (ENFORCE in production): `requests.cpu`, \
      `requests.memory`, `limits.cpu` and `limits.memory` on every container. Fails on each regular or init \
      container missing any of them; enforced for regular containers, not for init containers (the rule's text \
      speaks of pods' containers). Ephemeral containers cannot declare resources and are not checked.
      """,
    reads: [.kubernetes])

  /// The four settings the platform asks for.
  static let required = [("requests", "cpu"), ("requests", "memory"), ("limits", "cpu"), ("limits", "memory")]

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for workload in judgement.manifests.workloads {
      for container in workload.containers([.regular, .initContainer]) {
        judgement.checked += 1
        let resources = container["resources"]
        let missing = Self.required.filter { section, name in
          guard let value = resources?[section]?[name] else { return true }
          return value.isNull || value.string?.isEmpty == true
        }
        guard !missing.isEmpty else { continue }
        judgement.fail(
          "k8s.resources.missing", workload.object, container: container, at: container.node.key("resources") ?? container.node,
          enforced: container.kind == .regular, [MessageArg("missing", missing.map { "\($0.0).\($0.1)" }.joined(separator: ", "))])
      }
    }
    return judgement.result(of: self)
  }
}
