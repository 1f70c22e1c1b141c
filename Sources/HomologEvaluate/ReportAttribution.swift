import HomologModel

/// Cluster reports (Trivy Operator, PolicyReports) belong to the components whose manifests declare the workloads
/// they are about, wherever the report files sit: the cluster names workloads, not the project's folders.
public enum ReportAttribution {
  /// The components, each also owning the report files about a workload (same kind and name; same namespace when
  /// both state one) that one of its own manifests declares.
  public static func attribute(_ components: [ComponentEvidence], files: [EvidenceFile]) -> [ComponentEvidence] {
    let reports = files.filter { !$0.workloads.isEmpty }
    guard !reports.isEmpty else { return components }
    let byID = Dictionary(files.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    return components.map { component in
      let declared = component.files.compactMap { byID[$0] }.flatMap(\.kubernetes)
      guard !declared.isEmpty else { return component }
      var owned = component
      for report in reports where !owned.files.contains(report.id) {
        if report.workloads.contains(where: { workload in declared.contains { declares($0, workload) } }) {
          owned.files.append(report.id)
        }
      }
      return owned
    }
  }

  /// True when the manifest object is the workload a report names.
  static func declares(_ object: KubernetesObject, _ workload: ObjectRef) -> Bool {
    guard object.kind == workload.kind, object.name == workload.name else { return false }
    guard let namespace = object.namespace, let other = workload.namespace else { return true }
    return namespace == other
  }
}
