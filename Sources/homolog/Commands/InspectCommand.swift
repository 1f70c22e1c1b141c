import Foundation
import HomologEvaluate
import HomologIngest
import HomologKubernetes
import HomologModel
import HomologRender

/// `homolog inspect FILE…`: what homolog understood from each file, without a homolog.yaml.
enum InspectCommand: Command {
  static let name = "inspect"
  static let synopsis = ["FILE|DIR… [--json] [--lang fr|en] [--keep-going] [--max-file-mb N]"]
  static let options: [Option] = [
    .flag("--json"),
    .value("--lang", "fr|en", completion: .choices(["fr", "en"])),
    .flag("--keep-going"),
    .value("--max-file-mb", "N"),
  ]

  struct Report: Encodable {
    var files: [FileReport]
    var ignored: [IgnoredFile]?
    var unreadable: [IgnoredFile]?
  }

  struct FileReport: Encodable {
    struct Findings: Encodable {
      var critical, high, medium, low, info, total: Int
    }
    struct Counter: Encodable {
      var total, covered: Int
    }
    struct Coverage: Encodable {
      var lines: Counter
      var branches: Counter?
    }
    struct Tests: Encodable {
      var total, failed, errored, skipped: Int
    }
    struct Kubernetes: Encodable {
      var objects: Int
      var containers: Int
      var findings: [KubernetesFinding]
    }
    struct KubernetesFinding: Encodable {
      var check: String
      var requirements: [String]
      var kind: String?
      var namespace: String?
      var name: String?
      var container: String?
      var file: String?
      var line: Int?
      var enforced: Bool
      var message: String
    }
    var path: String
    var format: String
    var tool: ToolInfo?
    var findings: Findings?
    var coverage: Coverage?
    var tests: Tests?
    var kubernetes: Kubernetes?
  }

  /// Formats whose files are findings reports, so zero findings is still a figure worth printing. Besides these, a file
  /// that states what it scanned (SonarQube issues or hotspots) has a zero worth printing; a SonarQube quality-gate
  /// status or `report-task.txt` does not (`sonarqube-json`, `sonarqube-report-task` are not listed).
  static let findingFormats: Set<FormatID> = [
    "trivy-json", "trivy-operator", "grype-json", "sarif", "gitleaks-json", "dependency-check-json", "dependency-check-xml",
    "cyclonedx-json", "gitlab-security-json", "gitlab-dependency-scanning-json", "harbor-json", "policyreport",
    "checkov-json", "kubescape-json", "kube-linter-json", "polaris-json", "scanner-junit-xml",
  ]

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    let json = arguments.flag("--json")
    let lang = try Pipeline.lang(arguments.value("--lang")) ?? "fr"
    let keepGoing = arguments.flag("--keep-going")
    let maxFileBytes = try Pipeline.maxFileBytes(arguments.value("--max-file-mb"))
    let paths = arguments.positionals()
    guard !paths.isEmpty else { throw .usage(Message("usage.inspect-paths"), command: name) }
    do throws(InputError) {
      // Inspect prints counts only: readers count findings instead of keeping them (memory stays flat),
      // and no digest: files are not hashed.
      let collected = try EvidenceCollector(
        baseDirectory: Pipeline.currentDirectory, maxFileBytes: maxFileBytes, findingMode: .count, hashesFiles: false,
        progress: json ? nil : Console.progress(Terminal.text("progress.reading")))
        .collect(paths.map(Pipeline.url), keepGoing: keepGoing)
      // The catalogue is only needed to map Kubernetes findings to requirements.
      let hasManifests = collected.files.contains { !$0.kubernetes.isEmpty }
      let catalogue = hasManifests ? try Pipeline.catalogue(nil) : nil
      let table = try TranslationTable.load(lang: lang, from: TemplateSource())
      let reports = collected.files.map { report($0, catalogue: catalogue, table: table) }
      if json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let described = { (files: [IgnoredFile]) -> [IgnoredFile]? in
          files.isEmpty ? nil : files.map { file in
            var file = file
            file.reasonText = table.reason(file)
            return file
          }
        }
        let report = Report(files: reports, ignored: described(collected.ignored), unreadable: described(collected.unreadable))
        Console.out(String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self))
      } else {
        for report in reports { Console.out(Console.safe(text(report, table: table))) }
        for file in collected.ignored {
          Console.out(Console.safe(table.text("inspect.ignored", [MessageArg("path", file.path), MessageArg("reason", table.reason(file))])))
        }
        for file in collected.unreadable {
          Console.out(Console.safe(table.text("inspect.unreadable", [MessageArg("path", file.path), MessageArg("reason", table.reason(file))])))
        }
      }
      return collected.unreadable.isEmpty ? .ok : .badInput
    } catch {
      throw .input(error)
    }
  }

  static func report(_ file: EvidenceFile, catalogue: Catalogue?, table: TranslationTable) -> FileReport {
    var report = FileReport(path: file.id, format: file.provenance.format.rawValue, tool: file.provenance.tool)
    let counts = file.findingCounts.severities
    if counts.total > 0 || !file.scans.isEmpty || findingFormats.contains(file.provenance.format) {
      report.findings = .init(critical: counts.critical, high: counts.high, medium: counts.medium, low: counts.low, info: counts.info, total: counts.total)
    }
    if let coverage = file.coverage {
      report.coverage = .init(
        lines: .init(total: coverage.lines.total, covered: coverage.lines.covered),
        branches: coverage.branches.map { .init(total: $0.total, covered: $0.covered) })
    }
    if let tests = file.tests {
      report.tests = .init(total: tests.total, failed: tests.failed, errored: tests.errored, skipped: tests.skipped)
    }
    if !file.kubernetes.isEmpty, let catalogue {
      report.kubernetes = kubernetes(file, catalogue: catalogue, table: table)
    }
    return report
  }

  /// Runs the Kubernetes checks on one manifest file alone.
  static func kubernetes(_ file: EvidenceFile, catalogue: Catalogue, table: TranslationTable) -> FileReport.Kubernetes {
    let evidence = EvidenceSet(files: [file])
    var findings: [FileReport.KubernetesFinding] = []
    for check in AllChecks.list where check.id.hasPrefix("k8s.") {
      let result = check.evaluate(evidence)
      let requirements = catalogue.requirements.filter { $0.checks.contains(check.id) }.map(\.id)
      for observation in result.observations where observation.problem {
        findings.append(
          .init(
            check: check.id, requirements: requirements, kind: observation.object?.kind, namespace: observation.object?.namespace,
            name: observation.object?.name, container: observation.object?.container,
            file: observation.location?.file, line: observation.location?.line, enforced: observation.enforced ?? false,
            message: table.text(observation.message)))
      }
    }
    let containers = Workload.all(in: file.kubernetes).reduce(0) { $0 + $1.containers.count }
    return .init(objects: file.kubernetes.count, containers: containers, findings: findings)
  }

  /// One file's figures on one line, then one line per Kubernetes finding (`file:line: check [requirements] message`;
  /// the message names the object and container, so they are not repeated; a finding on the whole set of objects
  /// is placed at the file).
  static func text(_ report: FileReport, table: TranslationTable) -> String {
    func n(_ name: String, _ value: Int) -> MessageArg { .number(name, Double(value), decimals: 0) }
    var parts = ["\(report.path): \(report.format)"]
    if let tool = report.tool { parts.append([tool.name, tool.version].compactMap { $0 }.joined(separator: " ")) }
    if let f = report.findings {
      parts.append(
        table.text(
          "inspect.findings",
          [n("total", f.total), n("critical", f.critical), n("high", f.high), n("medium", f.medium), n("low", f.low), n("info", f.info)]))
    }
    if let c = report.coverage {
      var text = table.text("inspect.lines", [n("covered", c.lines.covered), n("total", c.lines.total)])
      if let b = c.branches { text += ", " + table.text("inspect.branches", [n("covered", b.covered), n("total", b.total)]) }
      parts.append(text)
    }
    if let t = report.tests {
      parts.append(
        table.text("inspect.tests", [n("total", t.total), n("failed", t.failed), n("errored", t.errored), n("skipped", t.skipped)]))
    }
    var text = parts.joined(separator: " — ")
    if let k = report.kubernetes {
      text += " — " + table.text("inspect.kubernetes", [n("objects", k.objects), n("containers", k.containers), n("findings", k.findings.count)])
      for finding in k.findings {
        let place = finding.file.map { file in finding.line.map { "\(file):\($0)" } ?? file } ?? report.path
        let requirements = finding.requirements.isEmpty ? "" : " [\(finding.requirements.joined(separator: ", "))]"
        let refused = finding.enforced ? " " + table.text("inspect.refused") : ""
        text += "\n  \(place): \(finding.check)\(requirements) \(finding.message)\(refused)"
      }
    }
    return text
  }
}
