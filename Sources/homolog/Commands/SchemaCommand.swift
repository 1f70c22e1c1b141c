import Foundation
import HomologModel
import HomologResources

/// `homolog schema`: the JSON Schema (draft 2020-12) of `dossier.json`, as shipped in `schemas/dossier.schema.json`.
enum SchemaCommand: Command {
  static let name = "schema"
  static let synopsis = [""]
  static let options: [Option] = []

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    try arguments.finish()
    guard let schema = Resources.builtIn(Resources.dossierSchemaPath) else {
      throw .input(InputError("the built-in dossier schema is missing from this binary", at: SourceLocation(file: Resources.dossierSchemaPath)))
    }
    FileHandle.standardOutput.write(schema)
    return .ok
  }
}
