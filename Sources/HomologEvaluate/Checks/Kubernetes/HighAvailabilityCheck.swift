import HomologKubernetes
import HomologModel

/// Application Deployments and Rollouts run at least two replicas spread across hosts or zones (EXI-ARCH-2).
public struct HighAvailabilityCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.high-availability", title: "Application Deployments: two replicas or more, spread across zones or hosts",
    rationale: """
      EXI-ARCH-2: anti-affinity rules in manifests and charts spread the solution's components across availability \
      zones. Every application Deployment and Argo Rollout (data components excepted: their availability comes from \
      their own replication, e.g. CloudNativePG; Deployments managed by a Rollout's `workloadRef` too) must run at \
      least 2 replicas (`spec.replicas`, or a HorizontalPodAutoscaler's `minReplicas`) and declare a pod \
      anti-affinity or a topology spread constraint on `topology.kubernetes.io/zone` or `kubernetes.io/hostname`; a \
      spread across hosts only is noted. No Kyverno rule counterpart: not enforced.
      """,
    reads: [.kubernetes])

  /// Topology keys that spread pods across zones.
  static let zoneKeys: Set<String> = ["topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone"]
  /// Topology keys that spread pods across nodes.
  static let hostKeys: Set<String> = ["kubernetes.io/hostname"]

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    let objects = judgement.manifests.objects
    let autoscalers = objects.filter { $0.kind == "HorizontalPodAutoscaler" }
    let rolloutTargets = Set(
      objects.filter { $0.isKind("Rollout", group: "argoproj.io") }.compactMap { rollout -> String? in
        guard let reference = rollout.spec?["workloadRef"], let name = reference["name"]?.string else { return nil }
        return "\(reference["kind"]?.string ?? "Deployment")/\(rollout.namespace ?? "")/\(name)"
      })
    for workload in judgement.manifests.workloads {
      let object = workload.object
      guard object.kind == "Deployment" || object.isKind("Rollout", group: "argoproj.io") else { continue }
      guard !rolloutTargets.contains("\(object.kind)/\(object.namespace ?? "")/\(object.name)") else { continue }
      guard DataComponent.reason(workload) == nil else { continue }
      judgement.checked += 1
      let autoscaler = autoscalers.first { hpa in
        let target = hpa.spec?["scaleTargetRef"]
        return target?["kind"]?.string == object.kind && target?["name"]?.string == object.name
          && (hpa.namespace == nil || object.namespace == nil || hpa.namespace == object.namespace)
      }
      let replicasNode = object.spec?["replicas"]
      if let autoscaler {
        let minimum = autoscaler.spec?["minReplicas"]?.int ?? 1
        if minimum < 2 {
          judgement.fail(
            "k8s.high-availability.autoscaler-replicas", autoscaler, at: autoscaler.spec?["minReplicas"] ?? autoscaler.body.key("spec"),
            enforced: false, [MessageArg("replicas", "\(minimum)"), MessageArg("target", object.displayName)])
        }
      } else if let replicas = workload.replicas, replicas < 2 {
        judgement.fail(
          "k8s.high-availability.replicas", object, at: replicasNode ?? object.body.key("spec"), enforced: false,
          [MessageArg("replicas", "\(replicas)")])
      }
      let keys = Self.spreadKeys(workload.podSpec)
      if keys.isDisjoint(with: Self.zoneKeys) {
        if keys.isDisjoint(with: Self.hostKeys) {
          judgement.fail(
            "k8s.high-availability.no-spread", object, at: workload.podSpec.key("affinity") ?? workload.pod.key("spec"), enforced: false)
        } else {
          judgement.note(
            "k8s.high-availability.hosts-only", object,
            at: workload.podSpec.key("affinity") ?? workload.podSpec.key("topologySpreadConstraints"))
        }
      }
    }
    return judgement.result(of: self)
  }

  /// Topology keys of the pod's anti-affinity terms (required or preferred) and topology spread constraints.
  static func spreadKeys(_ podSpec: Node) -> Set<String> {
    var keys = Set<String>()
    let antiAffinity = podSpec["affinity"]?["podAntiAffinity"]
    for term in antiAffinity?["requiredDuringSchedulingIgnoredDuringExecution"]?.items ?? [] {
      if let key = term["topologyKey"]?.string { keys.insert(key) }
    }
    for weighted in antiAffinity?["preferredDuringSchedulingIgnoredDuringExecution"]?.items ?? [] {
      if let key = weighted["podAffinityTerm"]?["topologyKey"]?.string { keys.insert(key) }
    }
    for constraint in podSpec["topologySpreadConstraints"]?.items ?? [] {
      if let key = constraint["topologyKey"]?.string { keys.insert(key) }
    }
    return keys
  }
}
