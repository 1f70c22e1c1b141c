import Foundation
import HomologKubernetes
import HomologModel
import HomologParsing

/// `PolicyReport` and `ClusterPolicyReport` objects (wgpolicyk8s.io v1alpha1 and v1alpha2), as Kyverno writes them in
/// the cluster (and other engines, e.g. the kube-bench adapter), read from `kubectl get -o yaml|json`: single objects,
/// multi-document YAML, `List`s. What the cluster itself reported, never manifests of the project.
///
/// Every result is kept, per policy, rule, object and status, for the platform admission section (beside what
/// homolog predicts from the manifests). Results `fail`, `warn` (a failed rule of an unscored policy) and `error` are
/// also findings (misconfigurations; the result's own severity, medium when it states none); `pass` and `skip` never are.
/// The object is the report's `scope` (v1alpha2), else the result's first `resources` entry, else the report's owner.
/// Left out and counted (`PlatformOwnedReports`, the rule Trivy Operator reports follow too): every
/// `ClusterPolicyReport` (cluster-scoped objects: Namespaces…) and results naming no object (e.g. kube-bench's CIS
/// node checks), which judge what the platform operates, not the project.
public enum KyvernoPolicyReportReader: EvidenceReader {
  public static let format: FormatID = "policyreport"
  public static let formatName = "Kyverno PolicyReport / ClusterPolicyReport (YAML or JSON)"

  public static func sniff(_ head: FileHead) -> Bool {
    head.xmlRootElement == nil && ManifestSniffer.report(in: head.text) == .policyReport
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    var out = ReadResult()
    out.findingMode = input.findingMode
    var sawReport = false
    for object in try ClusterReportObjects.read(input) {
      guard ClusterReportFamily.of(apiVersion: object.apiVersion) == .policyReport,
        object.kind == "PolicyReport" || object.kind == "ClusterPolicyReport"
      else {
        try MixedReportFiles.refuse(object, expected: .policyReport, input: input)
      }
      sawReport = true
      if PlatformOwnedReports.owns(kind: object.kind) {
        PlatformOwnedReports.leaveOut(object.kind, count: object.body["results"]?.items?.count ?? 0, in: &out)
        continue
      }
      let scope = reference(object.body["scope"], namespace: object.namespace)
        ?? object.owner.map { ObjectRef(kind: $0.kind, namespace: object.namespace, name: $0.name) }
      for (index, node) in (object.body["results"]?.items ?? []).enumerated() {
        let path = "\(object.kind) \(object.name ?? "").results[\(index)]"
        let result = try policyResult(node, scope: scope, namespace: object.namespace, input: input, path: path)
        if PlatformOwnedReports.owns(result) {
          PlatformOwnedReports.leaveOut(object.kind, in: &out)
          continue
        }
        out.policyResults.append(result)
        if let object = result.object, !out.workloads.contains(object) { out.workloads.append(object) }
        if result.status.isFinding {
          add(result, severity: node["severity"]?.string, to: &out)
          if out.keepsFindings, !out.findings.isEmpty { out.findings[out.findings.count - 1].workload = result.object }
        }
      }
    }
    guard sawReport else {
      throw InputError(
        "expected PolicyReport or ClusterPolicyReport objects (apiVersion wgpolicyk8s.io/…)", at: SourceLocation(file: input.path, line: 1))
    }
    // The engine that wrote the results: Kyverno (its policy kinds included), another one named alone (e.g. a
    // kube-bench adapter that states it), or unnamed.
    let sources = Set(out.policyResults.compactMap(\.source).filter { !$0.isEmpty })
    let kyverno = sources.contains { $0.lowercased().hasPrefix("kyverno") || $0 == "ValidatingAdmissionPolicy" }
    out.tool = ToolInfo(name: kyverno ? "Kyverno" : (sources.count == 1 ? sources.first! : "PolicyReport"))
    return out
  }

  /// A result that is a finding: a misconfiguration of the object, at the result's severity (medium when unstated).
  private static func add(_ result: PolicyResult, severity word: String?, to out: inout ReadResult) {
    let severity: Severity = word.map { .normalizing($0) } ?? .medium
    out.add(severity, .misconfiguration) {
      let object = result.object.map { [$0.namespace, $0.kind, $0.name].compactMap { $0 }.joined(separator: "/") }
      let rule = [result.policy, result.rule].compactMap { $0 }.joined(separator: "/")
      return Finding(
        tool: result.source?.isEmpty == false ? result.source! : "Kyverno", kind: .misconfiguration, ruleId: rule,
        severity: severity, originalSeverity: word ?? "", title: result.message ?? "\(rule): \(result.status.rawValue)",
        location: FindingLocation(path: result.evidence, line: result.location?.line, target: object),
        fingerprint: Fingerprint.make(.misconfiguration, [rule, result.message, object, result.status.rawValue]))
    }
  }

  private static func policyResult(
    _ node: Node, scope: ObjectRef?, namespace: String?, input: InputFile, path: String
  ) throws(InputError) -> PolicyResult {
    let location = SourceLocation(file: input.path, line: node.line, column: node.column)
    guard let policy = node["policy"]?.string else {
      throw InputError("\(path): expected a \"policy\" in each result", at: location)
    }
    let word = node["result"]?.string ?? node["status"]?.string ?? ""
    guard let status = PolicyResultStatus(rawValue: word.lowercased()) else {
      throw InputError("\(path): expected \"result\" pass, fail, warn, error or skip, found \"\(word)\"", at: location)
    }
    let object = scope ?? reference(node["resources"]?.items?.first, namespace: namespace)
    return PolicyResult(
      policy: policy, rule: node["rule"]?.string, status: status, object: object, message: node["message"]?.string,
      source: node["source"]?.string, evidence: input.path, location: location)
  }

  /// An object reference (`kind`, `name`, `namespace`), or nil when it names none.
  private static func reference(_ node: Node?, namespace: String?) -> ObjectRef? {
    guard let node, let kind = node["kind"]?.string, let name = node["name"]?.string else { return nil }
    return ObjectRef(kind: kind, namespace: node["namespace"]?.string ?? namespace, name: name)
  }
}
