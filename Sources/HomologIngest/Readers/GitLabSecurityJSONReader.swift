import Foundation
import HomologModel
import HomologParsing

/// GitLab security reports (`gl-sast-report.json`, `gl-dependency-scanning-report.json`,
/// `gl-container-scanning-report.json`, `gl-secret-detection-report.json`): schema 14 and 15, and the
/// older 2.x/3.x reports (no `scan` block, a `category` on each vulnerability), streamed.
///
/// The kind and scope follow the report type (`scan.type`, else each vulnerability's `category`), as the
/// equivalent scanners read alone: container and dependency scanning are vulnerability scans (Trivy image,
/// a dependency scan), secret detection a secret scan (Gitleaks), SAST a code analysis (SARIF SAST); a SAST
/// finding of a secret scanner (the old SAST reports ran Gitleaks and TruffleHog) is a secret. Severity is
/// GitLab's (`Critical`…`Info`; `Unknown` is info); a vulnerability without `severity` is info with an empty
/// original, so the tool's silence stays visible (GitLab shows it as Unknown). Container scanning also names the
/// image and its OS (`operating_system`), kept as an image for the base-image support check. A scan the report
/// states failed (`scan.status` `failure`) proves no absence: it gives no scope, and its `scan.messages` are kept
/// for the checks of that scope to cite.
public enum GitLabSecurityJSONReader: EvidenceReader {
  public static let format: FormatID = "gitlab-security-json"
  public static let formatName = "GitLab security report JSON"

  /// A GitLab security report other than dependency scanning (`GitLabDependencyScanningJSONReader` takes those).
  public static func sniff(_ head: FileHead) -> Bool { isReport(head) && !isDependencyScanning(head) }

  /// Any GitLab security report: vulnerabilities with identifiers, location and scanner, or a clean report's scan block.
  static func isReport(_ head: FileHead) -> Bool {
    guard head.isJSONObject, head.hasJSONKey("vulnerabilities") else { return false }
    if head.hasJSONKey("identifiers") && head.hasJSONKey("location") && head.hasJSONKey("scanner") { return true }
    return head.hasJSONKey("scan") && head.hasJSONKey("scanner") && head.hasJSONKey("start_time")
  }

  /// A dependency scanning report: its type (`"dependency_scanning"`, as `scan.type` or a `category`) is in the
  /// head; or, when no type is (schema 15 dropped `category`, and `scan` may come last), its locations name a
  /// package dependency and no image or operating system (container scanning's locations do).
  static func isDependencyScanning(_ head: FileHead) -> Bool {
    if head.contains("\"dependency_scanning\"") { return true }
    let others = ["\"container_scanning\"", "\"cluster_image_scanning\"", "\"sast\"", "\"secret_detection\"", "\"dast\""]
    if others.contains(where: head.contains) { return false }
    return head.hasJSONKey("dependency") && !head.hasJSONKey("operating_system") && !head.hasJSONKey("image")
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let stream = GitLabStream()
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    guard stream.root == .object else {
      throw InputError("expected a GitLab security report (an object), found an array", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    guard stream.sawVulnerabilities else {
      throw InputError("missing required key \"vulnerabilities\"", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    let scan = stream.scan
    let scanner = scan?.scanner
    var out = ReadResult(
      tool: ToolInfo(name: scanner?.name ?? "GitLab", version: scanner?.version.flatMap { $0 == ":SKIP:" ? nil : $0 }),
      generatedAt: scan?.endTime.flatMap { $0 == ":SKIP:" ? nil : $0 })
    out.findingMode = input.findingMode
    var scans = Set<ScanScope>()
    if let type = scan?.type, let scope = scope(of: type, scanner: scanner?.name) {
      // A failed scan (`"status": "failure"`, the analyzer stopped) proves no absence: no scope, its messages cited.
      if scan?.status == "failure" {
        out.scanFailures.append(ScanFailure(scope: scope, messages: scan?.messages?.map(\.text) ?? []))
      } else {
        scans.insert(scope)
      }
    }
    for vulnerability in stream.vulnerabilities {
      let category = vulnerability.category ?? scan?.type ?? ""
      let scannerName = vulnerability.scanner?.name ?? scanner?.name ?? "GitLab"
      if scan?.status != "failure", let scope = scope(of: category, scanner: scannerName) { scans.insert(scope) }
      let kind = kind(of: category, scanner: scannerName)
      if let image = image(of: vulnerability), !out.images.contains(image) { out.images.append(image) }
      let stated = vulnerability.severity ?? ""
      out.add(Severity.normalizing(stated), kind) {
        finding(vulnerability, kind: kind, tool: scannerName, stated: stated)
      }
    }
    out.scans = scans
    return out
  }

  /// `sast` → code issue (a secret when a secret scanner produced it), `secret_detection` → secret,
  /// dependency, container and cluster image scanning → vulnerability. DAST and fuzzing findings (weaknesses of
  /// the running application) are listed as misconfigurations: a code issue would count them as static analysis.
  private static func kind(of category: String, scanner: String) -> FindingKind {
    switch category {
    case "secret_detection": return .secret
    case "dependency_scanning", "container_scanning", "cluster_image_scanning": return .vulnerability
    case "dast", "api_fuzzing", "coverage_fuzzing", "browser_based_dast": return .misconfiguration
    default: return SARIFReader.toolKind(scanner) == .secret ? .secret : .codeIssue
    }
  }

  /// The scanned image and its OS as container scanning states them (`"operating_system": "ubuntu 22.04"`), for
  /// `image.base-supported`; nil without an image or with an `Unknown` OS. GitLab states no end of life.
  private static func image(of item: GitLabVulnerability) -> ImageInfo? {
    guard let name = item.location?.image, let system = item.location?.operatingSystem else { return nil }
    let words = system.split(separator: " ", maxSplits: 1).map(String.init)
    guard words.count == 2, words[0].lowercased() != "unknown" else { return nil }
    return ImageInfo(name: name, osFamily: words[0].lowercased(), osName: words[1], endOfLife: false)
  }

  /// What a report type looked for (nil for a type homolog does not count as a scan: DAST, fuzzing).
  private static func scope(of category: String, scanner: String?) -> ScanScope? {
    switch category {
    case "secret_detection": return .secrets
    case "dependency_scanning", "container_scanning", "cluster_image_scanning": return .vulnerabilities
    case "sast": return scanner.map { SARIFReader.toolKind($0) == .secret } == true ? .secrets : .codeAnalysis
    default: return nil
    }
  }

  private static func finding(_ item: GitLabVulnerability, kind: FindingKind, tool: String, stated: String) -> Finding {
    let identifiers = item.identifiers ?? []
    var cves: [String] = []
    var cwes: [String] = []
    for identifier in identifiers {
      switch identifier.type.lowercased() {
      case "cve" where !cves.contains(identifier.value): cves.append(identifier.value)
      case "cwe":
        // `value` is the number (`79`, `"79"`); some analyzers put a rule name there and the id in `name` (`CWE-943`).
        let number = Int(identifier.value) ?? IdentifierPatterns.cweNumber(identifier.value.lowercased())
          ?? identifier.name.flatMap { IdentifierPatterns.cweNumber($0.lowercased()) }
        if let number, !cwes.contains("CWE-\(number)") { cwes.append("CWE-\(number)") }
      default: break
      }
    }
    if let cve = item.cve, cve.hasPrefix("CVE-"), !cves.contains(cve) { cves.append(cve) }
    let location = item.location
    let package = location?.dependency?.package?.name.map {
      PackageRef(name: $0, installedVersion: location?.dependency?.version)
    }
    let ruleId = kind == .vulnerability ? (cves.first ?? identifiers.first?.value ?? item.id ?? "") : (identifiers.first?.value ?? item.id ?? "")
    let title: String
    if let name = item.name ?? item.message, !name.isEmpty {
      title = name
    } else if let package {
      title = [ruleId, "in", package.name, package.installedVersion].compactMap { $0 }.joined(separator: " ")
    } else {
      title = ruleId
    }
    let target = location?.image ?? (kind == .vulnerability ? location?.file : nil)
    let fingerprint = kind == .vulnerability
      ? Fingerprint.make(.vulnerability, [cves.first ?? ruleId, package?.name, package?.installedVersion, nil])
      : Fingerprint.make(kind, ["gitlab", ruleId, location?.file, location?.startLine.map(String.init), title])
    return Finding(
      tool: tool, kind: kind, ruleId: ruleId, severity: Severity.normalizing(stated), originalSeverity: stated,
      title: title,
      location: FindingLocation(path: location?.file, line: location?.startLine, endLine: location?.endLine, target: target),
      package: package, cve: cves, cwe: cwes, fingerprint: fingerprint)
  }
}

/// The vulnerabilities one at a time, reduced to the fields read (the `scan` block, which names the
/// report type and scanner, may come after them), and `scan`.
private final class GitLabStream: JSONTopLevelStream {
  var vulnerabilities: [GitLabVulnerability] = []
  var sawVulnerabilities = false
  var scan: GitLabScan?
  private static let keys = JSONKeySet([
    "id", "category", "name", "message", "cve", "severity", "scanner", "location", "identifiers",
  ])

  init() { super.init(itemArrays: ["vulnerabilities"]) }

  override var itemKeys: JSONKeySet? { GitLabStream.keys }
  override func itemArrayBegins(in stream: JSONStream) throws(InputError) { sawVulnerabilities = true }

  override func item(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    vulnerabilities.append(try JSONValueDecoder.decode(GitLabVulnerability.self, from: value, in: stream))
  }

  override func wantsMember(in stream: JSONStream) -> Bool { stream.isKey("scan") }

  override func member(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    scan = try JSONValueDecoder.decode(GitLabScan.self, from: value, in: stream)
  }

  override func scalarMember(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    if case .null = value { return }
    if wantsMember(in: stream) { throw stream.error("expected an object, found \(value.typeName)") }
  }
}

// Minimal Codable shapes: only the fields homolog uses.
private struct GitLabScanner: Decodable {
  var id: String?
  var name: String?
  var version: String?
}

private struct GitLabScan: Decodable {
  /// One of `scan.messages`: a level (`info`, `warn`, `fatal`) and its text.
  struct Note: Decodable {
    var level: String?
    var value: String?
    var text: String { [level, value].compactMap { $0 }.joined(separator: ": ") }
  }
  var scanner: GitLabScanner?
  var type: String?
  var endTime: String?
  /// `success` or `failure`.
  var status: String?
  var messages: [Note]?
  private enum CodingKeys: String, CodingKey {
    case scanner, type, status, messages
    case endTime = "end_time"
  }
}

private struct GitLabVulnerability: Decodable {
  /// `value` is a string, or a number in some analyzers' CWE identifiers (`"value": 79`).
  struct Identifier: Decodable {
    var type: String
    var name: String?
    var value: String
    private enum CodingKeys: String, CodingKey { case type, name, value }
    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      type = try container.decode(String.self, forKey: .type)
      name = try container.decodeIfPresent(String.self, forKey: .name)
      if let number = try? container.decode(Int.self, forKey: .value) {
        value = String(number)
      } else {
        value = try container.decode(String.self, forKey: .value)
      }
    }
  }
  struct Location: Decodable {
    struct Dependency: Decodable {
      struct Package: Decodable { var name: String? }
      var package: Package?
      var version: String?
    }
    var file: String?
    var startLine: Int?
    var endLine: Int?
    var image: String?
    var operatingSystem: String?
    var dependency: Dependency?
    private enum CodingKeys: String, CodingKey {
      case file, image, dependency
      case operatingSystem = "operating_system"
      case startLine = "start_line"
      case endLine = "end_line"
    }
  }
  var id: String?
  var category: String?
  var name: String?
  var message: String?
  var cve: String?
  var severity: String?
  var scanner: GitLabScanner?
  var location: Location?
  var identifiers: [Identifier]?
}
