import HomologModel

/// The declarations left out of the evaluation because their requirement id is not in the catalogue in use, prepared
/// for templates: labels from the `stale.dossier.*` messages, every value from the declarations through `escape`
/// (Markdown escaping, or identity for HTML, where Mustache escapes).
struct StaleDeclarationsView: Encodable {
  /// One declaration left out, as a table row.
  struct Row: Encodable {
    /// `file:line`, or the file when the line is unknown.
    var location: String
    var kind: String
    var kindLabel: String
    var id: String
    var hasId: Bool
    var requirement: String
    var likely: String
    var likelyAnchor: String?
    var hasLikely: Bool
  }
  /// The section's fixed texts.
  struct Labels: Encodable {
    var heading: String
    var lead: String
    var file: String
    var kind: String
    var id: String
    var requirement: String
    var likely: String
    var none: String
  }

  var labels: Labels
  var rows: [Row]
  var count: Int

  init(_ declarations: [StaleDeclaration], catalogue: CatalogueSummary, table: TranslationTable, links: Linker, escape: (String) -> String) {
    func t(_ key: String, _ args: [MessageArg] = []) -> String { table.text(key, args) }
    labels = Labels(
      heading: t("stale.dossier.heading"),
      lead: t("stale.dossier.lead", [MessageArg("catalogue", escape(catalogue.id)), MessageArg("version", escape(catalogue.version))]),
      file: t("stale.dossier.file"), kind: t("stale.dossier.kind"), id: t("stale.dossier.id"), requirement: t("stale.dossier.requirement"),
      likely: t("stale.dossier.likely"), none: t("stale.dossier.likely-none"))
    rows = declarations.map { declaration in
      Row(
        location: escape(declaration.line.map { "\(declaration.file):\($0)" } ?? declaration.file), kind: declaration.kind.rawValue,
        kindLabel: t("stale.dossier.kind.\(declaration.kind.rawValue)"), id: escape(declaration.id ?? ""), hasId: declaration.id != nil,
        requirement: escape(declaration.requirement), likely: escape(declaration.likely ?? ""),
        likelyAnchor: declaration.likely.flatMap { links.requirements[$0] }, hasLikely: declaration.likely != nil)
    }
    count = declarations.count
  }
}
