import Foundation
import HomologEvaluate
import HomologModel
import HomologRender

/// `homolog diff OLD NEW`: what changed between two dossiers of a project and whether it is a regression.
enum DiffCommand: Command {
  static let name = "diff"
  static let synopsis = ["OLD NEW [options]"]
  static let options: [Option] = [
    .value("--format", "md|json", completion: .choices(["md", "json"])),
    .value("--lang", "fr|en", completion: .choices(["fr", "en"])),
    .value("--templates", "DIR", completion: .directory),
    .value("--fail-on", "RULES"),
  ]

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    let formats = try Pipeline.formats(arguments.value("--format"), known: ["md", "json"]) ?? ["md"]
    guard formats.count == 1, let format = formats.first else { throw .usage(Message("usage.diff-one-format"), command: name) }
    let lang = try Pipeline.lang(arguments.value("--lang"))
    let templates = arguments.value("--templates").map(Pipeline.url)
    let failOn = try GateInput.option(arguments.value("--fail-on"))
    let paths = arguments.positionals()
    guard paths.count == 2 else { throw .usage(Message("usage.diff-paths", [.number("count", Double(paths.count), decimals: 0)]), command: name) }

    do throws(InputError) {
      let gate = try GateRule.parse(failOn, always: [])
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
      for failure in failures { Console.emphasised(failure.map(table.text).joined(separator: "\n  "), .red) }
      return failures.isEmpty ? .ok : .gateFailed
    } catch {
      throw .input(error)
    }
  }
}
