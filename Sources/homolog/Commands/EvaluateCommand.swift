import Foundation
import HomologEvaluate
import HomologModel
import HomologParsing
import HomologRender

/// `homolog evaluate`: evidence in, dossier out, exit code from the gate.
enum EvaluateCommand: Command {
  static let name = "evaluate"
  static let summary = "evaluate a project (homolog.yaml) and write its dossier"
  static let usage = """
    USAGE: homolog evaluate --config FILE --out DIR [options]

    Reads the project file, its evidence, attestations and derogations, judges every requirement of
    the catalogue and writes the dossier into DIR (\(AllRenderers.list.map { type(of: $0).fileName }.joined(separator: ", "))).

    OPTIONS:
      --config FILE        the project's homolog.yaml (required)
      --out DIR            output folder, created if needed (required); never inside an evidence folder
      --evidence PATH      more evidence files or folders, added to those homolog.yaml lists (repeatable)
      --as-of YYYY-MM-DD   evaluation date (default: SOURCE_DATE_EPOCH, else today); same inputs and date
                           give byte-identical outputs
      --lang fr|en         language of the dossier (default fr)
      --templates DIR      override built-in templates and translations with files of the same name
      --format LIST        outputs to write, comma-separated: \(AllRenderers.formats.joined(separator: ",")) (default: all)
      --fail-on RULES      gate rules added to homolog.yaml's policy.gate, comma-separated: regression,
                           score<N, expired-derogation, no-evidence, platform-refusal; eliminatory always
                           holds unless removed with -eliminatory
      --baseline FILE      a previous dossier.json: fills the dossier's regression section (new and fixed
                           findings, coverage, score and status changes); with --fail-on regression, a
                           regression fails the gate
      --keep-going         list unreadable evidence files in the dossier instead of stopping
      --max-file-mb N      refuse evidence files above N MB (default 1000)
      --quiet              no summary on stderr

    EXIT CODES: 0 dossier written and gate passed, 1 gate failed, 2 bad input or usage.
    """

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    var arguments = arguments
    guard let config = try arguments.value("--config") else { throw .usage("--config FILE is required", command: name) }
    guard let out = try arguments.value("--out") else { throw .usage("--out DIR is required", command: name) }
    let extra = try arguments.values("--evidence").map(Pipeline.url)
    let asOf = try Pipeline.asOf(try arguments.value("--as-of"))
    let lang = try arguments.value("--lang") ?? "fr"
    let templates = try arguments.value("--templates").map(Pipeline.url)
    let formatList = try arguments.value("--format")
    let failOn = try arguments.value("--fail-on")
    let baseline = try arguments.value("--baseline")
    let keepGoing = arguments.flag("--keep-going")
    let maxFileBytes = try Pipeline.maxFileBytes(try arguments.value("--max-file-mb"))
    let quiet = arguments.flag("--quiet")
    try arguments.finish()
    guard TranslationTable.languages.contains(lang) else { throw .usage("--lang expects fr or en, got '\(lang)'", command: name) }

    do throws(InputError) {
      let formats = try AllRenderers.select(formatList)
      let source = TemplateSource(overrideDirectory: templates)
      let table = try TranslationTable.load(lang: lang, from: source)
      let (input, project) = try Pipeline.load(
        config: Pipeline.url(config), configDisplay: config, extraEvidence: extra, asOf: asOf, lang: lang, keepGoing: keepGoing,
        maxFileBytes: maxFileBytes)
      // homolog.yaml's rules, then --fail-on's (which may add rules, or remove one with -RULE).
      let gate = try GateRule.parse(
        project.gate + (failOn.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []))
      var baselineDossier: Dossier?
      if let baseline { baselineDossier = try DossierFile.load(baseline) }
      let outURL = Pipeline.url(out)
      for path in project.allEvidencePaths + extra where isInside(outURL, path) {
        throw InputError("--out must not be inside an evidence folder (\(Pipeline.display(path, base: project.baseDirectory)))", at: SourceLocation(file: out))
      }
      var evaluated = Evaluator.evaluate(input)
      if let baselineDossier {
        try DossierFile.checkComparable(baselineDossier, evaluated, baselineDisplay: baseline ?? "")
        evaluated.regression = RegressionAnalysis.compare(baseline: baselineDossier, current: evaluated)
      }
      var dossier = Localizer.localize(evaluated, with: table)
      dossier.gate = gate.map(\.description)
      let context = RenderContext(templates: source, table: table)
      var files: [(name: String, data: Data)] = []
      for renderer in formats { files.append((type(of: renderer).fileName, try renderer.render(dossier, context: context))) }
      try OutputWriter.write(files, to: outURL, display: out)
      let failures = gate.compactMap { $0.failure(dossier) }
      if gate.contains(.regression) && baselineDossier == nil {
        Console.error(table.text("gate.regression-needs-baseline"))
      }
      if !quiet { Console.error(summaryLine(dossier, out: out, files: files.map(\.name), table: table)) }
      for failure in failures { Console.error(failure.map(table.text).joined(separator: "\n  ")) }
      return failures.isEmpty ? .ok : .gateFailed
    } catch {
      throw .input(error)
    }
  }

  /// True when `url` is `folder` or below it, symbolic links resolved (an `--out` given through a link counts).
  private static func isInside(_ url: URL, _ folder: URL) -> Bool {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { return false }
    let base = resolved(folder)
    let path = resolved(url)
    return path == base || path.hasPrefix(base.hasSuffix("/") ? base : base + "/")
  }

  /// The path with links resolved in its longest existing prefix (the output folder may not exist yet).
  private static func resolved(_ url: URL) -> String {
    var existing = url.standardizedFileURL
    var missing: [String] = []
    while PathConfinement.resolved(existing) == nil && existing.path != "/" {
      missing.insert(existing.lastPathComponent, at: 0)
      existing.deleteLastPathComponent()
    }
    let base = PathConfinement.resolved(existing) ?? existing.path
    return missing.reduce(base) { ($0.hasSuffix("/") ? $0 : $0 + "/") + $1 }
  }

  private static func summaryLine(_ dossier: Dossier, out: String, files: [String], table: TranslationTable) -> String {
    let counts = dossier.counts
    let statuses: [(RequirementStatus, Int)] = [
      (.conforme, counts.conforme), (.nonConforme, counts.nonConforme), (.derogation, counts.derogation),
      (.nonEvalue, counts.nonEvalue), (.nonApplicable, counts.nonApplicable),
    ]
    let score = dossier.score.important.map { NumberFormatting.text($0, style: table.style) } ?? table.text("summary.no-score")
    return table.text(
      "summary.evaluate",
      [
        MessageArg("project", dossier.project.name), MessageArg("verdict", dossier.verdict.status.rawValue), MessageArg("score", score),
        MessageArg("counts", statuses.map { table.count($1, "summary.status.\($0.rawValue)") }.joined(separator: ", ")),
        MessageArg("files", files.map { "\(out)/\($0)" }.joined(separator: ", ")),
      ])
  }
}
