import Foundation
import HomologEvaluate
import HomologModel
import HomologParsing
import HomologProject
import HomologRender
import HomologResources

extension CatalogueCommand {
  /// The word naming the built-in catalogue on the command line (a file of that name is `./builtin`).
  static let builtInName = "builtin"

  /// `homolog catalogue diff OLD NEW`: what changed, on stdout; exit 0 whatever changed, 2 when either catalogue is
  /// unreadable or invalid (every problem printed, located).
  static func diff(_ oldPath: String, _ newPath: String, format: String?) throws(CommandError) -> ExitStatus {
    let format = format ?? CatalogueDiffReport.formats[0]
    guard CatalogueDiffReport.formats.contains(format) else {
      throw .usage(Message("usage.catalogue-diff-format", [MessageArg("value", format)]), command: name)
    }
    do throws(InputError) {
      var catalogues: [Catalogue] = []
      for path in [oldPath, newPath] {
        let data: Data
        let file: String
        if path == builtInName {
          guard let builtIn = Resources.builtIn(Resources.defaultCataloguePath) else { throw Terminal.inputError("catalogue.missing-built-in") }
          (data, file) = (builtIn, Resources.defaultCataloguePath)
        } else {
          (data, file) = (try FileInput.readWhole(Pipeline.url(path), displayPath: path, limit: 16 << 20), path)
        }
        let (catalogue, problems) = try CatalogueLoader.load(data, file: file, knownChecks: AllChecks.ids)
        for problem in problems { Console.diagnostic(Terminal.describe(problem.inRunLanguage)) }
        guard problems.isEmpty else {
          Console.error(Terminal.text("catalogue-diff.problems", [MessageArg("path", path), .number("count", Double(problems.count), decimals: 0)]))
          return .badInput
        }
        catalogues.append(catalogue)
      }
      let diff = CatalogueDiffer.compare(catalogues[0], path: oldPath, with: catalogues[1], path: newPath)
      Console.out(try CatalogueDiffReport.render(diff, format: format, table: Terminal.table))
      return .ok
    } catch {
      throw .input(error)
    }
  }
}
