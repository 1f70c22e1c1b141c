import Foundation
import HomologModel
import HomologParsing

/// Scanner results written as JUnit XML: findings of that scanner, never unit tests.
///
/// - Trivy's JUnit template (`contrib/junit.tpl`, root `<testsuites name="trivy">`): per target, a suite of
///   vulnerabilities then a suite of misconfigurations, each named after the target; a case is
///   `name="[SEVERITY] ID"`. Every case of a vulnerability suite is a vulnerability (its `classname` is
///   `package-version`); a case of a misconfiguration suite is a finding when it has a `<failure>` or `<error>`
///   (recent templates also list the passed checks). A case whose id is an advisory (CVE, GHSA…) is a
///   vulnerability wherever it stands.
/// - Older versions of that template wrote a bare `<testsuites>` root: from June 2020 (trivy PR #541) one
///   vulnerability suite per target, from February 2022 (PR #1724, until PR #2677 named the root) the same two
///   suites per target. Such a file is Trivy's when its cases are the template's: `name="[SEVERITY] ID"` with a
///   Trivy severity word and `<failure … type="description">`. The layout is told by the suite names: two
///   suites per target when every second suite repeats the name of the one before, else one. A bare output
///   without any case (nothing found) is not recognised: it holds nothing that tells it from an empty test run.
/// - Checkov's `-o junitxml` (a `custom_tool_name` property `Checkov`, or cases named `[SEVERITY][CKV_…] title`):
///   each case with a `<failure>` is a failed check, located by its text (`Resource:`, `File: path: first-last`).
///   Checkov states `NONE` as severity without a platform key: info, as homolog reads unknown severities.
/// - Kubescape's `--format junit` (root `<testsuites name="Kubescape Scanning">`, a suite per framework, a case per
///   control named by the control's name): each failed control is one misconfiguration finding, whatever the
///   number of resources it failed on (the JSON output gives one per resource), its id taken from the case's
///   `classname` (`NSA/C-0002`) or from the control's link (`…/docs/c-0002`) as older versions write it; a
///   control failed in several frameworks counts once. Kubescape states no severity in this form: info. A failed
///   case with no control id is a located error (a shape homolog does not know), never dropped.
public enum ScannerJUnitXMLReader: EvidenceReader {
  public static let format: FormatID = "scanner-junit-xml"
  public static let formatName = "Scanner results in JUnit XML (Trivy template, Checkov, Kubescape)"

  /// The scanners this reader knows in JUnit form.
  enum Scanner {
    case trivy
    /// Trivy's template before the root was named (`<testsuites>`): one or two suites per target.
    case trivyBare
    case checkov
    case kubescape

    var name: String {
      switch self {
      case .trivy, .trivyBare: "Trivy"
      case .checkov: "Checkov"
      case .kubescape: "Kubescape"
      }
    }
  }

  /// The severity words Trivy writes, as the template puts them in a case name.
  private static let trivyCaseNames = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"].map { "name=\"[\($0)] " }

  public static func sniff(_ head: FileHead) -> Bool {
    scanner(head) != nil
  }

  static func scanner(_ head: FileHead) -> Scanner? {
    guard head.xmlRootElement == "testsuites" || head.xmlRootElement == "testsuite" else { return nil }
    if head.contains("<testsuites name=\"trivy\"") { return .trivy }
    if head.contains("<testsuites>"), head.contains("type=\"description\">"), trivyCaseNames.contains(where: head.contains) {
      return .trivyBare
    }
    if head.contains("<property name=\"custom_tool_name\" value=\"Checkov\"") || head.contains("][CKV") { return .checkov }
    if head.contains(" name=\"Kubescape Scanning\"") { return .kubescape }
    return nil
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let bytes = try FileInput.readPrefix(input.url, displayPath: input.path, count: FileHead.size)
    guard let scanner = scanner(FileHead(bytes: bytes, fileName: input.url.lastPathComponent)) else {
      throw InputError("expected Trivy's JUnit template, Checkov's or Kubescape's JUnit output", at: SourceLocation(file: input.path, line: 1))
    }
    let handler = ScannerJUnitHandler(file: input.path, scanner: scanner, findingMode: input.findingMode)
    try XMLStreamParser.parse(file: input.url, displayPath: input.path, handler: handler)
    if let error = handler.error { throw error }
    handler.finishBare()
    var out = handler.out
    out.tool = ToolInfo(name: scanner.name)
    return out
  }
}

private final class ScannerJUnitHandler: XMLByteHandler {
  /// The open `<testcase>`.
  struct Case {
    var depth: Int
    var name: String
    var className: String
    var file: String?
    var failed = false
    var message: String?
    var text: String?
    /// The line the case starts at, for a located error.
    var line = 0
  }

  let file: String
  let scanner: ScannerJUnitXMLReader.Scanner
  var out = ReadResult()
  var depth = 0
  /// How many `<testsuite>` elements opened so far, and the name of the open one.
  var suites = 0
  var suiteName = ""
  var current: Case?
  /// Trivy's bare template: every suite's name, and the cases with their suite (1-based), judged at the end.
  var suiteNames: [String] = []
  var bareCases: [(suite: Int, testCase: Case)] = []
  /// Kubescape: the controls already counted (a control failed in several frameworks counts once).
  var controls = Set<String>()
  /// The first case this reader cannot read, raised once parsing ends.
  var error: InputError?
  var capturingDepth: Int?
  var text = TextCapture(limit: 4096)

  init(file: String, scanner: ScannerJUnitXMLReader.Scanner, findingMode: FindingMode) {
    self.file = file
    self.scanner = scanner
    out.findingMode = findingMode
  }

  func startElement(_ name: XMLName, attributes: XMLAttributes, context: XMLEventContext) throws(InputError) {
    depth += 1
    if depth == 1, !(name == "testsuites" || name == "testsuite") {
      throw InputError(
        "expected a <testsuites> or <testsuite> root element, found <\(name.string)>", at: SourceLocation(file: file, line: context.line))
    }
    switch name {
    case "testsuite" where current == nil:
      suites += 1
      suiteName = attributes.value("name") ?? ""
      if scanner == .trivyBare { suiteNames.append(suiteName) }
    case "testcase" where current == nil:
      current = Case(
        depth: depth, name: attributes.value("name") ?? "", className: attributes.value("classname") ?? "",
        file: attributes.value("file"), line: context.line)
    case "failure", "error":
      guard var testCase = current, !testCase.failed else { return }
      testCase.failed = true
      testCase.message = attributes.value("message")?.trimmedWhitespace
      if capturingDepth == nil {
        capturingDepth = depth
        text.begin()
        context.sendCharacters(true)
      }
      current = testCase
    default:
      break
    }
  }

  func endElement(_ name: XMLName, context: XMLEventContext) throws(InputError) {
    defer { depth -= 1 }
    if depth == capturingDepth {
      capturingDepth = nil
      context.sendCharacters(false)
      current?.text = text.end()
    }
    if let testCase = current, depth == testCase.depth {
      current = nil
      finish(testCase)
    }
  }

  func characters(_ bytes: UnsafeRawBufferPointer) { text.append(bytes) }

  private func finish(_ testCase: Case) {
    let (severityWord, id, title) = Self.split(testCase.name)
    switch scanner {
    case .trivy: addTrivy(testCase, severityWord: severityWord, id: id, vulnerabilitySuite: suites % 2 == 1, target: suiteName)
    case .trivyBare: bareCases.append((suites, testCase))
    case .checkov: addCheckov(testCase, severityWord: severityWord, id: id, title: title)
    case .kubescape: addKubescape(testCase)
    }
  }

  /// A failed Kubescape control: its id from `classname` (`NSA/C-0002`) or from its link (`…/docs/c-0002`).
  private func addKubescape(_ testCase: Case) {
    guard testCase.failed else { return }
    let fromClass = testCase.className.split(separator: "/").last.map(String.init).flatMap(Self.controlID)
    let fromLink = [testCase.message, testCase.text].compactMap { $0 }.lazy.compactMap(Self.linkedControlID).first
    guard let id = fromClass ?? fromLink else {
      if error == nil {
        error = InputError(
          "expected a Kubescape control id (classname FRAMEWORK/C-NNNN or a …/docs/c-NNNN link) on failed case \"\(testCase.name)\"",
          at: SourceLocation(file: file, line: testCase.line))
      }
      return
    }
    guard controls.insert(id).inserted else { return }
    out.add(.info, .misconfiguration) {
      Finding(
        tool: "Kubescape", kind: .misconfiguration, ruleId: id, severity: .info, originalSeverity: "",
        title: testCase.name.isEmpty ? id : testCase.name,
        fingerprint: Fingerprint.make(.misconfiguration, ["kubescape", id]))
    }
  }

  /// `C-0002` when the text is a Kubescape control id.
  static func controlID(_ text: String) -> String? {
    let digits = text.dropFirst(2)
    return text.hasPrefix("C-") && !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber) ? text : nil
  }

  /// The control id of a Kubescape control link (`https://hub.armosec.io/docs/c-0002`) in a text.
  static func linkedControlID(_ text: String) -> String? {
    guard let range = text.range(of: "/docs/c-") else { return nil }
    let digits = text[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
    return digits.isEmpty ? nil : "C-\(digits)"
  }

  /// Trivy's bare template, once every suite is known: two suites per target (vulnerabilities, misconfigurations)
  /// when the suites pair by name, else one vulnerability suite per target.
  func finishBare() {
    guard scanner == .trivyBare else { return }
    let pairs = suiteNames.count % 2 == 0 && stride(from: 0, to: suiteNames.count, by: 2).allSatisfy { suiteNames[$0] == suiteNames[$0 + 1] }
    for (suite, testCase) in bareCases {
      let (severityWord, id, _) = Self.split(testCase.name)
      let name = suite >= 1 && suite <= suiteNames.count ? suiteNames[suite - 1] : ""
      addTrivy(testCase, severityWord: severityWord, id: id, vulnerabilitySuite: !pairs || suite % 2 == 1, target: name)
    }
    bareCases = []
  }

  /// `[HIGH] CVE-2019-1549` → ("HIGH", "CVE-2019-1549", ""); `[NONE][CKV_K8S_43] Image should use digest` →
  /// ("NONE", "CKV_K8S_43", "Image should use digest"); a name without brackets is its own id.
  static func split(_ name: String) -> (severity: String, id: String, title: String) {
    var rest = Substring(name.trimmedWhitespace)
    var brackets: [Substring] = []
    while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
      brackets.append(rest[rest.index(after: rest.startIndex)..<close])
      rest = rest[rest.index(after: close)...].drop { $0 == " " }
    }
    if brackets.count >= 2 { return (String(brackets[0]), String(brackets[1]), String(rest)) }
    let severity = brackets.first.map(String.init) ?? "UNKNOWN"
    let id = rest.prefix { !$0.isWhitespace }
    return (severity, String(id), String(rest.dropFirst(id.count)).trimmedWhitespace)
  }

  /// One case of Trivy's template, in a vulnerability suite or a misconfiguration suite of `target`.
  private func addTrivy(_ testCase: Case, severityWord: String, id: String, vulnerabilitySuite: Bool, target: String) {
    let advisory = IdentifierPatterns.startsWithAdvisoryPrefix(id.lowercased(), prefixes: ["cve", "ghsa", "osv", "pysec", "rustsec", "go"])
    let kind: FindingKind = vulnerabilitySuite || advisory ? .vulnerability : .misconfiguration
    guard kind == .vulnerability || testCase.failed else { return }
    let severity = Severity.normalizing(severityWord)
    out.add(severity, kind) {
      let title = testCase.message.flatMap { $0.isEmpty ? nil : $0 } ?? id
      if kind == .vulnerability {
        // `classname` joins the package and its version with `-`: both may hold one, so it stays whole.
        return Finding(
          tool: "Trivy", kind: .vulnerability, ruleId: id, severity: severity, originalSeverity: severityWord, title: title,
          location: FindingLocation(target: testCase.className.isEmpty ? target : "\(target): \(testCase.className)"),
          cve: id.hasPrefix("CVE-") ? [id] : [],
          fingerprint: Fingerprint.make(.vulnerability, [id, testCase.className, target]))
      }
      return Finding(
        tool: "Trivy", kind: .misconfiguration, ruleId: id, severity: severity, originalSeverity: severityWord, title: title,
        location: FindingLocation(path: target),
        fingerprint: Fingerprint.make(.misconfiguration, [id, target, title]))
    }
  }

  /// A failed Checkov check: `classname` is `file.resource`, the failure text says `Resource:` and `File: path: 21-113`.
  private func addCheckov(_ testCase: Case, severityWord: String, id: String, title: String) {
    guard testCase.failed else { return }
    let kind: FindingKind = id.hasPrefix("CKV_SECRET") ? .secret : .misconfiguration
    let severity = Severity.normalizing(severityWord)
    out.add(severity, kind) {
      var resource: String?
      var path = testCase.file
      var lines: (Int, Int)?
      for line in (testCase.text ?? "").split(whereSeparator: \.isNewline) {
        if line.hasPrefix("Resource: ") {
          resource = String(line.dropFirst("Resource: ".count)).trimmedWhitespace
        } else if line.hasPrefix("File: ") {
          let field = line.dropFirst("File: ".count)
          if let colon = field.range(of: ": ", options: .backwards) {
            path = String(field[..<colon.lowerBound])
            let range = field[colon.upperBound...].split(separator: "-")
            if range.count == 2, let first = Int(range[0]), let last = Int(range[1]) { lines = (first, last) }
          }
        }
      }
      let shown = title.isEmpty ? (testCase.message ?? id) : title
      return Finding(
        tool: "Checkov", kind: kind, ruleId: id, severity: severity, originalSeverity: severityWord, title: shown,
        location: FindingLocation(path: path, line: lines?.0, endLine: lines?.1, target: resource),
        fingerprint: Fingerprint.make(kind, ["checkov", id, path, resource]))
    }
  }
}
