import Foundation
import HomologEvaluate
import HomologModel
import HomologParsing
import HomologProject
import HomologRender

/// `homolog catalogue validate FILE`, `list [FILE]`, `mapping [FILE]` and `diff OLD NEW`.
enum CatalogueCommand: Command {
  static let name = "catalogue"
  static let synopsis = ["validate FILE", "list [FILE]", "mapping [FILE]", "diff OLD NEW"]
  static let options: [Option] = [
    .value("--lang", "fr|en", completion: .choices(["fr", "en"])),
    .value("--format", "text|json|md", completion: .choices(CatalogueDiffReport.formats)),
  ]
  static let actions = ["validate", "list", "mapping", "diff"]

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    let positionals = arguments.positionals()
    _ = try Pipeline.lang(arguments.value("--lang"))
    guard let action = positionals.first else { throw .usage(Message("usage.catalogue-action-missing"), command: name) }
    switch action {
    case "validate":
      guard positionals.count == 2 else { throw .usage(Message("usage.catalogue-one-file"), command: name) }
      return try validate(positionals[1])
    case "list":
      guard positionals.count <= 2 else { throw .usage(Message("usage.catalogue-at-most-one-file", [MessageArg("action", "list")]), command: name) }
      do throws(InputError) {
        let catalogue = try Pipeline.catalogue(positionals.count == 2 ? Pipeline.url(positionals[1]) : nil, displayPath: positionals.dropFirst().first)
        Console.out(
          Terminal.text(
            "catalogue.list", [MessageArg("title", catalogue.title), MessageArg("version", catalogue.version), .number("count", Double(catalogue.requirements.count), decimals: 0)]))
        for requirement in catalogue.requirements {
          Console.out([requirement.id, requirement.level.rawValue, requirement.category, requirement.title].joined(separator: "\t"))
        }
        return .ok
      } catch {
        throw .input(error)
      }
    case "mapping":
      guard positionals.count <= 2 else { throw .usage(Message("usage.catalogue-at-most-one-file", [MessageArg("action", "mapping")]), command: name) }
      do throws(InputError) {
        let catalogue = try Pipeline.catalogue(positionals.count == 2 ? Pipeline.url(positionals[1]) : nil, displayPath: positionals.dropFirst().first)
        Console.out(CatalogueMapping.markdown(catalogue) { Terminal.text($0) })
        return .ok
      } catch {
        throw .input(error)
      }
    case "diff":
      guard positionals.count == 3 else { throw .usage(Message("usage.catalogue-diff-two-files"), command: name) }
      return try diff(positionals[1], positionals[2], format: arguments.value("--format"))
    default:
      throw .usage(Terminal.problem("usage.catalogue-action-unknown", [MessageArg("name", action)], closestTo: action, in: actions), command: name)
    }
  }

  private static func validate(_ path: String) throws(CommandError) -> ExitStatus {
    do throws(InputError) {
      let data = try FileInput.readWhole(Pipeline.url(path), displayPath: path, limit: 16 << 20)
      let (catalogue, problems) = try CatalogueLoader.load(data, file: path, knownChecks: AllChecks.ids)
      for problem in problems { Console.diagnostic(Terminal.describe(problem.inRunLanguage)) }
      guard problems.isEmpty else {
        Console.error(Terminal.text("catalogue.problems", [MessageArg("path", path), .number("count", Double(problems.count), decimals: 0)]))
        return .badInput
      }
      let primordial = catalogue.requirements.filter { $0.level == .primordial }.count
      Console.out(
        Terminal.text(
          "catalogue.valid",
          [
            MessageArg("path", path), .number("count", Double(catalogue.requirements.count), decimals: 0),
            .number("primordial", Double(primordial), decimals: 0), .number("important", Double(catalogue.requirements.count - primordial), decimals: 0),
            MessageArg("version", catalogue.version),
          ]))
      return .ok
    } catch {
      throw .input(error)
    }
  }
}
