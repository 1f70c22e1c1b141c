import Foundation
import HomologModel
import HomologParsing

/// SARIF 2.1.0 from any tool (CodeQL, Semgrep, Bandit, Checkov, Trivy, Gitleaks, Dependency-Check…):
/// every result of every run, except results whose `kind` says they are not problems (`pass`, `notApplicable`).
///
/// Severity: the rule's or the result's `properties.security-severity` when present (a CVSS-like
/// number, or a word as Semgrep writes it), else the SARIF `level` (error → high, warning → medium,
/// note and none → info). An absent level is the rule's `defaultConfiguration.level`, else `warning`
/// (SARIF 2.1.0 §3.27.10; `none` when the result's `kind` is not `fail`). The original kept is the
/// security-severity text when it decided, else the resolved level.
public enum SARIFReader: EvidenceReader {
  public static let format: FormatID = "sarif"
  public static let formatName = "SARIF 2.1.0"

  public static func sniff(_ head: FileHead) -> Bool {
    guard head.isJSONObject, head.hasJSONKey("runs") else { return false }
    // `$schema` and `version` may come last (Bandit writes them after the runs): `tool.driver` is SARIF's own.
    return head.contains("sarif") || (head.hasJSONKey("tool") && head.hasJSONKey("driver"))
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let stream = SARIFStream(findingMode: input.findingMode)
    try JSONStreamParser.parse(file: input.url, displayPath: input.path, handler: stream)
    guard stream.sawRuns else {
      throw InputError("missing required key \"runs\"", at: SourceLocation(file: input.path, jsonPath: "$"))
    }
    var out = stream.out
    out.tool = toolInfo(stream.drivers)
    out.generatedAt = stream.generatedAt
    out.scans = stream.scans
    return out
  }

  /// Adds the finding of one result of a run whose tool is known (results that are not problems give none).
  /// Counting needs only the rule's kind and the severity: the rest is built when findings are kept.
  static func append(_ result: SARIFResult, of run: inout SARIFRun, tool: SARIFTool, to out: inout ReadResult) {
    if let kind = result.kind, kind == "pass" || kind == "notApplicable" { return }
    let rule = tool.rule(for: result)
    let ruleId = result.ruleId ?? result.ruleReferenceId ?? rule?.id ?? ""
    let (kind, cwes) = facts(result, rule: rule, ruleId: ruleId, in: &run)
    let (severity, original) = severity(result, rule: rule)
    out.add(severity, kind) {
      var finding = finding(
        result, in: run, tool: tool, rule: rule, ruleId: ruleId, kind: kind, cwes: cwes, severity: severity, original: original)
      // Results other than vulnerabilities can repeat (same rule, file and snippet or line):
      // the n-th repeat gets its rank appended, so fingerprints stay unique within the file.
      if finding.kind != .vulnerability {
        let count = run.seen.add(finding.fingerprint)
        if count > 0 { finding.fingerprint = Fingerprint.make(finding.kind, [finding.fingerprint, String(count + 1)]) }
      }
      return finding
    }
  }

  /// The driver of the runs; several different drivers are listed together, without a version.
  private static func toolInfo(_ drivers: [SARIFComponent]) -> ToolInfo? {
    guard let first = drivers.first else { return nil }
    var names: [String] = []
    for driver in drivers where !names.contains(driver.name) { names.append(driver.name) }
    if names.count > 1 { return ToolInfo(name: names.joined(separator: ", ")) }
    return ToolInfo(name: first.name, version: first.version ?? first.semanticVersion)
  }

  /// Kind and CWEs depend on the rule and the result's own tags: found once per rule when the result adds none.
  private static func facts(
    _ result: SARIFResult, rule: SARIFRule?, ruleId: String, in run: inout SARIFRun
  ) -> (FindingKind, [String]) {
    if result.tags.isEmpty, let known = run.ruleFacts[ruleId] { return known }
    let tags = ((rule?.tags ?? []) + result.tags).map { $0.lowercased() }
    let facts = (kind(toolKind: run.toolKind, ruleId: ruleId, tags: tags), cweIds(tags))
    if result.tags.isEmpty && !ruleId.isEmpty { run.ruleFacts[ruleId] = facts }
    return facts
  }

  /// The normalized severity and the original text that decided it.
  private static func severity(_ result: SARIFResult, rule: SARIFRule?) -> (Severity, String) {
    let notAFailure = result.kind.map { $0 != "fail" } ?? false
    let level = result.level ?? (notAFailure ? "none" : rule?.defaultLevel ?? "warning")
    // The result's own text, when present (even empty), else the rule's, decided once per rule.
    if let text = result.securitySeverity {
      if let severity = SARIFRule.severity(decidedBy: text) { return (severity, text) }
    } else if let severity = rule?.decidedSeverity, let text = rule?.securitySeverity {
      return (severity, text)
    }
    return (levelSeverity(level), level)
  }

  private static func finding(
    _ result: SARIFResult, in run: SARIFRun, tool: SARIFTool, rule: SARIFRule?, ruleId: String, kind: FindingKind,
    cwes: [String], severity: Severity, original: String
  ) -> Finding {
    let driver = tool.driver
    let uri = run.uri(of: result)
    let line = result.startLine
    let message = result.message ?? ""
    let package = kind == .vulnerability ? trivyPackage(message) : nil
    let cves = IdentifierPatterns.cvePrefix(ruleId).map { [$0] } ?? []

    let fingerprint: String
    if kind == .vulnerability {
      fingerprint = package.map { Fingerprint.make(.vulnerability, [cves.first ?? ruleId, $0.name, $0.installedVersion, nil]) }
        ?? Fingerprint.make(.vulnerability, [cves.first ?? ruleId, uri])
    } else if let stated = result.statedFingerprints {
      // The tool's own identity: `fingerprints` (complete) before `partialFingerprints`.
      fingerprint = Fingerprint.make(kind, [driver.name, ruleId, uri, stated])
    } else {
      // Never a secret's text; elsewhere the snippet survives lines moving where the line number does not.
      let anchor = kind == .secret ? line.map(String.init) : (result.snippet ?? line.map(String.init))
      fingerprint = Fingerprint.make(kind, [driver.name, ruleId, uri, anchor, kind == .secret ? nil : message])
    }

    return Finding(
      tool: driver.name, kind: kind, ruleId: ruleId, severity: severity, originalSeverity: original,
      title: title(rule: rule, message: message, ruleId: ruleId),
      location: FindingLocation(path: uri, line: line, endLine: result.endLine),
      package: package, cve: cves, cwe: cwes, fingerprint: fingerprint,
      suppression: suppression(result.suppressions))
  }

  private static func levelSeverity(_ level: String) -> Severity {
    switch level {
    case "error": .high
    case "warning": .medium
    case "note", "none": .info
    default: .normalizing(level)
    }
  }

  /// The kind a tool's name alone decides, found once per run: secret scanners, dependency scanners, IaC scanners.
  /// What a run's tool scans for, even when it reports nothing: secret scanners secrets, dependency scanners and
  /// Trivy vulnerabilities, IaC scanners neither, any other tool source code.
  static func scopes(of tool: String, kind: FindingKind?) -> Set<ScanScope> {
    switch kind {
    case .secret: return [.secrets]
    case .vulnerability: return [.vulnerabilities]
    case .misconfiguration: return []
    default: return IdentifierPatterns.contains(tool.lowercased(), "trivy") ? [.vulnerabilities] : [.codeAnalysis]
    }
  }

  static func toolKind(_ tool: String) -> FindingKind? {
    let tool = tool.lowercased()
    if ["gitleaks", "trufflehog", "detect-secrets", "ggshield"].contains(where: { IdentifierPatterns.contains(tool, $0) }) {
      return .secret
    }
    if ["dependency-check", "grype", "osv-scanner", "npm audit", "pip-audit"].contains(where: { IdentifierPatterns.contains(tool, $0) }) {
      return .vulnerability
    }
    if ["checkov", "kics", "tfsec", "terrascan", "kube-linter", "kubescape", "hadolint"].contains(where: { IdentifierPatterns.contains(tool, $0) }) {
      return .misconfiguration
    }
    return nil
  }

  /// Secret scanners and secret rules; dependency scanners and CVE-like rule ids; IaC scanners; else code.
  private static func kind(toolKind: FindingKind?, ruleId: String, tags: [String]) -> FindingKind {
    let rule = ruleId.lowercased()
    if toolKind == .secret || tags.contains("secret") || tags.contains("secrets") || IdentifierPatterns.contains(rule, "secret") {
      return .secret
    }
    if toolKind == .vulnerability
      || IdentifierPatterns.startsWithAdvisoryPrefix(rule, prefixes: ["cve", "ghsa", "osv", "pysec", "rustsec", "go"])
      || ruleId.hasPrefix("GHSA-") || tags.contains("vulnerability")
    {
      return .vulnerability
    }
    if toolKind == .misconfiguration || tags.contains("misconfiguration") {
      return .misconfiguration
    }
    return .codeIssue
  }

  /// The rule's short description, else the message's first line, else the rule name or id.
  private static func title(rule: SARIFRule?, message: String, ruleId: String) -> String {
    if let short = rule?.shortDescription, !short.isEmpty { return short }
    let firstLine = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    if !firstLine.isEmpty { return firstLine.count > 200 ? String(firstLine.prefix(199)) + "…" : firstLine }
    return rule?.name ?? ruleId
  }

  /// `CWE-79`, `external/cwe/cwe-079`, `CWE-346: Origin Validation Error` → `CWE-79`, `CWE-346`.
  private static func cweIds(_ tags: [String]) -> [String] {
    var ids: [String] = []
    for tag in tags {
      guard let number = IdentifierPatterns.cweNumber(tag) else { continue }
      let id = "CWE-\(number)"
      if !ids.contains(id) { ids.append(id) }
    }
    return ids
  }

  /// Trivy's SARIF states the package in the message (`Package: x`, `Installed Version: y`, `Fixed Version: z`).
  private static func trivyPackage(_ message: String) -> PackageRef? {
    var fields: [String: String] = [:]
    for line in message.split(whereSeparator: \.isNewline) {
      guard let colon = line.firstIndex(of: ":") else { continue }
      fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    guard let name = fields["Package"], !name.isEmpty else { return nil }
    return PackageRef(name: name, installedVersion: fields["Installed Version"], fixedVersion: fields["Fixed Version"])
  }

  /// A suppression accepted (or of unstated status) makes the finding suppressed; rejected ones do not.
  private static func suppression(_ suppressions: [SARIFSuppression]) -> String? {
    guard let kept = suppressions.first(where: { $0.status == nil || $0.status == "accepted" }) else { return nil }
    return ["suppressed", kept.kind, kept.justification].compactMap { $0 }.joined(separator: ": ")
  }
}
