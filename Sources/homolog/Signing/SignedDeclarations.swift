import Foundation
import HomologModel
import HomologParsing
import HomologProject

/// The declarations a dossier was evaluated from, signed with its evidence: `homolog.yaml` and the files it names
/// (attestations, derogations, a catalogue of its own). `evaluate` records each file's path, size and SHA-256 in the
/// dossier (`declarations`); `sign` signs them only while they still hold those bytes.
enum SignedDeclarations {
  /// The declaration files an evaluation read, hashed now (paths relative to the project folder).
  static func record(_ config: ProjectConfig, configURL: URL) throws(InputError) -> [DeclarationFile] {
    let declared: [(URL?, DeclarationKind)] = [
      (configURL, .project), (config.attestations, .attestations), (config.derogations, .derogations), (config.catalogue, .catalogue),
    ]
    var files: [DeclarationFile] = []
    for case let (url?, kind) in declared {
      let path = Pipeline.display(url, base: config.baseDirectory)
      let digest = try FileInput.digest(url, displayPath: path)
      files.append(DeclarationFile(path: path, kind: kind, sha256: digest.sha256, bytes: digest.bytes))
    }
    return files
  }

  /// The dossier's declaration files as manifest entries, each found under the project folder and still as the
  /// evaluation read it; nil when the dossier records none (written before they were recorded).
  static func entries(_ locations: SignedLocations, dossier: Dossier, dossierPath: String) throws(InputError) -> [SignedManifest.Entry]? {
    guard let recorded = dossier.declarations else { return nil }
    var entries: [SignedManifest.Entry] = []
    for (index, file) in recorded.enumerated() {
      try SignedLocations.checkSafe(file.path, at: SourceLocation(file: dossierPath, jsonPath: "$.declarations[\(index)].path"))
      let path = locations.evidence(file.path)
      guard let current = SignedLocations.current(path) else {
        throw Terminal.inputError("sign.declaration-missing", [MessageArg("project", locations.project)], at: SourceLocation(file: path))
      }
      guard current.sha256 == file.sha256, current.bytes == file.bytes else {
        throw Terminal.inputError("sign.declaration-changed", at: SourceLocation(file: path))
      }
      entries.append(SignedManifest.Entry(path: file.path, bytes: file.bytes, sha256: file.sha256))
    }
    return entries
  }
}
