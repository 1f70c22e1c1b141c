import Foundation
import HomologModel
import HomologParsing

/// Trivy JSON: image, fs, repo and config scans (SchemaVersion 2), `trivy k8s` reports and the old
/// top-level array of results. Vulnerabilities, failed misconfigurations, secrets and licenses.
public enum TrivyJSONReader: EvidenceReader {
  public static let format: FormatID = "trivy-json"
  public static let formatName = "Trivy JSON"

  public static func sniff(_ head: FileHead) -> Bool {
    if head.isJSONObject {
      if head.hasJSONKey("SchemaVersion") && (head.hasJSONKey("ArtifactName") || head.hasJSONKey("Results")) { return true }
      return head.hasJSONKey("ClusterName")
        && (head.hasJSONKey("Vulnerabilities") || head.hasJSONKey("Misconfigurations") || head.hasJSONKey("Resources"))
    }
    return head.isJSONArray && head.hasJSONKey("Target")
      && (head.hasJSONKey("Vulnerabilities") || head.hasJSONKey("Misconfigurations") || head.hasJSONKey("Secrets")
        || head.hasJSONKey("Type"))
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let data = try FileInput.readWhole(input.url, displayPath: input.path)
    let head = FileHead(bytes: data.prefix(16), fileName: input.url.lastPathComponent)
    if head.isJSONArray {
      let results = try JSONInput.decode([TrivyResult].self, from: data, file: input.path)
      var out = ReadResult(tool: ToolInfo(name: "Trivy"))
      for result in results { collect(result, into: &out, resource: nil) }
      addImages(results.compactMap(osImage), to: &out)
      out.scans = scopes(of: results, hasOS: false)
      return out
    }
    let report = try JSONInput.decode(TrivyReport.self, from: data, file: input.path)
    var out = ReadResult(tool: ToolInfo(name: "Trivy", version: report.Trivy?.Version), generatedAt: report.CreatedAt)
    if let os = report.Metadata?.OS, let family = os.Family, !family.isEmpty {
      out.images.append(
        ImageInfo(name: report.ArtifactName ?? "", osFamily: family, osName: os.Name, endOfLife: os.EOSL ?? false))
    }
    for result in report.Results ?? [] { collect(result, into: &out, resource: nil) }
    var resourceResults: [TrivyResult] = []
    for group in [report.Vulnerabilities, report.Misconfigurations, report.Resources] {
      for resource in group ?? [] {
        let name = [resource.Namespace, resource.Kind, resource.Name].compactMap { $0 }.joined(separator: "/")
        for result in resource.Results ?? [] { collect(result, into: &out, resource: name) }
        resourceResults += resource.Results ?? []
      }
    }
    if out.images.isEmpty {
      // No `Metadata.OS` (a `trivy k8s` report): the OS of each image is in its OS-package result's target.
      addImages(((report.Results ?? []) + resourceResults).compactMap(osImage), to: &out)
    }
    out.scans = scopes(of: (report.Results ?? []) + resourceResults, hasOS: report.Metadata?.OS?.Family?.isEmpty == false)
      .union(report.Vulnerabilities == nil ? [] : [.vulnerabilities])
    return out
  }

  /// What a Trivy report scanned, from its results' classes: packages (`os-pkgs`, `lang-pkgs`) or a detected OS
  /// mean a vulnerability scan, even a clean one; `secret` results a secret scan. A config scan proves neither.
  private static func scopes(of results: [TrivyResult], hasOS: Bool) -> Set<ScanScope> {
    var scopes: Set<ScanScope> = hasOS ? [.vulnerabilities] : []
    for result in results {
      switch result.Class {
      case "os-pkgs", "lang-pkgs": scopes.insert(.vulnerabilities)
      case "secret": scopes.insert(.secrets)
      default: if result.Vulnerabilities?.isEmpty == false { scopes.insert(.vulnerabilities) }
      }
    }
    return scopes
  }

  /// Appends images not already listed, in order.
  private static func addImages(_ images: [ImageInfo], to out: inout ReadResult) {
    for image in images where !out.images.contains(image) { out.images.append(image) }
  }

  /// The image of an OS-package result whose target reads `NAME (FAMILY VERSION)`, e.g. `debian (debian 10.8)` or
  /// `docker.io/redis:6.0.5 (debian 10.4)`: how the old top-level array and `trivy k8s` state the OS (no `Metadata.OS`).
  /// Trivy does not say there whether the OS is end of life.
  fileprivate static func osImage(_ result: TrivyResult) -> ImageInfo? {
    guard let family = result.`Type`, !family.isEmpty, result.Class == nil || result.Class == "os-pkgs",
      let target = result.Target, target.hasSuffix(")"),
      let marker = target.range(of: " (\(family) ", options: .backwards)
    else { return nil }
    let version = target[marker.upperBound..<target.index(before: target.endIndex)].trimmingCharacters(in: .whitespaces)
    let name = target[..<marker.lowerBound].trimmingCharacters(in: .whitespaces)
    guard !version.isEmpty, !name.isEmpty else { return nil }
    return ImageInfo(name: name, osFamily: family, osName: version, endOfLife: false)
  }

  private static func collect(_ result: TrivyResult, into out: inout ReadResult, resource: String?) {
    let target = [resource, result.Target].compactMap { $0 }.joined(separator: " ")
    for vuln in result.Vulnerabilities ?? [] {
      let severity = vuln.Severity ?? "UNKNOWN"
      out.findings.append(
        Finding(
          tool: "Trivy", kind: .vulnerability, ruleId: vuln.VulnerabilityID, severity: .normalizing(severity),
          originalSeverity: severity, title: vuln.Title ?? vuln.VulnerabilityID,
          location: FindingLocation(target: target),
          package: PackageRef(name: vuln.PkgName ?? "", installedVersion: vuln.InstalledVersion, fixedVersion: vuln.FixedVersion),
          cve: vuln.VulnerabilityID.hasPrefix("CVE-") ? [vuln.VulnerabilityID] : [], cwe: vuln.CweIDs ?? [],
          fingerprint: Fingerprint.make(.vulnerability, [vuln.VulnerabilityID, vuln.PkgName, vuln.InstalledVersion, resource])))
    }
    for misconf in result.Misconfigurations ?? [] where isFailure(misconf.Status) {
      let severity = misconf.Severity ?? "UNKNOWN"
      let line = misconf.CauseMetadata?.StartLine
      out.findings.append(
        Finding(
          tool: "Trivy", kind: .misconfiguration, ruleId: misconf.AVDID ?? misconf.ID ?? "", severity: .normalizing(severity),
          originalSeverity: severity, title: misconf.Message ?? misconf.Title ?? misconf.ID ?? "",
          location: FindingLocation(path: result.Target, line: line, endLine: misconf.CauseMetadata?.EndLine, target: resource),
          fingerprint: Fingerprint.make(.misconfiguration, [misconf.AVDID ?? misconf.ID, result.Target, resource, misconf.Message])))
    }
    for secret in result.Secrets ?? [] {
      let severity = secret.Severity ?? "UNKNOWN"
      out.findings.append(
        Finding(
          tool: "Trivy", kind: .secret, ruleId: secret.RuleID ?? "", severity: .normalizing(severity),
          originalSeverity: severity, title: secret.Title ?? secret.RuleID ?? "",
          location: FindingLocation(path: result.Target, line: secret.StartLine, endLine: secret.EndLine, target: resource),
          fingerprint: Fingerprint.make(.secret, [secret.RuleID, result.Target, secret.StartLine.map(String.init), resource])))
    }
    for license in result.Licenses ?? [] {
      let severity = license.Severity ?? "UNKNOWN"
      let name = license.Name ?? ""
      out.findings.append(
        Finding(
          tool: "Trivy", kind: .license, ruleId: name, severity: .normalizing(severity), originalSeverity: severity,
          title: "\(license.Category ?? "license") \(name)".trimmingCharacters(in: .whitespaces),
          location: FindingLocation(path: license.FilePath, target: target),
          package: license.PkgName.map { PackageRef(name: $0) },
          fingerprint: Fingerprint.make(.license, [name, license.PkgName, license.FilePath, result.Target])))
    }
  }

  /// Trivy lists passed checks too when asked; only failures are findings (old reports have no status).
  private static func isFailure(_ status: String?) -> Bool {
    guard let status else { return true }
    return status.uppercased() == "FAIL"
  }
}

// Minimal Codable shapes: only the fields homolog uses (faster and lighter than a full model).
// swiftlint:disable identifier_name
private struct TrivyReport: Decodable {
  struct Tool: Decodable { var Version: String? }
  struct Metadata: Decodable { var OS: OS? }
  struct OS: Decodable {
    var Family: String?
    var Name: String?
    var EOSL: Bool?
  }
  var SchemaVersion: Int?
  var Trivy: Tool?
  var CreatedAt: String?
  var ArtifactName: String?
  var Metadata: Metadata?
  var Results: [TrivyResult]?
  var ClusterName: String?
  var Vulnerabilities: [TrivyResource]?
  var Misconfigurations: [TrivyResource]?
  var Resources: [TrivyResource]?
}

private struct TrivyResource: Decodable {
  var Namespace: String?
  var Kind: String?
  var Name: String?
  var Results: [TrivyResult]?
}

private struct TrivyResult: Decodable {
  struct Vulnerability: Decodable {
    var VulnerabilityID: String
    var PkgName: String?
    var InstalledVersion: String?
    var FixedVersion: String?
    var Title: String?
    var Severity: String?
    var CweIDs: [String]?
  }
  struct Misconfiguration: Decodable {
    struct Cause: Decodable {
      var StartLine: Int?
      var EndLine: Int?
    }
    var ID: String?
    var AVDID: String?
    var Title: String?
    var Message: String?
    var Severity: String?
    var Status: String?
    var CauseMetadata: Cause?
  }
  struct Secret: Decodable {
    var RuleID: String?
    var Title: String?
    var Severity: String?
    var StartLine: Int?
    var EndLine: Int?
  }
  struct License: Decodable {
    var Severity: String?
    var Category: String?
    var PkgName: String?
    var FilePath: String?
    var Name: String?
  }
  var Target: String?
  var `Type`: String?
  var Class: String?
  var Vulnerabilities: [Vulnerability]?
  var Misconfigurations: [Misconfiguration]?
  var Secrets: [Secret]?
  var Licenses: [License]?
}
