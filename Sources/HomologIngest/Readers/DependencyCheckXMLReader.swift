import Foundation
import HomologModel
import HomologParsing

/// OWASP Dependency-Check XML reports (any schema version: elements are matched by local name), streamed.
///
/// Every `<vulnerability>` of every `<dependency>` is a finding: rule and CVE from its `<name>`,
/// severity from its `<severity>` (else the CVSS v3, then v2, one), package named and versioned by
/// its first package identifier (purl), else by the dependency's `<fileName>`. Suppressed
/// vulnerabilities (`<suppressedVulnerability>`) are not findings. The fingerprint is
/// `Fingerprint.make(.vulnerability, [name, purl name (else file name), purl version, nil])`, the same as the JSON report's.
public enum DependencyCheckXMLReader: EvidenceReader {
  public static let format: FormatID = "dependency-check-xml"
  public static let formatName = "OWASP Dependency-Check XML"
  /// The tool name findings carry.
  public static let toolName = "Dependency-Check"

  public static func sniff(_ head: FileHead) -> Bool {
    head.xmlRootElement == "analysis"
      && (head.contains("dependency-check") || head.contains("DependencyCheck") || head.contains("<engineVersion"))
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let handler = DependencyCheckHandler(file: input.path, findingMode: input.findingMode)
    try XMLStreamParser.parse(file: input.url, displayPath: input.path, handler: handler)
    return handler.result()
  }

  /// The version of a package URL: `pkg:golang/github.com/x/y@1.6.0?type=module` → `1.6.0`.
  public static func purlVersion(_ purl: String) -> String? {
    guard let at = purl.lastIndex(of: "@") else { return nil }
    let rest = purl[purl.index(after: at)...]
    let version = rest.prefix { $0 != "?" && $0 != "#" }
    guard !version.isEmpty else { return nil }
    return version.removingPercentEncoding ?? String(version)
  }
}

private final class DependencyCheckHandler: XMLStreamHandler {
  /// The text fields the reader keeps, by the element that holds them.
  enum Field {
    case engineVersion, reportDate, fileName, filePath, packageId, name, severity, cvss3Severity, cvss2Severity,
      description, cwe
  }

  struct Vulnerability {
    var line: Int
    var name = ""
    var severity: String?
    var cvss3Severity: String?
    var cvss2Severity: String?
    var description: String?
    var cwes: [String] = []
  }

  struct Dependency {
    var fileName: String?
    var filePath: String?
    var packageId: String?
    var vulnerabilities: [Vulnerability] = []
  }

  let file: String
  var stack: [String] = []
  var capturing: (field: Field, depth: Int)?
  var text = TextCapture(limit: 8192)
  var engineVersion: String?
  var reportDate: String?
  var dependency: Dependency?
  var vulnerability: Vulnerability?
  var out = ReadResult()

  init(file: String, findingMode: FindingMode) {
    self.file = file
    out.findingMode = findingMode
  }

  func startElement(_ name: String, attributes: XMLAttributes, line: Int) throws(InputError) {
    let parent = stack.last
    stack.append(name)
    if parent == nil {
      guard name == "analysis" else { throw .unexpectedRoot(name, file: file, line: line) }
      return
    }
    switch (name, parent) {
    case ("dependency", "dependencies"):
      dependency = Dependency()
    case ("vulnerability", "vulnerabilities") where dependency != nil:
      vulnerability = Vulnerability(line: line)
    default:
      break
    }
    guard capturing == nil, let field = field(name, parent: parent) else { return }
    capturing = (field, stack.count)
    text.begin()
  }

  /// Which kept field an element holds, if any (in count mode, only those that decide a finding's severity).
  func field(_ name: String, parent: String?) -> Field? {
    switch (name, parent) {
    case ("engineVersion", "scanInfo"): return .engineVersion
    case ("reportDate", "projectInfo"): return .reportDate
    default: break
    }
    guard out.keepsFindings else { return vulnerability == nil ? nil : severityField(name, parent: parent) }
    switch (name, parent) {
    case ("fileName", "dependency") where dependency != nil && vulnerability == nil: return .fileName
    case ("filePath", "dependency") where dependency != nil && vulnerability == nil: return .filePath
    case ("id", "package") where dependency?.packageId == nil && stackEnds(with: ["dependency", "identifiers", "package", "id"]):
      return .packageId
    default: break
    }
    guard vulnerability != nil else { return nil }
    switch (name, parent) {
    case ("description", "vulnerability"): return .description
    case ("cwe", "cwes"): return .cwe
    default: return severityField(name, parent: parent)
    }
  }

  /// The fields of a `<vulnerability>` every mode reads: its name (required) and stated severities.
  func severityField(_ name: String, parent: String?) -> Field? {
    switch (name, parent) {
    case ("name", "vulnerability"): return .name
    case ("severity", "vulnerability"): return .severity
    case ("baseSeverity", "cvssV3"): return .cvss3Severity
    case ("severity", "cvssV2"): return .cvss2Severity
    default: return nil
    }
  }

  /// True when the open elements end with these names.
  func stackEnds(with names: [String]) -> Bool {
    stack.count >= names.count && stack.suffix(names.count).elementsEqual(names)
  }

  func characters(_ bytes: UnsafeRawBufferPointer) {
    if capturing != nil { text.append(bytes) }
  }

  func endElement(_ name: String, line: Int) throws(InputError) {
    defer { stack.removeLast() }
    if let capture = capturing, capture.depth == stack.count {
      capturing = nil
      store(text.end(), in: capture.field)
    }
    let parent = stack.count >= 2 ? stack[stack.count - 2] : nil
    switch (name, parent) {
    case ("vulnerability", "vulnerabilities"):
      guard let finished = vulnerability else { return }
      vulnerability = nil
      guard !finished.name.isEmpty else { throw .missingName(file: file, line: finished.line) }
      dependency?.vulnerabilities.append(finished)
    case ("dependency", "dependencies"):
      guard let finished = dependency else { return }
      dependency = nil
      emit(finished)
    default:
      break
    }
  }

  func store(_ value: String, in field: Field) {
    switch field {
    case .engineVersion: engineVersion = value
    case .reportDate: reportDate = value
    case .fileName: dependency?.fileName = value
    case .filePath: dependency?.filePath = value
    case .packageId: dependency?.packageId = value
    case .name: vulnerability?.name = value
    case .severity: vulnerability?.severity = value
    case .cvss3Severity: vulnerability?.cvss3Severity = value
    case .cvss2Severity: vulnerability?.cvss2Severity = value
    case .description: vulnerability?.description = value
    case .cwe: if value.hasPrefix("CWE-") { vulnerability?.cwes.append(value) }
    }
  }

  func emit(_ dependency: Dependency) {
    // Same package identity as the JSON report: the purl when there is one, else the file name.
    let purl = out.keepsFindings ? dependency.packageId.flatMap(PackageURL.init) : nil
    let packageName = purl?.qualifiedName ?? dependency.fileName ?? ""
    let version = purl?.version
    for vuln in dependency.vulnerabilities {
      let severity = [vuln.severity, vuln.cvss3Severity, vuln.cvss2Severity].compactMap { $0 }.first { !$0.isEmpty }
        ?? "UNKNOWN"
      // Count mode: only the severity, no title, package or fingerprint.
      out.add(.normalizing(severity), .vulnerability) {
        let title = vuln.description.map { Self.firstSentence($0) } ?? vuln.name
        return Finding(
          tool: DependencyCheckXMLReader.toolName, kind: .vulnerability, ruleId: vuln.name,
          severity: .normalizing(severity), originalSeverity: severity, title: title.isEmpty ? vuln.name : title,
          location: FindingLocation(path: dependency.filePath, target: packageName),
          package: PackageRef(name: packageName, installedVersion: version),
          cve: vuln.name.hasPrefix("CVE-") ? [vuln.name] : [], cwe: vuln.cwes,
          fingerprint: Fingerprint.make(.vulnerability, [vuln.name, packageName, version, nil]))
      }
    }
  }

  /// A title from a description: its first sentence or line, at most 200 characters.
  static func firstSentence(_ description: String) -> String {
    var title = description.prefix { $0 != "\n" }
    if let stop = title.range(of: ". ") { title = title[..<stop.lowerBound] }
    return title.count > 200 ? String(title.prefix(199)) + "…" : String(title)
  }

  func result() -> ReadResult {
    var result = out
    result.tool = ToolInfo(name: DependencyCheckXMLReader.toolName, version: engineVersion)
    result.generatedAt = reportDate
    result.scans = [.vulnerabilities]
    return result
  }
}

extension InputError {
  fileprivate static func unexpectedRoot(_ name: String, file: String, line: Int) -> InputError {
    InputError("expected an <analysis> root element, found <\(name)>", at: SourceLocation(file: file, line: line))
  }

  fileprivate static func missingName(file: String, line: Int) -> InputError {
    InputError("expected a <name> in <vulnerability>", at: SourceLocation(file: file, line: line))
  }
}
