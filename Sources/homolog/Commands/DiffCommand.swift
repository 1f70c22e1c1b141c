import Foundation
import HomologEvaluate
import HomologModel
import HomologRender

/// `homolog diff OLD NEW`: what changed between two dossiers of a project and whether it is a regression.
enum DiffCommand: Command {
  static let name = "diff"
  static let synopsis = ["OLD NEW [options]"]
  static let options: [Option] = [
    .value("--out", "DIR", completion: .directory),
    .flag("--force"),
    .value("--format", "FORMAT", completion: .choices(DiffReport.files.map(\.format))),
    .value("--lang", "fr|en", completion: .choices(["fr", "en"])),
    .value("--templates", "DIR", completion: .directory),
    .value("--fail-on", "RULES"),
  ]

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    let out = arguments.value("--out")
    let known = DiffReport.files.map(\.format)
    let formats = try Pipeline.formats(arguments.value("--format"), known: known) ?? (out == nil ? ["md"] : known)
    if out == nil && formats.count != 1 { throw .usage(Message("usage.diff-one-format"), command: name) }
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
      let source = TemplateSource(overrideDirectory: templates)
      let table = try TranslationTable.load(lang: lang ?? current.lang, from: source)
      current.regression = RegressionAnalysis.compare(baseline: baseline, current: current)
      current = Localizer.localize(current, with: table)
      guard let regression = current.regression else { return .ok }
      let report = DiffReport(baseline: baseline, current: current, regression: regression)
      let context = RenderContext(templates: source, table: table)
      var files: [(name: String, data: Data)] = []
      for format in formats {
        files.append((DiffReport.files.first { $0.format == format }?.fileName ?? format, try report.render(format, context: context)))
      }
      if let out {
        try OutputWriter.write(files, to: Pipeline.url(out), display: out, outputFolder: true, force: arguments.flag("--force"))
        Console.error(table.text("summary.diff", [MessageArg("files", files.map { "\(out)/\($0.name)" }.joined(separator: ", "))]))
      } else if let first = files.first {
        FileHandle.standardOutput.write(first.data)
      }
      let failures = gate.compactMap { $0.failure(current) }
      for failure in failures { Console.emphasised(failure.map(table.text).joined(separator: "\n  "), .red) }
      return failures.isEmpty ? .ok : .gateFailed
    } catch {
      throw .input(error)
    }
  }
}
