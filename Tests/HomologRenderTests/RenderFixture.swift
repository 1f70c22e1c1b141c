import Foundation
import HomologModel
import HomologRender

/// Renders dossiers the way `homolog evaluate` does: built-in templates (or a user folder) and a language.
enum RenderFixture {
  /// The bytes of one renderer's output as text.
  static func render(
    _ renderer: any Renderer, _ dossier: Dossier = DemoDossier.make(), lang: String = "fr", templates: URL? = nil
  ) throws -> String {
    let source = TemplateSource(overrideDirectory: templates)
    let context = RenderContext(templates: source, table: try TranslationTable.load(lang: lang, from: source))
    return String(decoding: try renderer.render(dossier, context: context), as: UTF8.self)
  }

  /// A fresh empty folder under the temporary directory, removed when the test ends.
  static func temporaryFolder() throws -> URL {
    try TemporaryFolders.make("homolog-render")
  }
}
