import HomologModel
import HomologProject
import HomologRender

/// Attestations and derogations naming an id the catalogue in use no longer has: a warning each, with the likely new
/// id (stderr, even with `--quiet`: leaving a declaration out changes the verdict; the dossier records them too), or
/// with `--strict` an error each and exit 2, as unrecognised evidence files are.
enum StaleReferences {
  static func report(_ stale: [StaleReference], catalogue: Catalogue, strict: Bool, table: TranslationTable) throws(InputError) {
    guard !stale.isEmpty else { return }
    for reference in stale {
      let args = [
        MessageArg("location", reference.location.description), MessageArg("kind", reference.kind.rawValue), MessageArg("id", reference.id),
        MessageArg("catalogue", catalogue.id), MessageArg("version", catalogue.version),
        MessageArg("successor", reference.successor == nil ? "none" : "some"), MessageArg("new", reference.successor ?? ""),
      ]
      Console.diagnostic(table.text(strict ? "stale.error" : "stale.warning", args))
    }
    if strict { throw Terminal.inputError("stale.strict-refused", [.number("count", Double(stale.count), decimals: 0)]) }
  }
}
