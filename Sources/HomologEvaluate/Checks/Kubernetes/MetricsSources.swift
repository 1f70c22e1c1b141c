import HomologKubernetes
import HomologModel

/// Where Prometheus finds a workload's metrics, from what the manifests declare: a `/metrics` probe, the
/// `prometheus.io/*` annotations of the pod or of a Service selecting it, a ServiceMonitor or PodMonitor.
struct MetricsSources {
  /// What the manifests say about one workload's metrics.
  enum Finding: Equatable {
    /// A declared metrics endpoint, described (e.g. `pod prometheus.io/scrape /metrics:9090`).
    case exposed(String)
    /// `prometheus.io/scrape: "false"` where it is declared, and no monitor selects the workload.
    case optedOut(String)
  }

  /// A Service with a selector, read once.
  private struct SelectingService {
    let object: KubernetesObject
    let selector: [String: String]
  }

  /// Services with a selector, in manifest order.
  private let services: [SelectingService]
  /// Indices into `services` by one `key=value` pair of each selector (its smallest key): a workload's candidates
  /// are found from its own labels, not by trying every Service (a cluster dump holds thousands).
  private let servicesByPair: [String: [Int]]
  let serviceMonitors: [KubernetesObject]
  let podMonitors: [KubernetesObject]

  init(_ manifests: Manifests) {
    services = manifests.objects("Service").compactMap { service in
      let selector = Labels.of(service.spec?["selector"])
      return selector.isEmpty ? nil : SelectingService(object: service, selector: selector)
    }
    var index: [String: [Int]] = [:]
    for (position, service) in services.enumerated() {
      if let key = service.selector.keys.min() { index[key + "=" + service.selector[key]!, default: []].append(position) }
    }
    servicesByPair = index
    serviceMonitors = manifests.objects.filter { $0.isKind("ServiceMonitor", group: "monitoring.coreos.com") }
    podMonitors = manifests.objects.filter { $0.isKind("PodMonitor", group: "monitoring.coreos.com") }
  }

  /// The first metrics source found for a workload, an explicit opt-out, or nil when the manifests declare nothing.
  func finding(for workload: Workload) -> Finding? {
    let labels = workload.podLabels
    var optedOut: String?
    switch Self.annotations(workload.podAnnotations) {
    case .exposed(let text)?: return .exposed("pod \(text)")
    case .optedOut(let text)?: optedOut = "pod \(text)"
    case nil: break
    }
    for container in workload.containers([.regular]) {
      for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
        if let path = container[probe]?["httpGet"]?["path"]?.string, Self.isMetricsPath(path) {
          return .exposed("\(probe) \(path)")
        }
      }
    }
    if let monitor = podMonitors.first(where: { Labels.selects(Self.matchLabels($0), labels) }) {
      return .exposed("PodMonitor \(monitor.name)")
    }
    let candidates = Set(labels.flatMap { servicesByPair[$0.key + "=" + $0.value] ?? [] }).sorted()
    let selecting = candidates.map { services[$0] }.filter { service in
      Self.sameNamespace(service.object, workload.object) && Labels.selects(service.selector, labels)
    }.map(\.object)
    for service in selecting {
      if let monitor = serviceMonitors.first(where: { Labels.selects(Self.matchLabels($0), service.labels) }) {
        return .exposed("ServiceMonitor \(monitor.name)")
      }
      switch Self.annotations(service.annotations) {
      case .exposed(let text)?: return .exposed("Service \(service.name) \(text)")
      case .optedOut(let text)?: optedOut = optedOut ?? "Service \(service.name) \(text)"
      case nil: break
      }
    }
    return optedOut.map(Finding.optedOut)
  }

  /// `/metrics` or a path under it.
  static func isMetricsPath(_ path: String) -> Bool {
    let clean = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? path
    return clean == "/metrics" || clean.hasPrefix("/metrics/")
  }

  /// The Prometheus annotations of a pod or Service: scraped (with path and port), opted out, or none.
  private static func annotations(_ annotations: [String: String]) -> Finding? {
    let scrape = annotations["prometheus.io/scrape"]?.lowercased()
    if scrape == "false" { return .optedOut("prometheus.io/scrape: false") }
    guard scrape == "true" || annotations["prometheus.io/path"] != nil else { return nil }
    let key = scrape == "true" ? "prometheus.io/scrape" : "prometheus.io/path"
    let path = annotations["prometheus.io/path"] ?? "/metrics"
    return .exposed(key + " " + path + (annotations["prometheus.io/port"].map { ":\($0)" } ?? ""))
  }

  private static func matchLabels(_ monitor: KubernetesObject) -> [String: String] {
    Labels.of(monitor.spec?["selector"]?["matchLabels"])
  }

  private static func sameNamespace(_ a: KubernetesObject, _ b: KubernetesObject) -> Bool {
    guard let first = a.namespace, let second = b.namespace else { return true }
    return first == second
  }
}
