import HomologModel

/// Open vulnerabilities found by image and filesystem scanners stay within the policy's limits per severity.
public struct VulnThresholdsCheck: VulnerabilityLimitCheck {
  public static let doc = CheckDoc(
    id: "vuln.thresholds", title: "Open vulnerabilities in images and filesystems within the policy's limits",
    rationale: "EXI-ORG-1 and EXI-ORG-13: no exploitable vulnerability before production, new ones remediated.",
    reads: [.vulnerabilities], judges: [.vulnerability])

  /// Formats of dependency scanners, judged by `deps.vulnerabilities` instead.
  static let dependencyFormats: Set<FormatID> = [
    "dependency-check-json", "dependency-check-xml", "cyclonedx-json", "gitlab-dependency-scanning-json",
  ]

  public init() {}

  public func measure(_ evidence: EvidenceSet) -> FindingMeasurement {
    VulnerabilityTally.measure(evidence) { !Self.dependencyFormats.contains($0.provenance.format) }
  }
}
