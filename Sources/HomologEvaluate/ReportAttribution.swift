import HomologModel

/// Cluster reports (Trivy Operator, PolicyReports) belong to the components whose manifests declare the workloads
/// they are about, wherever the report files sit: the cluster names workloads, not the project's folders. A file is
/// attributed to every such component; each finding and policy result lands only on the one declaring its workload.
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

  /// The files, each finding and policy result of a cluster report marked with the components that declare its
  /// workload: a `List` naming the workloads of two components is attributed to both, but each finding lands only on
  /// the component owning its workload.
  public static func assign(_ files: [EvidenceFile], components: [ComponentEvidence]) -> [EvidenceFile] {
    guard files.contains(where: { !$0.workloads.isEmpty }) else { return files }
    let byID = Dictionary(files.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let declared = components.map { component in (component.name, component.files.compactMap { byID[$0] }.flatMap(\.kubernetes)) }
    func owners(_ workload: ObjectRef?) -> [String]? {
      guard let workload else { return nil }
      let names = declared.filter { $0.1.contains { declares($0, workload) } }.map(\.0)
      return names.isEmpty ? nil : names
    }
    return files.map { file in
      guard !file.workloads.isEmpty else { return file }
      var file = file
      for index in file.findings.indices { file.findings[index].components = owners(file.findings[index].workload) }
      for index in file.policyResults.indices { file.policyResults[index].components = owners(file.policyResults[index].object) }
      return file
    }
  }

  /// True when the manifest object is the workload a report names.
  static func declares(_ object: KubernetesObject, _ workload: ObjectRef) -> Bool {
    guard object.kind == workload.kind, object.name == workload.name else { return false }
    guard let namespace = object.namespace, let other = workload.namespace else { return true }
    return namespace == other
  }
}
