/// How Kubernetes configuration scanners' findings name the resource they judged, one way for all of them.
enum ScannerResource {
  /// `Deployment/shop/frontend`, `Deployment/frontend` without namespace, with ` (container server)` when a
  /// container is named.
  static func target(kind: String?, namespace: String?, name: String?, container: String? = nil) -> String? {
    let parts = [kind, namespace, name].compactMap { $0 }.filter { !$0.isEmpty }
    guard !parts.isEmpty else { return nil }
    let resource = parts.joined(separator: "/")
    guard let container, !container.isEmpty else { return resource }
    return "\(resource) (container \(container))"
  }

  /// A scanner's absolute or `./`-prefixed file path as a relative one (`/kubernetes-manifests.yaml` →
  /// `kubernetes-manifests.yaml`): the scanners print paths relative to the folder they scanned.
  static func relativePath(_ path: String?) -> String? {
    guard var path, !path.isEmpty else { return nil }
    while path.hasPrefix("/") || path.hasPrefix("./") { path.removeFirst(path.hasPrefix("/") ? 1 : 2) }
    return path.isEmpty ? nil : path
  }
}
