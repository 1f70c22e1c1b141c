import Foundation
import HomologModel
import HomologParsing
import HomologRender

/// `homolog init`: commented starter files for a new project.
enum InitCommand: Command {
  static let name = "init"
  static let synopsis = ["[--dir DIR] [--name NAME] [--from-ci FILE] [--lang fr|en] [--force]"]
  static let options: [Option] = [
    .value("--dir", "DIR", completion: .directory),
    .value("--name", "NAME"),
    .value("--from-ci", "FILE", completion: .file),
    .value("--lang", "fr|en", completion: .choices(["fr", "en"])),
    .flag("--force"),
  ]

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    try arguments.finish()
    let dirText = arguments.value("--dir")
    let dir = Pipeline.url(dirText ?? ".")
    let projectName = arguments.value("--name") ?? dir.lastPathComponent
    let force = arguments.flag("--force")
    // The run's table already speaks --lang (Terminal reads it from the command line); an unknown language is refused here.
    _ = try Pipeline.lang(arguments.value("--lang"))
    let table = Terminal.table
    do throws(InputError) {
      let catalogue = try Pipeline.catalogue(nil)
      let pipeline = try arguments.value("--from-ci").map { path throws(InputError) in
        try PipelineEvidence.read(try FileInput.readWhole(Pipeline.url(path), displayPath: path, limit: 16 << 20), file: path)
      }
      let exists = { (path: String) in FileManager.default.fileExists(atPath: dir.appendingPathComponent(path).path) }
      let files: [(name: String, data: Data)] = [
        ("homolog.yaml", Data(Starters.project(name: projectName, pipeline: pipeline, exists: exists).utf8)),
        ("attestations.yaml", Data(Starters.attestations(catalogue).utf8)),
        ("derogations.yaml", Data(Starters.derogations.utf8)),
      ]
      if !force {
        for file in files where FileManager.default.fileExists(atPath: dir.appendingPathComponent(file.name).path) {
          throw Terminal.inputError("init.exists", [MessageArg("name", file.name)], at: SourceLocation(file: shown(dir.appendingPathComponent(file.name))))
        }
      }
      try OutputWriter.write(files, to: dir, display: dir.path)
      let reports = dir.appendingPathComponent(Starters.reportsFolder)
      let createReports = !FileManager.default.fileExists(atPath: reports.path)
      if createReports { try OutputWriter.write([(".gitkeep", Data())], to: reports, display: shown(reports)) }
      for file in files { Console.out(table.text("init.wrote", [MessageArg("path", shown(dir.appendingPathComponent(file.name)))])) }
      if createReports { Console.out(table.text("init.wrote", [MessageArg("path", shown(reports) + "/")])) }
      let folder = dirText.map { Pipeline.display(Pipeline.url($0), base: Pipeline.currentDirectory) } ?? ""
      Console.out(NextSteps.text(catalogue, folder: folder == "." ? "" : folder, pipeline: pipeline, table: table))
      return .ok
    } catch {
      throw .input(error)
    }
  }

  private static func shown(_ url: URL) -> String { Pipeline.display(url, base: Pipeline.currentDirectory) }
}
