import Foundation
import HomologEvaluate
import HomologModel
import HomologParsing
import HomologProject

/// The declarations a dossier was evaluated from, signed with its evidence: the project folder's `homolog.yaml` and the
/// files it names (attestations, derogations, a catalogue of its own). They are taken only from the project the dossier
/// was judged in: `homolog.yaml`'s policy must hash to the dossier's `policy_sha256`, and its catalogue file to the
/// dossier's catalogue SHA-256.
enum SignedDeclarations {
  /// The project file's name in the project folder.
  static let projectFile = "homolog.yaml"

  /// The declaration files of the project folder, as manifest entries (paths relative to it); none when it holds no
  /// `homolog.yaml`.
  static func entries(_ locations: SignedLocations, dossier: Dossier) throws(InputError) -> [SignedManifest.Entry] {
    let base = Pipeline.url(locations.project)
    let configURL = base.appendingPathComponent(projectFile)
    let configPath = locations.evidence(projectFile)
    guard FileManager.default.fileExists(atPath: configURL.path) else { return [] }
    let config = try ProjectConfigLoader.load(configURL, displayPath: configPath)
    if let recorded = dossier.policySha256, recorded != PolicyDigest.sha256(config.policy) {
      throw Terminal.inputError("sign.other-project", [MessageArg("what", "policy")], at: SourceLocation(file: configPath))
    }
    var entries: [SignedManifest.Entry] = []
    for url in [configURL, config.attestations, config.derogations, config.catalogue].compactMap({ $0 }) {
      let path = Pipeline.display(url, base: base)
      guard let current = SignedLocations.current(locations.evidence(path)) else {
        throw Terminal.inputError(
          "sign.evidence-missing", [MessageArg("project", locations.project)], at: SourceLocation(file: locations.evidence(path)))
      }
      if url == config.catalogue && current.sha256 != dossier.catalogue.sha256 {
        throw Terminal.inputError("sign.other-project", [MessageArg("what", "catalogue")], at: SourceLocation(file: locations.evidence(path)))
      }
      entries.append(SignedManifest.Entry(path: path, bytes: current.bytes, sha256: current.sha256))
    }
    return entries
  }
}
