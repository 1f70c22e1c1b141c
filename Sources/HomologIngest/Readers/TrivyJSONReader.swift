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
    let stream = TrivyStream(findingMode: input.findingMode)
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    var out = stream.out
    if stream.isArray {
      out.tool = ToolInfo(name: "Trivy")
      addImages(stream.results.compactMap(osImage), to: &out)
      out.scans = scopes(of: stream.results, hasOS: false)
      return out
    }
    out.tool = ToolInfo(name: "Trivy", version: stream.version)
    out.generatedAt = stream.createdAt
    if let family = stream.osFamily, !family.isEmpty {
      out.images.insert(
        ImageInfo(name: stream.artifactName ?? "", osFamily: family, osName: stream.osName, endOfLife: stream.endOfLife ?? false), at: 0)
    }
    if out.images.isEmpty {
      // No `Metadata.OS` (a `trivy k8s` report): the OS of each image is in its OS-package result's target.
      addImages((stream.results + stream.resourceResults).compactMap(osImage), to: &out)
    }
    out.scans = scopes(of: stream.results + stream.resourceResults, hasOS: stream.osFamily?.isEmpty == false)
      .union(stream.hasResourceVulnerabilities ? [.vulnerabilities] : [])
    return out
  }

  /// What a Trivy report scanned, from its results' classes: packages (`os-pkgs`, `lang-pkgs`) or a detected OS
  /// mean a vulnerability scan, even a clean one; `secret` results a secret scan. A config scan proves neither.
  private static func scopes(of results: [TrivyResult.Summary], hasOS: Bool) -> Set<ScanScope> {
    var scopes: Set<ScanScope> = hasOS ? [.vulnerabilities] : []
    for result in results {
      switch result.Class {
      case "os-pkgs", "lang-pkgs": scopes.insert(.vulnerabilities)
      case "secret": scopes.insert(.secrets)
      default: if result.hasVulnerabilities { scopes.insert(.vulnerabilities) }
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
  fileprivate static func osImage(_ result: TrivyResult.Summary) -> ImageInfo? {
    guard let family = result.`Type`, !family.isEmpty, result.Class == nil || result.Class == "os-pkgs",
      let target = result.Target, target.hasSuffix(")"),
      let marker = target.range(of: " (\(family) ", options: .backwards)
    else { return nil }
    let version = target[marker.upperBound..<target.index(before: target.endIndex)].trimmingCharacters(in: .whitespaces)
    let name = target[..<marker.lowerBound].trimmingCharacters(in: .whitespaces)
    guard !version.isEmpty, !name.isEmpty else { return nil }
    return ImageInfo(name: name, osFamily: family, osName: version, endOfLife: false)
  }

  /// Adds the findings of one result (keep mode: the items wait in the result until it ends).
  static func collect(_ result: TrivyResult, into out: inout ReadResult, resource: String?) {
    let target = [resource, result.Target].compactMap { $0 }.joined(separator: " ")
    for vuln in result.Vulnerabilities { add(vuln, target: target, resource: resource, to: &out) }
    for misconf in result.Misconfigurations { add(misconf, path: result.Target, resource: resource, to: &out) }
    for secret in result.Secrets { add(secret, path: result.Target, resource: resource, to: &out) }
    for license in result.Licenses { add(license, path: result.Target, target: target, to: &out) }
  }

  // Each item's severity and kind are known before anything else is built: counting stops there.

  static func add(_ vuln: TrivyResult.Vulnerability, target: String, resource: String?, to out: inout ReadResult) {
    let severity = vuln.Severity ?? "UNKNOWN"
    out.add(.normalizing(severity), .vulnerability) {
      Finding(
        tool: "Trivy", kind: .vulnerability, ruleId: vuln.VulnerabilityID, severity: .normalizing(severity),
        originalSeverity: severity, title: vuln.Title ?? vuln.VulnerabilityID,
        location: FindingLocation(target: target),
        package: PackageRef(name: vuln.PkgName ?? "", installedVersion: vuln.InstalledVersion, fixedVersion: vuln.FixedVersion),
        cve: vuln.VulnerabilityID.hasPrefix("CVE-") ? [vuln.VulnerabilityID] : [], cwe: vuln.CweIDs ?? [],
        fingerprint: Fingerprint.make(.vulnerability, [vuln.VulnerabilityID, vuln.PkgName, vuln.InstalledVersion, resource]))
    }
  }

  static func add(_ misconf: TrivyResult.Misconfiguration, path: String?, resource: String?, to out: inout ReadResult) {
    guard isFailure(misconf.Status) else { return }
    let severity = misconf.Severity ?? "UNKNOWN"
    out.add(.normalizing(severity), .misconfiguration) {
      Finding(
        tool: "Trivy", kind: .misconfiguration, ruleId: misconf.AVDID ?? misconf.ID ?? "", severity: .normalizing(severity),
        originalSeverity: severity, title: misconf.Message ?? misconf.Title ?? misconf.ID ?? "",
        location: FindingLocation(
          path: path, line: misconf.CauseMetadata?.StartLine, endLine: misconf.CauseMetadata?.EndLine, target: resource),
        fingerprint: Fingerprint.make(.misconfiguration, [misconf.AVDID ?? misconf.ID, path, resource, misconf.Message]))
    }
  }

  static func add(_ secret: TrivyResult.Secret, path: String?, resource: String?, to out: inout ReadResult) {
    let severity = secret.Severity ?? "UNKNOWN"
    out.add(.normalizing(severity), .secret) {
      Finding(
        tool: "Trivy", kind: .secret, ruleId: secret.RuleID ?? "", severity: .normalizing(severity),
        originalSeverity: severity, title: secret.Title ?? secret.RuleID ?? "",
        location: FindingLocation(path: path, line: secret.StartLine, endLine: secret.EndLine, target: resource),
        fingerprint: Fingerprint.make(.secret, [secret.RuleID, path, secret.StartLine.map(String.init), resource]))
    }
  }

  static func add(_ license: TrivyResult.License, path: String?, target: String, to out: inout ReadResult) {
    let severity = license.Severity ?? "UNKNOWN"
    let name = license.Name ?? ""
    out.add(.normalizing(severity), .license) {
      Finding(
        tool: "Trivy", kind: .license, ruleId: name, severity: .normalizing(severity), originalSeverity: severity,
        title: "\(license.Category ?? "license") \(name)".trimmingCharacters(in: .whitespaces),
        location: FindingLocation(path: license.FilePath, target: target),
        package: license.PkgName.map { PackageRef(name: $0) },
        fingerprint: Fingerprint.make(.license, [name, license.PkgName, license.FilePath, path]))
    }
  }

  /// Trivy lists passed checks too when asked; only failures are findings (old reports have no status).
  private static func isFailure(_ status: String?) -> Bool {
    guard let status else { return true }
    return status.uppercased() == "FAIL"
  }
}
