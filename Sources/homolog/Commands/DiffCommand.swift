import Foundation
import HomologEvaluate
import HomologModel
import HomologRender

/// `homolog diff OLD NEW`: what changed between two dossiers of a project and whether it is a regression.
enum DiffCommand: Command {
  static let name = "diff"
  static let summary = "compare a dossier with a baseline: new and fixed findings, coverage, score, statuses"
  static let usage = """
    USAGE: homolog diff OLD/dossier.json NEW/dossier.json [options]

    Prints the changes from OLD (the baseline, e.g. the last stable release) to NEW: new and fixed findings
    (by fingerprint), line coverage per component, Important score, requirements whose status changed,
    derogations added or expired, and the reasons it counts as a regression (NEW's policy decides:
    regression_severity, coverage_tolerance).

    OPTIONS:
      --format md|json     output format (default md)
      --lang fr|en         language of the Markdown (default: NEW's language)
      --templates DIR      override built-in translations
      --fail-on RULES      gate rules applied to NEW with this comparison, e.g. regression (default: none)

    EXIT CODES: 0 printed (and gate passed), 1 gate failed, 2 bad input or usage.
    """

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    var arguments = arguments
    let format = try arguments.value("--format") ?? "md"
    let lang = try arguments.value("--lang")
    let templates = try arguments.value("--templates").map(Pipeline.url)
    let failOn = try arguments.value("--fail-on")
    let paths = try arguments.positionals()
    guard paths.count == 2 else { throw .usage("expected two dossiers, OLD and NEW, got \(paths.count)", command: name) }
    guard ["md", "json"].contains(format) else { throw .usage("--format expects md or json, got '\(format)'", command: name) }
    if let lang, !TranslationTable.languages.contains(lang) { throw .usage("--lang expects fr or en, got '\(lang)'", command: name) }

    do throws(InputError) {
      let gate = try GateRule.parse(failOn.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? [], always: [])
      let baseline = try DossierFile.load(paths[0])
      var current = try DossierFile.load(paths[1])
      try DossierFile.checkComparable(baseline, current, baselineDisplay: paths[0])
      let table = try TranslationTable.load(lang: lang ?? current.lang, from: TemplateSource(overrideDirectory: templates))
      current.regression = RegressionAnalysis.compare(baseline: baseline, current: current)
      current = Localizer.localize(current, with: table)
      guard let regression = current.regression else { return .ok }
      let report = DiffReport(baseline: baseline, current: current, regression: regression)
      if format == "json" {
        FileHandle.standardOutput.write(try report.json())
      } else {
        Console.out(report.markdown(table))
      }
      let failures = gate.compactMap { $0.failure(current) }
      for failure in failures { Console.error(failure.map(table.text).joined(separator: "\n  ")) }
      return failures.isEmpty ? .ok : .gateFailed
    } catch {
      throw .input(error)
    }
  }
}
