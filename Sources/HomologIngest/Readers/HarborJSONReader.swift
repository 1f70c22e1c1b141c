import Foundation
import HomologModel
import HomologParsing

/// Harbor vulnerability report: what Harbor's API returns for an artifact's `additions/vulnerabilities`, one member
/// per report mime type (`application/vnd.security.vulnerability.report; version=1.1`,
/// `application/vnd.scanner.adapter.vuln.report.harbor+json; version=1.0`), or the report itself without that
/// envelope (`generated_at`, `scanner`, `severity`, `vulnerabilities`), as API clients return it.
///
/// Each vulnerability is an image vulnerability (judged as Trivy's image scans are); the scanned image is the
/// report's `artifact` (repository, tag, digest) or else the vulnerabilities' `artifact_digests`. Harbor states no
/// operating system, so no image is listed for the end-of-life check. Severity words are Harbor's
/// (`Negligible`, `Unknown` and `None` count as info). Even a clean report is a vulnerability scan. A report whose own
/// `severity` is above every vulnerability it lists is incomplete: the missing worst one is counted (`unlistedRule`).
public enum HarborJSONReader: EvidenceReader {
  public static let format: FormatID = "harbor-json"
  public static let formatName = "Harbor vulnerability report"

  /// The mime types of Harbor's vulnerability reports (the envelope's keys start with one of them).
  static let mimeTypes = ["application/vnd.security.vulnerability.report", "application/vnd.scanner.adapter.vuln.report.harbor+json"]

  public static func sniff(_ head: FileHead) -> Bool {
    guard head.isJSONObject else { return false }
    if mimeTypes.contains(where: { head.contains("\"\($0)") }) { return true }
    return head.hasJSONKey("generated_at") && head.hasJSONKey("scanner") && head.hasJSONKey("vulnerabilities")
      && !head.hasJSONKey("apiVersion")
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let stream = HarborStream(findingMode: input.findingMode)
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    guard stream.sawReport else {
      throw InputError(
        "expected a Harbor vulnerability report (`scanner` and `vulnerabilities`), directly or under a report mime type",
        at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    var out = stream.out
    out.tool = stream.scanner.map { ToolInfo(name: $0.name, version: $0.version) } ?? ToolInfo(name: "Harbor")
    out.generatedAt = stream.generatedAt
    out.scans = [.vulnerabilities]
    if let stated = stream.statedSeverity { countUnlisted(stated: stated, worst: stream.worst, target: stream.artifact, into: &out) }
    return out
  }

  /// Harbor's report states its own `severity`, the worst of the artifact's vulnerabilities. When that is above every
  /// vulnerability listed, the list was cut short (a client, a copy): the worst one is missing. It is counted as one
  /// vulnerability at the stated severity, titled so, so thresholds judge what Harbor said rather than the shortened list.
  static func countUnlisted(stated word: String, worst: Severity?, target: String?, into out: inout ReadResult) {
    let stated = Severity.normalizing(word)
    guard stated > .info, worst.map({ stated > $0 }) ?? true else { return }
    let tool = out.tool?.name ?? "Harbor"
    let listed = worst.map { "the worst listed is \($0.rawValue.capitalized)" } ?? "none is listed"
    out.add(stated, .vulnerability) {
      Finding(
        tool: tool, kind: .vulnerability, ruleId: unlistedRule, severity: stated, originalSeverity: word,
        title: "Harbor states the report's severity \(word) but \(listed): the list is incomplete; "
          + "one unlisted vulnerability counted at \(word)",
        location: target.map { FindingLocation(target: $0) },
        fingerprint: Fingerprint.make(.vulnerability, [unlistedRule, word, target, nil]))
    }
  }

  /// The rule id of the vulnerability counted for a report whose stated severity is above its list.
  public static let unlistedRule = "harbor-report-severity"

  /// `repository:tag@digest` (what is known of it), or nil.
  static func artifactName(repository: String?, tag: String?, digest: String?) -> String? {
    var name = repository ?? ""
    if let tag, !tag.isEmpty, !name.isEmpty { name += ":\(tag)" }
    if let digest, !digest.isEmpty { name += name.isEmpty ? digest : "@\(digest)" }
    return name.isEmpty ? nil : name
  }
}

/// Streams one report: its members at the top level, or under a mime-type key; each vulnerability built on its own.
private final class HarborStream: JSONStreamHandler {
  var out: ReadResult
  var scanner: (name: String, version: String?)?
  var generatedAt: String?
  var sawReport = false
  /// The report's own `severity` (the worst of the artifact's vulnerabilities, as Harbor states it).
  var statedSeverity: String?
  /// The worst severity of the vulnerabilities listed.
  var worst: Severity?
  /// The depth of the report's members: 1 bare, 2 under a mime type.
  private var reportDepth = 1
  private(set) var artifact: String?

  init(findingMode: FindingMode) {
    out = ReadResult()
    out.findingMode = findingMode
  }

  private func isReportMember(_ stream: JSONStream) -> Bool { stream.depth == reportDepth }

  func begin(_ container: JSONContainer, in stream: JSONStream) throws(InputError) -> JSONStreamAction {
    if stream.depth == 0 {
      guard container == .object else { throw stream.error("expected a JSON object (a Harbor report), found an array") }
      return .enter
    }
    if stream.depth == 1, container == .object, let key = stream.key,
      HarborJSONReader.mimeTypes.contains(where: { key.hasPrefix($0) })
    {
      reportDepth = 2
      return .enter
    }
    if isReportMember(stream) {
      if stream.isKey("vulnerabilities") {
        guard container == .array else { throw stream.error("expected an array of vulnerabilities, found an object") }
        sawReport = true
        return .enter
      }
      return stream.isKey("scanner") || stream.isKey("artifact") ? .capture : .skip
    }
    if stream.depth == reportDepth + 1, container == .object { return .capture }
    return .skip
  }

  func scalar(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    if isReportMember(stream) {
      if stream.isKey("generated_at") { generatedAt = value.string }
      if stream.isKey("severity") { statedSeverity = value.string }
      return
    }
    if stream.depth == reportDepth + 1 {
      guard case .null = value else { throw stream.error("expected a vulnerability (an object), found \(value.typeName)") }
    }
  }

  func captured(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    do throws(JSONShapeError) {
      if isReportMember(stream), stream.isKey("scanner") {
        sawReport = true
        scanner = (try value.string("name") ?? "Harbor", try value.string("version"))
      } else if isReportMember(stream), stream.isKey("artifact") {
        artifact = HarborJSONReader.artifactName(
          repository: try value.string("repository"), tag: try value.string("tag"), digest: try value.string("digest"))
      } else {
        try vulnerability(value)
      }
    } catch {
      throw stream.error(error)
    }
  }

  private func vulnerability(_ value: JSONValue) throws(JSONShapeError) {
    guard let id = try value.string("id") else { throw JSONShapeError.missing("id") }
    let severity = try value.string("severity") ?? "Unknown"
    let package = try value.string("package") ?? ""
    let version = try value.string("version")
    let fixed = try value.string("fix_version")
    let title = try value.string("description")
    let digests = try value.strings("artifact_digests") ?? []
    let target = artifact ?? digests.first { !$0.isEmpty }
    let cwe = (try value.strings("cwe_ids") ?? []).filter { !$0.isEmpty }
    let tool = scanner?.name ?? "Harbor"
    worst = max(worst ?? .info, .normalizing(severity))
    out.add(.normalizing(severity), .vulnerability) {
      Finding(
        tool: tool, kind: .vulnerability, ruleId: id, severity: .normalizing(severity), originalSeverity: severity,
        title: title.map { String($0.prefix(200)) } ?? id, location: target.map { FindingLocation(target: $0) },
        package: PackageRef(name: package, installedVersion: version, fixedVersion: fixed?.isEmpty == false ? fixed : nil),
        cve: id.hasPrefix("CVE-") ? [id] : [], cwe: cwe,
        fingerprint: Fingerprint.make(.vulnerability, [id, package, version, nil]))
    }
  }
}
