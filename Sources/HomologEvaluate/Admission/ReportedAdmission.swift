import HomologModel

extension AdmissionReport {
  /// What the cluster itself reported, one entry per policy in order of first appearance, from every PolicyReport
  /// read; nil when none was read. A policy that is one of the platform's rules names the check that predicts it.
  static func reported(_ evidence: EvidenceSet) -> [ReportedPolicy]? {
    let files = evidence.files.filter { !$0.policyResults.isEmpty || $0.provenance.format == "policyreport" }
    guard !files.isEmpty else { return nil }
    let checks = Dictionary(PlatformRules.list.map { ($0.policy, $0.check) }, uniquingKeysWith: { first, _ in first })
    var order: [String] = []
    var byPolicy: [String: ReportedPolicy] = [:]
    for file in files {
      for var result in file.policyResults {
        if byPolicy[result.policy] == nil {
          order.append(result.policy)
          byPolicy[result.policy] = ReportedPolicy(policy: result.policy, check: checks[result.policy], counts: PolicyStatusCounts(), results: [])
        }
        byPolicy[result.policy]?.counts.add(result.status)
        guard result.status.isFinding else { continue }
        result.evidence = file.id
        byPolicy[result.policy]?.results.append(result)
      }
    }
    return order.compactMap { byPolicy[$0] }
  }
}
