import Foundation
import HomologEvaluate
import HomologModel
import HomologParsing
import HomologRender

/// `homolog evaluate`: evidence in, dossier out, exit code from the gate.
enum EvaluateCommand: Command {
  static let name = "evaluate"
  static let synopsis = ["[--config FILE] [--out DIR] [options]"]
  static let options: [Option] = [
    .value("--config", "FILE", completion: .file),
    .value("--out", "DIR", completion: .directory),
    .flag("--force"),
    .value("--evidence", "PATH", repeatable: true, completion: .file),
    .value("--as-of", "YYYY-MM-DD"),
    .value("--lang", "fr|en", completion: .choices(["fr", "en"])),
    .value("--templates", "DIR", completion: .directory),
    .value("--format", "LIST", completion: .choices(AllRenderers.formats + [ChromiumPrinter.format])),
    .value("--fail-on", "RULES"),
    .value("--baseline", "DOSSIER", completion: .file),
    .flag("--keep-going"),
    .flag("--strict"),
    .value("--max-file-mb", "N"),
    .flag("--quiet"),
  ]

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    try arguments.finish()
    let config = Pipeline.projectFile(arguments.value("--config") ?? "homolog.yaml")
    let out = arguments.value("--out") ?? "dossier"
    let extra = arguments.values("--evidence").map(Pipeline.url)
    let asOf = try Pipeline.asOf(arguments.value("--as-of"))
    let lang = try Pipeline.lang(arguments.value("--lang")) ?? "fr"
    let templates = arguments.value("--templates").map(Pipeline.url)
    let formatList = try Pipeline.formats(arguments.value("--format"), known: AllRenderers.formats + [ChromiumPrinter.format])
    let pdf = formatList?.contains(ChromiumPrinter.format) ?? false
    let failOn = try GateInput.option(arguments.value("--fail-on"))
    let baseline = arguments.value("--baseline")
    let keepGoing = arguments.flag("--keep-going")
    let maxFileBytes = try Pipeline.maxFileBytes(arguments.value("--max-file-mb"))
    let quiet = arguments.flag("--quiet")
    let strict = arguments.flag("--strict")

    do throws(InputError) {
      let rendered = formatList?.filter { $0 != ChromiumPrinter.format }
      let formats = rendered?.isEmpty == true ? [] : try AllRenderers.select(rendered?.joined(separator: ","))
      // The browser is found before anything is read or written: without it, nothing is.
      let browser = pdf ? try ChromiumPrinter.locate() : nil
      let source = TemplateSource(overrideDirectory: templates)
      let table = try TranslationTable.load(lang: lang, from: source)
      if arguments.value("--config") == nil && !FileManager.default.fileExists(atPath: Pipeline.url(config).path) {
        throw Terminal.inputError("evaluate.no-project")
      }
      let (input, project, stale) = try Pipeline.load(
        config: Pipeline.url(config), configDisplay: config, extraEvidence: extra, asOf: asOf, lang: lang, keepGoing: keepGoing,
        maxFileBytes: maxFileBytes)
      // Hashed as soon as read: what sign will compare them to.
      let declarations = try SignedDeclarations.record(project, configURL: Pipeline.url(config))
      try StaleReferences.report(stale, catalogue: input.catalogue, strict: strict, table: table)
      // Reports the platform owns, left out, are listed but are no unrecognised file.
      let unrecognised = input.ignored.filter(\.reason.isUnrecognised)
      if strict && !unrecognised.isEmpty {
        for file in unrecognised {
          Console.diagnostic(Terminal.text("evaluate.strict-file", [MessageArg("path", file.path), MessageArg("reason", table.reason(file))]))
        }
        throw Terminal.inputError("evaluate.strict-refused", [.number("count", Double(unrecognised.count), decimals: 0)])
      }
      // homolog.yaml's rules, then --fail-on's (which may add rules, or remove one with -RULE).
      try GateInput.check(project.gate, locations: project.sources.gate, file: config)
      let gate = try GateRule.parse(project.gate + failOn)
      var baselineDossier: Dossier?
      if let baseline { baselineDossier = try DossierFile.load(baseline) }
      let outURL = Pipeline.url(out)
      for path in project.allEvidencePaths + extra where isInside(outURL, path) {
        throw Terminal.inputError(
          "evaluate.out-inside-evidence", [MessageArg("path", Pipeline.display(path, base: project.baseDirectory))], at: SourceLocation(file: out))
      }
      var evaluated = Evaluator.evaluate(input)
      if let baselineDossier {
        try DossierFile.checkComparable(baselineDossier, evaluated, baselineDisplay: baseline ?? "")
        evaluated.regression = RegressionAnalysis.compare(baseline: baselineDossier, current: evaluated)
      }
      var dossier = Localizer.localize(evaluated, with: table)
      dossier.gate = gate.map(\.description)
      dossier.declarations = declarations
      let context = RenderContext(templates: source, table: table)
      var files: [(name: String, data: Data)] = []
      for renderer in formats { files.append((type(of: renderer).fileName, try renderer.render(dossier, context: context))) }
      if let browser {
        var html = files.first { $0.name == HTMLRenderer.fileName }?.data
        if html == nil { html = try HTMLRenderer().render(dossier, context: context) }
        files.append((ChromiumPrinter.fileName, try ChromiumPrinter.print(html ?? Data(), browser: browser, day: dossier.asOf)))
      }
      try OutputWriter.write(
        files, to: outURL, display: out, outputFolder: true, force: arguments.flag("--force"))
      let failures = gate.compactMap { $0.failure(dossier) }
      if gate.contains(.regression) && baselineDossier == nil {
        Console.emphasised(table.text("gate.regression-needs-baseline"), .yellow)
      }
      if !quiet {
        for file in dossier.ignored { Console.diagnostic(table.text("evidence.ignored", [MessageArg("path", file.path), MessageArg("reason", table.reason(file))])) }
        for file in dossier.unreadable {
          Console.diagnostic(table.text("evidence.unreadable", [MessageArg("path", file.path), MessageArg("reason", table.reason(file))]))
        }
      }
      if !quiet {
        Console.diagnostic(summaryLine(dossier, out: out, files: files.map(\.name), table: table), highlight: statusWords(dossier.verdict.status, table))
      }
      let written = files.map(\.name)
      let report = ["dossier.md", "dossier.html", "dossier.json"].first(where: written.contains) ?? written.first ?? ""
      for failure in failures {
        Console.emphasised(explanation(failure, quiet: quiet, see: Pipeline.join(out, report), table: table), .red)
      }
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
    return missing.reduce(URL(fileURLWithPath: base, isDirectory: true)) { $0.appendingPathComponent($1) }.path
  }

  /// The verdict's word in the run's language, coloured by outcome.
  private static func statusWords(_ status: VerdictStatus, _ table: TranslationTable) -> [(word: String, colour: Colour)] {
    let colour: Colour = status == .eliminatoire ? .red : status == .conforme ? .green : .yellow
    return [(table.text("decision.verdict.\(status.rawValue)"), colour)]
  }

  /// Detail lines a gate failure shows on the terminal before pointing to the dossier.
  static let explanationLines = 10

  /// A gate failure for stderr: its headline, then (unless quiet) at most `explanationLines` details and how many
  /// more the dossier at `see` holds.
  private static func explanation(_ failure: [Message], quiet: Bool, see: String, table: TranslationTable) -> String {
    let lines = failure.map(table.text)
    guard let headline = lines.first else { return "" }
    let details = lines.dropFirst()
    if quiet || details.isEmpty { return headline }
    var text = ([headline] + details.prefix(explanationLines)).joined(separator: "\n  ")
    if details.count > explanationLines {
      text += "\n  " + table.text("gate.more", [.number("count", Double(details.count - explanationLines), decimals: 0), MessageArg("path", see)])
    }
    return text
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
