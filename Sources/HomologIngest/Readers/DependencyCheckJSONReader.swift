import Foundation
import HomologModel
import HomologParsing

/// OWASP Dependency-Check JSON report: every vulnerability of every dependency.
///
/// The package is the dependency's package URL (`packages[0].id`) when it has one, else its file
/// name. Severity is the vulnerability's `severity`, else CVSS v3 `baseSeverity`, else CVSS v2
/// `severity`. Vulnerabilities the project suppressed (`suppressedVulnerabilities`) are kept,
/// marked suppressed, so the dossier can show them.
public enum DependencyCheckJSONReader: EvidenceReader {
  public static let format: FormatID = "dependency-check-json"
  public static let formatName = "OWASP Dependency-Check JSON"

  public static func sniff(_ head: FileHead) -> Bool {
    head.isJSONObject && head.hasJSONKey("scanInfo") && (head.hasJSONKey("reportSchema") || head.hasJSONKey("engineVersion"))
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let stream = DependencyCheckStream()
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    guard stream.root == .object else {
      throw InputError("expected a Dependency-Check report (an object), found an array", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    var out = ReadResult(
      tool: ToolInfo(name: "Dependency-Check", version: stream.scanInfo?.engineVersion),
      generatedAt: stream.projectInfo?.reportDate)
    out.findings = stream.findings
    out.scans = [.vulnerabilities]
    return out
  }

  /// The findings of one dependency: its vulnerabilities, then its suppressed ones.
  fileprivate static func findings(of dependency: DependencyCheckReport.Dependency) -> [Finding] {
    let package = packageRef(dependency)
    var findings: [Finding] = []
    for vulnerability in dependency.vulnerabilities ?? [] {
      findings.append(finding(vulnerability, package: package, dependency: dependency, suppressed: false))
    }
    for vulnerability in dependency.suppressedVulnerabilities ?? [] {
      findings.append(finding(vulnerability, package: package, dependency: dependency, suppressed: true))
    }
    return findings
  }

  private static func packageRef(_ dependency: DependencyCheckReport.Dependency) -> PackageRef {
    if let purl = dependency.packages?.lazy.compactMap({ PackageURL($0.id) }).first {
      return PackageRef(name: purl.qualifiedName, installedVersion: purl.version)
    }
    return PackageRef(name: dependency.fileName ?? dependency.filePath ?? "")
  }

  private static func finding(
    _ vulnerability: DependencyCheckReport.Vulnerability, package: PackageRef,
    dependency: DependencyCheckReport.Dependency, suppressed: Bool
  ) -> Finding {
    let stated = vulnerability.severity ?? vulnerability.cvssv3?.baseSeverity ?? vulnerability.cvssv2?.severity ?? ""
    let id = vulnerability.name
    let cve = id.hasPrefix("CVE-") ? [id] : []
    return Finding(
      tool: "Dependency-Check", kind: .vulnerability, ruleId: id, severity: .normalizing(stated), originalSeverity: stated,
      title: "\(id) in \(dependency.fileName ?? package.name)",
      location: FindingLocation(path: dependency.filePath, target: dependency.fileName),
      package: package, cve: cve, cwe: (vulnerability.cwes ?? []).filter { $0.hasPrefix("CWE-") },
      fingerprint: Fingerprint.make(.vulnerability, [id, package.name, package.installedVersion, nil]),
      suppression: suppressed ? "suppressed in Dependency-Check" : nil)
  }
}

// Minimal Codable shapes: only the fields homolog uses.
/// The dependencies one at a time (their evidence is passed over), `scanInfo` and `projectInfo`.
private final class DependencyCheckStream: JSONTopLevelStream {
  var findings: [Finding] = []
  var scanInfo: DependencyCheckReport.ScanInfo?
  var projectInfo: DependencyCheckReport.ProjectInfo?

  init() { super.init(itemArrays: ["dependencies"]) }

  override func item(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    let dependency = try JSONValueDecoder.decode(DependencyCheckReport.Dependency.self, from: value, in: stream)
    findings += DependencyCheckJSONReader.findings(of: dependency)
  }

  override func wantsMember(in stream: JSONStream) -> Bool { stream.isKey("scanInfo") || stream.isKey("projectInfo") }

  override func member(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    if stream.isKey("scanInfo") {
      scanInfo = try JSONValueDecoder.decode(DependencyCheckReport.ScanInfo.self, from: value, in: stream)
    } else {
      projectInfo = try JSONValueDecoder.decode(DependencyCheckReport.ProjectInfo.self, from: value, in: stream)
    }
  }

  override func scalarMember(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    if case .null = value { return }
    if wantsMember(in: stream) { throw stream.error("expected an object, found \(value.typeName)") }
  }
}

private struct DependencyCheckReport: Decodable {
  struct ScanInfo: Decodable { var engineVersion: String? }
  struct ProjectInfo: Decodable { var reportDate: String? }
  struct Dependency: Decodable {
    struct Package: Decodable { var id: String }
    var fileName: String?
    var filePath: String?
    var packages: [Package]?
    var vulnerabilities: [Vulnerability]?
    var suppressedVulnerabilities: [Vulnerability]?
  }
  struct Vulnerability: Decodable {
    struct CVSSv2: Decodable { var severity: String? }
    struct CVSSv3: Decodable { var baseSeverity: String? }
    var name: String
    var severity: String?
    var cvssv2: CVSSv2?
    var cvssv3: CVSSv3?
    var cwes: [String]?
  }
  var scanInfo: ScanInfo?
  var projectInfo: ProjectInfo?
  var dependencies: [Dependency]?
}
