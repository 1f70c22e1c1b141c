import HomologModel

/// Open vulnerabilities found by image and filesystem scanners stay within the policy's limits per severity.
public struct VulnThresholdsCheck: Check {
  public static let doc = CheckDoc(
    id: "vuln.thresholds", title: "Open vulnerabilities in images and filesystems within the policy's limits",
    rationale: "EXI-ORG-1 and EXI-ORG-13: no exploitable vulnerability before production, new ones remediated.",
    reads: [.vulnerabilities], judges: [.vulnerability])

  /// Formats of dependency scanners, judged by `deps.vulnerabilities` instead.
  static let dependencyFormats: Set<FormatID> = ["dependency-check-json", "dependency-check-xml", "cyclonedx-json"]

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    let tally = VulnerabilityTally(evidence) { file in
      !Self.dependencyFormats.contains(file.provenance.format)
        && (file.findings.contains { $0.kind == .vulnerability } || !file.images.isEmpty
          || file.provenance.format == "trivy-json" || file.provenance.format == "grype-json")
    }
    return tally.result(of: self, limits: evidence.policy.vulnerabilities)
  }
}
