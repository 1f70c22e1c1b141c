/// One evidence file, read: its provenance and every kind of normalized content it held.
public struct EvidenceFile: Sendable {
  public var provenance: Provenance
  public var findings: [Finding]
  /// Findings read in count mode: counted, not kept in `findings`.
  public var countedFindings: FindingCounts
  public var coverage: CoverageReport?
  public var tests: TestReport?
  public var qualityGate: QualityGate?
  public var images: [ImageInfo]
  public var api: ApiDescription?
  public var kubernetes: [KubernetesObject]
  /// What the scan looked for: a clean report proves an absence for these only.
  public var scans: Set<ScanScope>
  /// Every result of the PolicyReports the file holds (pass and skip included), for the platform admission section.
  public var policyResults: [PolicyResult] = []
  /// The workloads a cluster report is about (Trivy Operator, PolicyReport): the components whose manifests declare
  /// them own the file.
  public var workloads: [ObjectRef] = []
  /// Scans the file states failed: they prove no absence (no scope from them), and the checks cite their messages.
  public var scanFailures: [ScanFailure] = []

  public init(
    provenance: Provenance, findings: [Finding] = [], countedFindings: FindingCounts = FindingCounts(),
    coverage: CoverageReport? = nil, tests: TestReport? = nil, qualityGate: QualityGate? = nil, images: [ImageInfo] = [],
    api: ApiDescription? = nil, kubernetes: [KubernetesObject] = [], scans: Set<ScanScope> = []
  ) {
    self.scans = scans.union(findings.compactMap { ScanScope.scanned(by: $0.kind) }).union(countedFindings.scans)
    self.provenance = provenance
    self.findings = findings
    self.countedFindings = countedFindings
    self.coverage = coverage
    self.tests = tests
    self.qualityGate = qualityGate
    self.images = images
    self.api = api
    self.kubernetes = kubernetes
  }

  /// The relative path, used as the evidence id in observations.
  public var id: String { provenance.path }

  /// Every finding of the file counted: those kept and those only counted.
  public var findingCounts: FindingCounts {
    var counts = countedFindings
    counts.add(FindingCounts(findings))
    return counts
  }
}

/// What a reader returns from bytes: everything but the provenance, which the ingest driver computes.
public struct ReadResult: Sendable {
  public var tool: ToolInfo?
  public var generatedAt: String?
  /// The findings kept (keep mode); readers add them with `add`, which only counts them in count mode.
  public var findings: [Finding]
  /// Whether `add` keeps findings or only counts them: chosen by the caller, `keep` by default.
  public var findingMode: FindingMode = .keep
  /// Findings counted in count mode, not kept.
  public private(set) var countedFindings = FindingCounts()
  public var coverage: CoverageReport?
  public var tests: TestReport?
  public var qualityGate: QualityGate?
  public var images: [ImageInfo]
  public var api: ApiDescription?
  public var kubernetes: [KubernetesObject]
  /// What the scan looked for, when the report says so even without findings (a finding implies its own scope).
  public var scans: Set<ScanScope>
  /// Every result of the PolicyReports read (pass and skip included); those that are findings are also findings.
  public var policyResults: [PolicyResult] = []
  /// The workloads a cluster report is about (Trivy Operator, PolicyReport): the components whose manifests declare
  /// them own the file.
  public var workloads: [ObjectRef] = []
  /// Cluster reports left out because the platform owns what they judge, counted per kind (reports, or results for
  /// PolicyReports); the dossier lists them with the ignored files.
  public var platformReports: [String: Int] = [:]
  /// Scans the report states failed (set no scope for them; findings still imply their own).
  public var scanFailures: [ScanFailure] = []

  public init(
    tool: ToolInfo? = nil, generatedAt: String? = nil, findings: [Finding] = [],
    coverage: CoverageReport? = nil, tests: TestReport? = nil, qualityGate: QualityGate? = nil,
    images: [ImageInfo] = [], api: ApiDescription? = nil, kubernetes: [KubernetesObject] = [], scans: Set<ScanScope> = []
  ) {
    self.scans = scans
    self.tool = tool
    self.generatedAt = generatedAt
    self.findings = findings
    self.coverage = coverage
    self.tests = tests
    self.qualityGate = qualityGate
    self.images = images
    self.api = api
    self.kubernetes = kubernetes
  }

  /// True when findings are kept: readers build a whole finding only then.
  public var keepsFindings: Bool { findingMode == .keep }

  /// Adds one finding: kept in keep mode, counted in count mode.
  public mutating func add(_ finding: Finding) {
    switch findingMode {
    case .keep: findings.append(finding)
    case .count: countedFindings.add(finding.severity, finding.kind)
    }
  }

  /// Adds one finding of this severity and kind: built by `build` and kept in keep mode, only counted in count
  /// mode (`build` is not called), so a counting read skips fingerprints, locations and texts.
  public mutating func add(_ severity: Severity, _ kind: FindingKind, _ build: () -> Finding) {
    switch findingMode {
    case .keep: findings.append(build())
    case .count: countedFindings.add(severity, kind)
    }
  }

  /// Every finding read counted: those kept and those only counted.
  public var findingCounts: FindingCounts {
    var counts = countedFindings
    counts.add(FindingCounts(findings))
    return counts
  }
}

/// A file found in an evidence folder that no reader understood, with the reason; also a file
/// a reader refused (`--keep-going`), its reason then the reader's diagnostic as free text.
public struct IgnoredFile: Codable, Hashable, Sendable {
  public var path: String
  public var reason: IgnoreReason
  /// The file's size when it is also above the size limit, with that limit (bytes).
  public var bytes: Int?
  public var limit: Int?
  /// The reason in the dossier's language (filled when the dossier is rendered).
  public var reasonText: String?
  public init(path: String, reason: IgnoreReason, bytes: Int? = nil, limit: Int? = nil) {
    self.path = path
    self.reason = reason
    self.bytes = bytes
    self.limit = limit
  }

  /// A file with a free-text reason (a reader's diagnostic).
  public init(path: String, reason: String) {
    self.init(path: path, reason: .text(reason))
  }
}
