/// Recognises Kubernetes manifests from the first bytes of a file: top-level `apiVersion` plus
/// `kind` (or `items`, for lists) keys. OpenAPI documents and homolog's own YAML files have neither.
public enum ManifestSniffer {
  /// True when some document of a YAML stream starts a mapping with `apiVersion:` and `kind:` (or `items:`) at column 1.
  public static func looksLikeYAML(_ head: String) -> Bool {
    if report(in: head) != nil { return false }
    var apiVersion = false
    var kind = false
    for line in head.split(whereSeparator: \.isNewline) {
      if line.hasPrefix("apiVersion:") {
        if isHomologVersion(line.dropFirst("apiVersion:".count)) { return false }
        apiVersion = true
      } else if line.hasPrefix("kind:") || line.hasPrefix("items:") {
        kind = true
      }
      if apiVersion && kind { return true }
    }
    return false
  }

  /// True when a JSON object has `apiVersion` and `kind` (or `items`) keys at its top level.
  public static func looksLikeJSON(_ head: String) -> Bool {
    if report(in: head) != nil { return false }
    let keys = topLevelJSONKeys(head)
    guard keys.contains("apiVersion") else { return false }
    return keys.contains("kind") || keys.contains("items")
  }

  /// The family of cluster reports the head holds, if any: Trivy Operator reports and policy reports are
  /// objects of the API, but they are what the cluster reported, never manifests of the project.
  public static func report(in head: String) -> ClusterReportFamily? {
    for family in ClusterReportFamily.allCases where family.matches(head) { return family }
    return nil
  }

  /// homolog's own files, should they ever state an `apiVersion: homolog…`.
  private static func isHomologVersion(_ value: Substring) -> Bool {
    value.drop { $0 == " " || $0 == "\"" || $0 == "'" }.lowercased().hasPrefix("homolog")
  }

  /// The keys of the outermost JSON object seen in the text (which may be cut short).
  static func topLevelJSONKeys(_ text: String) -> Set<String> {
    var keys = Set<String>()
    var depth = 0
    var inString = false
    var escaped = false
    var current: [UInt8] = []
    var lastString: String?
    var started = false
    for byte in text.utf8 {
      if inString {
        if escaped {
          escaped = false
          if depth == 1 { current.append(byte) }
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
          lastString = depth == 1 ? String(decoding: current, as: UTF8.self) : nil
        } else if depth == 1 {
          current.append(byte)
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        inString = true
        current.removeAll(keepingCapacity: true)
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        if !started {
          guard byte == UInt8(ascii: "{") else { return [] }
          started = true
        }
        depth += 1
        lastString = nil
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if depth <= 0 { return keys }
      case UInt8(ascii: ":"):
        if depth == 1, let key = lastString { keys.insert(key) }
        lastString = nil
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        break
      default:
        if !started { return [] }
        lastString = nil
      }
    }
    return keys
  }
}

/// A family of reports a cluster writes as API objects (custom resources), recognised before manifests.
public enum ClusterReportFamily: CaseIterable, Sendable {
  /// `aquasecurity.github.io` reports of the Trivy Operator (VulnerabilityReport, ConfigAuditReport…).
  case trivyOperator
  /// `wgpolicyk8s.io` PolicyReport / ClusterPolicyReport (Kyverno, kube-bench adapter…).
  case policyReport

  /// The API group of the family's objects.
  public var group: String {
    switch self {
    case .trivyOperator: "aquasecurity.github.io"
    case .policyReport: "wgpolicyk8s.io"
    }
  }

  /// The family an object's `apiVersion` (`group/version`) belongs to, if any.
  public static func of(apiVersion: String) -> ClusterReportFamily? {
    allCases.first { apiVersion.hasPrefix("\($0.group)/") }
  }

  /// How a project keeps these reports in a file of their own (a `kubectl` line), for error messages.
  public var ownFileCommand: String {
    switch self {
    case .trivyOperator: "kubectl get vulnerabilityreports,configauditreports,exposedsecretreports -A -o yaml > trivy-reports.yaml"
    case .policyReport: "kubectl get policyreports -A -o yaml > policyreports.yaml"
    }
  }

  /// The family's name in messages.
  public var name: String {
    switch self {
    case .trivyOperator: "Trivy Operator report"
    case .policyReport: "PolicyReport"
    }
  }

  /// The kinds of the family.
  public var kinds: [String] {
    switch self {
    case .trivyOperator: TrivyOperatorKinds.all
    case .policyReport: ["PolicyReport", "ClusterPolicyReport"]
    }
  }

  /// True when the head names the family's API group in an `apiVersion` (YAML or JSON) and one of its kinds,
  /// or (Trivy Operator) holds the dump keyed by CRD plural (`vulnerabilityreports.aquasecurity.github.io`).
  func matches(_ head: String) -> Bool {
    if self == .trivyOperator, head.contains("reports.\(group)\"") { return true }
    guard head.contains("apiVersion: \(group)/") || head.contains("\"apiVersion\": \"\(group)/")
      || head.contains("\"apiVersion\":\"\(group)/") || head.contains("apiVersion: \"\(group)/")
    else { return false }
    return kinds.contains { head.contains("kind: \($0)\n") || head.contains("kind: \($0)\r") || head.contains("\"\($0)\"") }
  }
}

/// The kinds of report objects the Trivy Operator writes.
public enum TrivyOperatorKinds {
  public static let all = [
    "VulnerabilityReport", "ConfigAuditReport", "ExposedSecretReport", "RbacAssessmentReport", "InfraAssessmentReport",
    "ClusterVulnerabilityReport", "ClusterConfigAuditReport", "ClusterRbacAssessmentReport", "ClusterInfraAssessmentReport",
    "ClusterComplianceReport", "SbomReport", "ClusterSbomReport",
  ]
}
