import HomologKubernetes
import HomologModel

/// Every application container declares liveness and readiness probes; health and metrics endpoints are noted (EXI-ARCH-12).
public struct ProbesCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.probes", title: "Liveness and readiness probes on every application container",
    rationale: """
      EXI-ARCH-12: the application exposes a health check and metrics, monitored by the platform. Every regular \
      container of a long-running workload (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Rollout; not Job or \
      CronJob, which run to completion) must have a `livenessProbe` and a `readinessProbe`. A container with no probe \
      at all is enforced (Kyverno `need-liveness-readiness`, ENFORCE in production, asks for one of liveness, \
      readiness or startup); one with only some of them fails without being enforced (a `startupProbe` does not \
      replace either). HTTP probe paths (`/health`-style) and metrics endpoints (Prometheus `prometheus.io/scrape` \
      annotations on the pod or its Service, a ServiceMonitor or PodMonitor selecting it, a port named `metrics`) are \
      noted; a missing metrics endpoint is noted, not failed (manifests cannot prove its absence).
      """,
    reads: [.kubernetes])

  /// Probes the CCT asks for on every application container.
  static let required = ["livenessProbe", "readinessProbe"]
  /// Any of these satisfies the platform's Kyverno rule.
  static let any = ["livenessProbe", "readinessProbe", "startupProbe"]
  /// Container port names that expose Prometheus metrics.
  static let metricsPortNames: Set<String> = ["metrics", "http-metrics", "prometheus", "prom-metrics"]

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    let monitoring = MetricsSources(judgement.manifests)
    for workload in judgement.manifests.workloads where !workload.isBatch {
      let object = workload.object
      let containers = workload.containers([.regular])
      for container in containers {
        judgement.checked += 1
        let present = Self.any.filter { container[$0].map { !$0.isNull } ?? false }
        if present.isEmpty {
          judgement.fail("k8s.probes.none", object, container: container, at: container.node, enforced: true)
          continue
        }
        let missing = Self.required.filter { !present.contains($0) }
        if !missing.isEmpty {
          judgement.fail(
            "k8s.probes.missing", object, container: container, at: container.node, enforced: false,
            [MessageArg("missing", missing.joined(separator: ", "))])
        }
        let paths = present.compactMap { container[$0]?["httpGet"]?["path"]?.string }
        if !paths.isEmpty {
          var seen = Set<String>()
          let distinct = paths.filter { seen.insert($0).inserted }
          judgement.note(
            "k8s.probes.health-endpoint", object, container: container, at: container.node.key(present[0]),
            [MessageArg("paths", distinct.joined(separator: ", "))])
        }
      }
      guard !containers.isEmpty else { continue }
      if let source = monitoring.source(for: workload) {
        judgement.note("k8s.probes.metrics-endpoint", object, at: workload.pod.key("spec"), [MessageArg("source", source)])
      } else {
        judgement.note("k8s.probes.no-metrics", object, at: workload.pod.key("spec"))
      }
    }
    return judgement.result(of: self)
  }
}

/// Where Prometheus finds a workload's metrics, from what the manifests declare.
private struct MetricsSources {
  let services: [KubernetesObject]
  let serviceMonitors: [KubernetesObject]
  let podMonitors: [KubernetesObject]

  init(_ manifests: Manifests) {
    services = manifests.objects("Service")
    serviceMonitors = manifests.objects.filter { $0.isKind("ServiceMonitor", group: "monitoring.coreos.com") }
    podMonitors = manifests.objects.filter { $0.isKind("PodMonitor", group: "monitoring.coreos.com") }
  }

  /// A short description of the first metrics source found, or nil.
  func source(for workload: Workload) -> String? {
    let labels = workload.podLabels
    if let text = Self.scrape(workload.podAnnotations) { return "pod \(text)" }
    for container in workload.containers([.regular]) {
      for port in container.ports {
        if let name = port["name"]?.string, ProbesCheck.metricsPortNames.contains(name) {
          return "port \(name)" + (port["containerPort"]?.string.map { " (\($0))" } ?? "")
        }
      }
    }
    if let monitor = podMonitors.first(where: { Labels.selects(Self.matchLabels($0), labels) }) {
      return "PodMonitor \(monitor.name)"
    }
    let selecting = services.filter { service in
      guard Self.sameNamespace(service, workload.object) else { return false }
      let selector = Labels.of(service.spec?["selector"])
      return !selector.isEmpty && Labels.selects(selector, labels)
    }
    for service in selecting {
      if let text = Self.scrape(service.annotations) { return "Service \(service.name) \(text)" }
      if let monitor = serviceMonitors.first(where: { Labels.selects(Self.matchLabels($0), service.labels) }) {
        return "ServiceMonitor \(monitor.name)"
      }
    }
    return nil
  }

  private static func scrape(_ annotations: [String: String]) -> String? {
    guard annotations["prometheus.io/scrape"] == "true" else { return nil }
    let path = annotations["prometheus.io/path"] ?? "/metrics"
    return "prometheus.io/scrape" + " " + path + (annotations["prometheus.io/port"].map { ":\($0)" } ?? "")
  }

  private static func matchLabels(_ monitor: KubernetesObject) -> [String: String] {
    Labels.of(monitor.spec?["selector"]?["matchLabels"])
  }

  private static func sameNamespace(_ a: KubernetesObject, _ b: KubernetesObject) -> Bool {
    guard let first = a.namespace, let second = b.namespace else { return true }
    return first == second
  }
}
