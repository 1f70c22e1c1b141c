import Foundation
import HomologEvaluate
import HomologModel

/// `homolog checks`: the built-in checks and the requirements they prove.
enum ChecksCommand: Command {
  static let name = "checks"
  static let synopsis = ["[--format text|md]"]
  static let options: [Option] = [
    .value("--format", "text|md", completion: .choices(["text", "md"])),
  ]

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    try arguments.finish()
    let format = try Pipeline.formats(arguments.value("--format"), known: ["text", "md"])?.first ?? "text"
    let catalogue: Catalogue
    do { catalogue = try Pipeline.catalogue(nil) } catch { throw .input(error) }
    Console.out(format == "md" ? markdown(catalogue) : text(catalogue))
    return .ok
  }

  static func requirements(of id: String, in catalogue: Catalogue) -> [String] {
    CatalogueMapping.judged(by: id, in: catalogue)
  }

  /// A check's title or rationale in the run's language (`check.ID.title`, `check.ID.rationale`), as written: these
  /// texts quote code (`{{ … }}`, `${VAR}`) and take no arguments.
  static func doc(_ id: String, _ part: String) -> String {
    Terminal.table.messages["check.\(id).\(part)"] ?? "check.\(id).\(part)"
  }

  static func text(_ catalogue: Catalogue) -> String {
    AllChecks.list.map { check in
      "\(check.id)\t\(doc(check.id, "title"))\t\(requirements(of: check.id, in: catalogue).joined(separator: ", "))"
    }.joined(separator: "\n")
  }

  /// The Markdown of `docs/checks.md` (the repository's copy is `--lang en`'s).
  static func markdown(_ catalogue: Catalogue) -> String {
    var text = Terminal.text("checks.md.title") + "\n\n" + Terminal.text("checks.md.generated") + "\n\n"
    text += Terminal.text("checks.md.verdicts") + "\n\n"
    text += Terminal.text("checks.md.header") + "\n|---|---|---|---|\n"
    for check in AllChecks.list {
      let id = check.id
      text += "| `\(id)` | \(doc(id, "title")) | \(doc(id, "rationale")) | \(requirements(of: id, in: catalogue).joined(separator: ", ")) |\n"
    }
    return text
  }
}
