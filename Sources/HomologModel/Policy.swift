/// Most findings allowed per severity; nil means no limit.
public struct SeverityLimits: Codable, Hashable, Sendable {
  public var critical: Int?
  public var high: Int?
  public var medium: Int?
  public var low: Int?
  public var info: Int?

  public init(critical: Int? = 0, high: Int? = 0, medium: Int? = nil, low: Int? = nil, info: Int? = nil) {
    self.critical = critical
    self.high = high
    self.medium = medium
    self.low = low
    self.info = info
  }

  /// The limit for one severity.
  public subscript(severity: Severity) -> Int? {
    get {
      switch severity {
      case .critical: critical
      case .high: high
      case .medium: medium
      case .low: low
      case .info: info
      }
    }
    set {
      switch severity {
      case .critical: critical = newValue
      case .high: high = newValue
      case .medium: medium = newValue
      case .low: low = newValue
      case .info: info = newValue
      }
    }
  }
}

/// A minimum line coverage for the components of one role.
public struct CoverageThreshold: Codable, Hashable, Sendable {
  public var role: ComponentRole
  /// Percent, 0–100.
  public var minimum: Double
  public init(role: ComponentRole, minimum: Double) {
    self.role = role
    self.minimum = minimum
  }
}

/// The thresholds checks apply, from homolog.yaml's `policy` (defaults follow the CCT).
public struct Policy: Codable, Hashable, Sendable {
  /// Open vulnerabilities allowed per severity (default: no critical, no high).
  public var vulnerabilities: SeverityLimits
  /// Minimum line coverage per component role (default backend 100 % per EXI-ORG-10, frontend 60 %).
  public var coverage: [CoverageThreshold]
  /// Static-analysis findings at or above this severity block (default high).
  public var sastBlockingSeverity: Severity
  /// Attestations older than this many days are stale (default 365).
  public var attestationMaxAgeDays: Int
  /// Derogations expiring within this many days are flagged (default 30).
  public var derogationWarningDays: Int
  /// Image registries allowed for workloads (default: the platform's list).
  public var allowedRegistries: [String]
  /// Against a baseline, a new finding at or above this severity is a regression (default high).
  public var regressionSeverity: Severity
  /// Against a baseline, a component's line coverage may drop by at most this many points (default 0).
  public var coverageTolerance: Double

  /// The Cloud Pi Native platform's allowed registries: the Kyverno `restrict-image-registry` list, and the
  /// offer's own Harbor hosts (`harbor.*`, e.g. harbor.apps.c6.numerique-interieur.com), which EXI-ARCH-13 asks for.
  public static let platformRegistries = [
    "docker.io/", "harbor.io/", "registry.redhat.io/", "quay.io/", "bitnami/", "ghcr.io/", "harbor.*/",
  ]

  public init(
    vulnerabilities: SeverityLimits = SeverityLimits(),
    coverage: [CoverageThreshold] = [CoverageThreshold(role: .backend, minimum: 100), CoverageThreshold(role: .frontend, minimum: 60)],
    sastBlockingSeverity: Severity = .high, attestationMaxAgeDays: Int = 365, derogationWarningDays: Int = 30,
    allowedRegistries: [String] = Policy.platformRegistries, regressionSeverity: Severity = .high,
    coverageTolerance: Double = 0
  ) {
    self.vulnerabilities = vulnerabilities
    self.coverage = coverage
    self.sastBlockingSeverity = sastBlockingSeverity
    self.attestationMaxAgeDays = attestationMaxAgeDays
    self.derogationWarningDays = derogationWarningDays
    self.allowedRegistries = allowedRegistries
    self.regressionSeverity = regressionSeverity
    self.coverageTolerance = coverageTolerance
  }

  private enum CodingKeys: String, CodingKey {
    case vulnerabilities, coverage, sastBlockingSeverity, attestationMaxAgeDays, derogationWarningDays
    case allowedRegistries, regressionSeverity, coverageTolerance
  }

  /// Decodes a policy; keys added after the first dossiers (regression ones) take their defaults when absent.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let defaults = Policy()
    vulnerabilities = try container.decode(SeverityLimits.self, forKey: .vulnerabilities)
    coverage = try container.decode([CoverageThreshold].self, forKey: .coverage)
    sastBlockingSeverity = try container.decode(Severity.self, forKey: .sastBlockingSeverity)
    attestationMaxAgeDays = try container.decode(Int.self, forKey: .attestationMaxAgeDays)
    derogationWarningDays = try container.decode(Int.self, forKey: .derogationWarningDays)
    allowedRegistries = try container.decode([String].self, forKey: .allowedRegistries)
    regressionSeverity = try container.decodeIfPresent(Severity.self, forKey: .regressionSeverity) ?? defaults.regressionSeverity
    coverageTolerance = try container.decodeIfPresent(Double.self, forKey: .coverageTolerance) ?? defaults.coverageTolerance
  }

  /// The coverage minimum for a role, if the policy sets one.
  public func coverageMinimum(for role: ComponentRole) -> Double? {
    coverage.first { $0.role == role }?.minimum
  }
}
