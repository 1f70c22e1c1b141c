import Foundation
import HomologModel

/// `homolog catalogue diff` as text, Markdown or JSON, its texts from the translation table (`catalogue-diff.json`).
public enum CatalogueDiffReport {
  /// Output formats, the first the default.
  public static let formats = ["text", "json", "md"]

  /// The report in `format` (one of `formats`).
  public static func render(_ diff: CatalogueDiff, format: String, table: TranslationTable) throws(InputError) -> String {
    switch format {
    case "json": return try json(diff)
    case "md": return lines(diff, table: table, markdown: true).joined(separator: "\n")
    default: return lines(diff, table: table, markdown: false).joined(separator: "\n")
    }
  }

  /// The diff as JSON: keys sorted and snake_case, as `dossier.json`'s (shape in docs/catalogue.md).
  public static func json(_ diff: CatalogueDiff) throws(InputError) -> String {
    do {
      return String(decoding: try JSONRenderer.encoder.encode(diff), as: UTF8.self)
    } catch {
      throw InputError("cannot encode the catalogue diff: \(error)")
    }
  }

  /// The text or Markdown lines: a header naming both catalogues, then one section per non-empty kind of change.
  static func lines(_ diff: CatalogueDiff, table: TranslationTable, markdown: Bool) -> [String] {
    func code(_ id: String) -> String { markdown ? "`" + id.replacingOccurrences(of: "`", with: "") + "`" : id }
    func prose(_ text: String) -> String { markdown ? MarkdownEscaping.escape(text) : text }
    func named(_ id: String, _ oldId: String?) -> String {
      guard let oldId else { return code(id) }
      return table.text("catalogue-diff.formerly", [MessageArg("id", code(id)), MessageArg("old", code(oldId))])
    }
    func percent(_ value: Double) -> String { NumberFormatting.percentText(value, style: table.style) }
    func level(_ value: Level) -> String { table.text("catalogue-diff.level.\(value.rawValue)") }
    func side(_ side: CatalogueDiff.Side) -> String {
      table.text(
        "catalogue-diff.side",
        [
          MessageArg("id", prose(side.id)), MessageArg("version", prose(side.version)), MessageArg("path", prose(side.path)),
          .number("count", Double(side.requirements), decimals: 0),
        ])
    }
    func entry(_ entry: CatalogueDiff.Entry) -> String {
      table.text(
        "catalogue-diff.entry",
        [
          MessageArg("id", code(entry.id)), MessageArg("level", entry.level.rawValue), MessageArg("category", prose(entry.category)),
          MessageArg("title", prose(entry.title)),
        ])
    }

    let header = table.text("catalogue-diff.header", [MessageArg("old", side(diff.old)), MessageArg("new", side(diff.new))])
    var output = [markdown ? "# " + header : header]
    if diff.isEmpty { return output + [(markdown ? "\n" : "") + table.text("catalogue-diff.same")] }
    var sections: [(key: String, items: [String])] = [
      ("added", diff.added.map { (markdown ? "" : "+ ") + entry($0) }), ("removed", diff.removed.map { (markdown ? "" : "- ") + entry($0) }),
      (
        "renamed",
        diff.renamed.map {
          table.text(
            "catalogue-diff.renamed", [MessageArg("old", code($0.oldId)), MessageArg("new", code($0.newId)), MessageArg("similarity", percent($0.similarity))])
        }
      ),
      ("reworded", diff.reworded.map { table.text("catalogue-diff.reworded", [MessageArg("id", named($0.id, $0.oldId)), MessageArg("similarity", percent($0.similarity))]) }),
      (
        "relevelled",
        diff.relevelled.map {
          table.text("catalogue-diff.change", [MessageArg("id", named($0.id, $0.oldId)), MessageArg("old", level($0.old)), MessageArg("new", level($0.new))])
        }
      ),
      (
        "recategorized",
        diff.recategorized.map {
          table.text("catalogue-diff.change", [MessageArg("id", named($0.id, $0.oldId)), MessageArg("old", prose($0.old)), MessageArg("new", prose($0.new))])
        }
      ),
    ]
    sections.append(
      (
        "parts",
        diff.parts.map { change in
          let lists = [("added", change.added), ("removed", change.removed), ("changed", change.changed)].filter { !$0.1.isEmpty }.map {
            table.text("catalogue-diff.parts.\($0.0)", [MessageArg("ids", $0.1.map(code).joined(separator: ", "))])
          }
          return named(change.id, change.oldId) + (markdown ? " — " : ": ") + lists.joined(separator: "; ")
        }
      ))
    for (key, items) in sections where !items.isEmpty {
      let title = table.text(
        "catalogue-diff.section.\(key)", [.number("count", Double(items.count), decimals: 0), MessageArg("threshold", "\(diff.renameThreshold)")])
      output.append(markdown ? "\n## " + title + "\n" : title)
      output += items.map { (markdown ? "- " : "  ") + $0 }
    }
    return output
  }
}
