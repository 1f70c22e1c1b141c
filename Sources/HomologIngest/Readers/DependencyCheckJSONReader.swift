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
    let stream = DependencyCheckStream(findingMode: input.findingMode)
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    guard stream.root == .object else {
      throw InputError("expected a Dependency-Check report (an object), found an array", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    var out = stream.out
    out.tool = ToolInfo(name: "Dependency-Check", version: stream.scanInfo?.engineVersion)
    out.generatedAt = stream.projectInfo?.reportDate
    out.scans = [.vulnerabilities]
    return out
  }

  /// Adds the findings of one dependency to `out`: its vulnerabilities, then its suppressed ones (only
  /// counted in count mode: no package, title or fingerprint built).
  fileprivate static func add(_ dependency: DependencyCheckReport.Dependency, to out: inout ReadResult) {
    let package = out.keepsFindings ? packageRef(dependency) : PackageRef(name: "")
    for (list, suppressed) in [(dependency.vulnerabilities, false), (dependency.suppressedVulnerabilities, true)] {
      for vulnerability in list ?? [] {
        out.add(.normalizing(statedSeverity(vulnerability)), .vulnerability) {
          finding(vulnerability, package: package, dependency: dependency, suppressed: suppressed)
        }
      }
    }
  }

  /// The severity a vulnerability states: its own, else CVSS v3's, else CVSS v2's (empty when none).
  private static func statedSeverity(_ vulnerability: DependencyCheckReport.Vulnerability) -> String {
    vulnerability.severity ?? vulnerability.cvssv3?.baseSeverity ?? vulnerability.cvssv2?.severity ?? ""
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
    let stated = statedSeverity(vulnerability)
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
  var out = ReadResult()
  var scanInfo: DependencyCheckReport.ScanInfo?
  var projectInfo: DependencyCheckReport.ProjectInfo?
  private let keys: JSONKeySet?
  /// In count mode, only the vulnerability lists are built (their severities decide the counts).
  private static let countedKeys = JSONKeySet(["vulnerabilities", "suppressedVulnerabilities"])

  init(findingMode: FindingMode) {
    out.findingMode = findingMode
    keys = findingMode == .keep ? nil : DependencyCheckStream.countedKeys
    super.init(itemArrays: ["dependencies"])
  }

  override var itemKeys: JSONKeySet? { keys }

  override func item(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    let dependency = try JSONValueDecoder.decode(DependencyCheckReport.Dependency.self, from: value, in: stream)
    DependencyCheckJSONReader.add(dependency, to: &out)
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
