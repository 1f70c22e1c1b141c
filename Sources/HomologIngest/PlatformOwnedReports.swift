import HomologModel

/// One rule for both cluster-report readers (Trivy Operator, PolicyReports): a CPiN project holds namespaces only; the
/// platform operates the nodes, the control plane and every cluster-scoped object. What judges those is the platform's:
/// left out of the project's findings and counted (`ReadResult.platformReports`), so the dossier lists it.
enum PlatformOwnedReports {
  /// True for a report the platform owns: every cluster-scoped report (`ClusterPolicyReport`,
  /// `ClusterVulnerabilityReport`, `ClusterConfigAuditReport`…) and the Trivy Operator's `InfraAssessmentReport`
  /// (node and control-plane components).
  static func owns(kind: String) -> Bool { kind.hasPrefix("Cluster") || kind == "InfraAssessmentReport" }

  /// True for a PolicyReport result that names no object (neither the report's scope or owner, nor a resource of its
  /// own): node checks, such as the kube-bench adapter's CIS results, judge what the platform operates.
  static func owns(_ result: PolicyResult) -> Bool { result.object == nil }

  /// Counts `count` reports or results of `kind` left out.
  static func leaveOut(_ kind: String, count: Int = 1, in out: inout ReadResult) {
    out.platformReports[kind, default: 0] += count
  }
}
