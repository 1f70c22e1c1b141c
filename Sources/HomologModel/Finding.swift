/// What kind of problem a finding reports.
public enum FindingKind: String, Codable, Hashable, Sendable, CaseIterable {
  /// A known vulnerability (CVE…) in a package or image.
  case vulnerability
  /// A configuration weakness (IaC, Dockerfile, Kubernetes).
  case misconfiguration
  /// A secret or credential found in code or an image.
  case secret
  /// A license problem.
  case license
  /// A static-analysis result on source code (SAST, code smell, bug).
  case codeIssue = "code_issue"
  /// A security hotspot to review (SonarQube).
  case hotspot
}

/// Where a finding points: a file and line, or a target such as an image or a package manifest.
public struct FindingLocation: Codable, Hashable, Sendable {
  public var path: String?
  public var line: Int?
  public var endLine: Int?
  /// What was scanned, e.g. `alpine:3.10 (alpine 3.10.2)` or `package-lock.json`.
  public var target: String?
  public init(path: String? = nil, line: Int? = nil, endLine: Int? = nil, target: String? = nil) {
    self.path = path
    self.line = line
    self.endLine = endLine
    self.target = target
  }
}

/// A package a vulnerability was found in.
public struct PackageRef: Codable, Hashable, Sendable {
  public var name: String
  public var installedVersion: String?
  public var fixedVersion: String?
  public init(name: String, installedVersion: String? = nil, fixedVersion: String? = nil) {
    self.name = name
    self.installedVersion = installedVersion
    self.fixedVersion = fixedVersion
  }
}

/// One normalized finding of any scanner.
public struct Finding: Codable, Hashable, Sendable {
  /// The producing tool (Trivy, Grype, Semgrep…).
  public var tool: String
  public var kind: FindingKind
  /// The tool's rule or vulnerability id (CVE-2021-1234, python.lang.security…, AVD-KSV-0001).
  public var ruleId: String
  public var severity: Severity
  /// The tool's own severity word, kept as written.
  public var originalSeverity: String
  public var title: String
  public var location: FindingLocation?
  public var package: PackageRef?
  public var cve: [String]
  public var cwe: [String]
  /// Same finding, same fingerprint, across runs (and tool versions where the tool gives an id).
  public var fingerprint: String
  /// Set when a tool states the finding does not apply (VEX `not_affected`, `false_positive`…).
  public var suppression: String?
  /// Relative path of the evidence file it was read from (the first one when several state it); set by the evaluation.
  public var evidence: String?
  /// Ids of the requirements whose checks judged it; set by the evaluation.
  public var requirements: [String]?
  /// The workload a cluster report's finding is about (Trivy Operator, PolicyReport), as the report names it.
  public var workload: ObjectRef?
  /// The components whose manifests declare that workload: the finding lands on them only, not on every component the
  /// report file was attributed to; set when reports are attributed.
  public var components: [String]?

  public init(
    tool: String, kind: FindingKind, ruleId: String, severity: Severity, originalSeverity: String,
    title: String, location: FindingLocation? = nil, package: PackageRef? = nil, cve: [String] = [],
    cwe: [String] = [], fingerprint: String, suppression: String? = nil, evidence: String? = nil,
    requirements: [String]? = nil
  ) {
    self.tool = tool
    self.kind = kind
    self.ruleId = ruleId
    self.severity = severity
    self.originalSeverity = originalSeverity
    self.title = title
    self.location = location
    self.package = package
    self.cve = cve
    self.cwe = cwe
    self.fingerprint = fingerprint
    self.suppression = suppression
    self.evidence = evidence
    self.requirements = requirements
  }
}
