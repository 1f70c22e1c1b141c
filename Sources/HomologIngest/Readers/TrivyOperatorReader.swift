import Foundation
import HomologKubernetes
import HomologModel
import HomologParsing

/// Trivy Operator reports, as `kubectl get -o yaml|json` or a dump writes them: single objects, `List`s, multi-document
/// YAML, a top-level JSON array, or an object keyed by CRD plural. These are what the cluster reported about the
/// project's workloads, never manifests of the project.
///
/// - `VulnerabilityReport`: image vulnerabilities (judged as Trivy image scans; a clean one is still a vulnerability
///   scan), with the image (registry, repository, tag, digest) and its OS when the report states it (`report.os`).
/// - `ConfigAuditReport`, `RbacAssessmentReport`: failed checks (`success: false`) as misconfigurations.
/// - `ExposedSecretReport`: secrets found in the image (a secret scan, even clean; the matched text is never read).
/// - Left out, on purpose and counted (`PlatformOwnedReports`, the rule PolicyReports follow too): `InfraAssessmentReport`
///   and every `Cluster…` report judge the nodes, the control plane and cluster-scoped objects, which the platform
///   operates, not the project (CPiN projects hold namespaces only). `SbomReport`s list packages without any finding.
///
/// Each finding names the workload that owns the scanned object (`trivy-operator.resource.kind/name/namespace`
/// labels; a ReplicaSet's Deployment, a Job's CronJob) as `namespace/Kind/name`, the way `trivy k8s` names
/// resources, so the component whose manifests declare that workload owns the finding.
public enum TrivyOperatorReader: EvidenceReader {
  public static let format: FormatID = "trivy-operator"
  public static let formatName = "Trivy Operator reports (YAML or JSON)"

  /// Report kinds read; every other Trivy Operator kind is left out (see the type's documentation).
  static let readKinds: Set<String> = ["VulnerabilityReport", "ConfigAuditReport", "RbacAssessmentReport", "ExposedSecretReport"]

  public static func sniff(_ head: FileHead) -> Bool {
    head.xmlRootElement == nil && ManifestSniffer.report(in: head.text) == .trivyOperator
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    var out = ReadResult()
    out.findingMode = input.findingMode
    var scans: Set<ScanScope> = []
    var sawReport = false
    for object in try ClusterReportObjects.read(input) {
      guard ClusterReportFamily.of(apiVersion: object.apiVersion) == .trivyOperator, TrivyOperatorKinds.all.contains(object.kind) else {
        try MixedReportFiles.refuse(object, expected: .trivyOperator, input: input)
      }
      sawReport = true
      if PlatformOwnedReports.owns(kind: object.kind) {
        PlatformOwnedReports.leaveOut(object.kind, in: &out)
        continue
      }
      guard readKinds.contains(object.kind), let report = object.body["report"] else { continue }
      if out.tool == nil, let scanner = report["scanner"] {
        out.tool = ToolInfo(name: scanner["name"]?.string ?? "Trivy", version: scanner["version"]?.string)
      }
      if out.generatedAt == nil { out.generatedAt = report["updateTimestamp"]?.string }
      let workload = Self.workload(of: object)
      let reference = Self.reference(of: object)
      let before = out.findings.count
      if !out.workloads.contains(reference) { out.workloads.append(reference) }
      switch object.kind {
      case "VulnerabilityReport":
        scans.insert(.vulnerabilities)
        let image = Self.image(report)
        if let image, let family = report["os"]?["family"]?.string, !family.isEmpty {
          let info = ImageInfo(
            name: image, osFamily: family, osName: report["os"]?["name"]?.string, endOfLife: report["os"]?["eosl"]?.bool ?? false)
          if !out.images.contains(info) { out.images.append(info) }
        }
        for vuln in report["vulnerabilities"]?.items ?? [] { add(vuln: vuln, image: image, workload: workload, input: input, to: &out) }
      case "ExposedSecretReport":
        scans.insert(.secrets)
        for secret in report["secrets"]?.items ?? [] { add(secret: secret, workload: workload, input: input, to: &out) }
      default:
        for check in report["checks"]?.items ?? [] where check["success"]?.bool == false {
          add(check: check, workload: workload, input: input, to: &out)
        }
      }
      // Each finding names the workload it is about, so it lands only on the component declaring that workload.
      for index in before..<out.findings.count { out.findings[index].workload = reference }
    }
    guard sawReport else {
      throw InputError(
        "expected Trivy Operator reports (apiVersion aquasecurity.github.io/…, kind VulnerabilityReport, ConfigAuditReport…)",
        at: SourceLocation(file: input.path, line: 1))
    }
    if out.tool == nil { out.tool = ToolInfo(name: "Trivy") }
    out.scans = scans
    return out
  }

  /// The workload that owns the scanned object, as `namespace/Kind/name`.
  static func workload(of object: ClusterReportObject) -> String {
    let reference = reference(of: object)
    return [reference.namespace, reference.kind, reference.name].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "/")
  }

  /// The workload that owns the scanned object (from the `trivy-operator.resource.*` labels, else the owner reference).
  static func reference(of object: ClusterReportObject) -> ObjectRef {
    let kind = object.label("trivy-operator.resource.kind") ?? object.owner?.kind ?? ""
    let name = object.label("trivy-operator.resource.name") ?? object.owner?.name ?? object.name ?? ""
    let namespace = object.label("trivy-operator.resource.namespace") ?? object.namespace
    let (ownerKind, ownerName) = owningWorkload(kind: kind, name: name)
    return ObjectRef(kind: ownerKind, namespace: namespace, name: ownerName, container: object.label("trivy-operator.container.name"))
  }

  /// The workload a controller-made object belongs to: a ReplicaSet `web-7d4b9c8f6d` to Deployment `web`,
  /// a Job `backup-28930140` to CronJob `backup`; any other object is its own workload.
  public static func owningWorkload(kind: String, name: String) -> (String, String) {
    guard let dash = name.lastIndex(of: "-") else { return (kind, name) }
    let base = String(name[..<dash])
    let suffix = name[name.index(after: dash)...]
    switch kind {
    case "ReplicaSet" where (5...10).contains(suffix.count) && suffix.allSatisfy({ $0.isLowercase || $0.isNumber }) && !base.isEmpty:
      return ("Deployment", base)
    case "Job" where suffix.count >= 8 && suffix.allSatisfy(\.isNumber) && !base.isEmpty:
      return ("CronJob", base)
    default:
      return (kind, name)
    }
  }

  /// The scanned image, `registry/repository:tag@digest` as far as the report states it.
  static func image(_ report: Node) -> String? {
    let artifact = report["artifact"]
    guard let repository = artifact?["repository"]?.string, !repository.isEmpty else { return nil }
    var name = repository
    if let server = report["registry"]?["server"]?.string, !server.isEmpty { name = "\(server)/\(name)" }
    if let tag = artifact?["tag"]?.string, !tag.isEmpty { name += ":\(tag)" }
    if let digest = artifact?["digest"]?.string, !digest.isEmpty { name += "@\(digest)" }
    return name
  }

  private static func add(vuln: Node, image: String?, workload: String, input: InputFile, to out: inout ReadResult) {
    let severity = vuln["severity"]?.string ?? "UNKNOWN"
    out.add(.normalizing(severity), .vulnerability) {
      let id = vuln["vulnerabilityID"]?.string ?? ""
      let package = vuln["resource"]?.string ?? ""
      let installed = vuln["installedVersion"]?.string
      let fixed = vuln["fixedVersion"]?.string
      return Finding(
        tool: "Trivy Operator", kind: .vulnerability, ruleId: id, severity: .normalizing(severity), originalSeverity: severity,
        title: vuln["title"]?.string ?? id,
        location: FindingLocation(target: [workload, image].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")),
        package: PackageRef(name: package, installedVersion: installed, fixedVersion: fixed?.isEmpty == false ? fixed : nil),
        cve: id.hasPrefix("CVE-") ? [id] : [],
        fingerprint: Fingerprint.make(.vulnerability, [id, package, installed, workload]))
    }
  }

  private static func add(check: Node, workload: String, input: InputFile, to out: inout ReadResult) {
    let severity = check["severity"]?.string ?? "UNKNOWN"
    out.add(.normalizing(severity), .misconfiguration) {
      let id = check["checkID"]?.string ?? check["id"]?.string ?? ""
      let message = check["messages"]?.items?.first?.string
      return Finding(
        tool: "Trivy Operator", kind: .misconfiguration, ruleId: id, severity: .normalizing(severity), originalSeverity: severity,
        title: message ?? check["title"]?.string ?? id,
        location: FindingLocation(path: input.path, line: check.line, target: workload),
        fingerprint: Fingerprint.make(.misconfiguration, [id, nil, workload, message]))
    }
  }

  private static func add(secret: Node, workload: String, input: InputFile, to out: inout ReadResult) {
    let severity = secret["severity"]?.string ?? "UNKNOWN"
    out.add(.normalizing(severity), .secret) {
      let rule = secret["ruleID"]?.string ?? ""
      let path = secret["target"]?.string
      return Finding(
        tool: "Trivy Operator", kind: .secret, ruleId: rule, severity: .normalizing(severity), originalSeverity: severity,
        title: secret["title"]?.string ?? rule, location: FindingLocation(path: path, target: workload),
        fingerprint: Fingerprint.make(.secret, [rule, path, nil, workload]))
    }
  }
}
