import HomologModel

/// Vulnerable dependencies reported by dependency scanners stay within the policy's limits per severity.
public struct DepsVulnerabilitiesCheck: VulnerabilityLimitCheck {
  public static let doc = CheckDoc(
    id: "deps.vulnerabilities", title: "Vulnerable dependencies within the policy's limits",
    rationale: "EXI-ORG-1 and EXI-ORG-13: the same thresholds as images, applied to libraries (Dependency-Check, CycloneDX, GitLab dependency scanning).",
    reads: [.vulnerabilities], judges: [.vulnerability])

  public init() {}

  public func measure(_ evidence: EvidenceSet) -> FindingMeasurement {
    VulnerabilityTally.measure(evidence) { VulnThresholdsCheck.dependencyFormats.contains($0.provenance.format) }
  }
}
