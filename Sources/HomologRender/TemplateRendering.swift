import Foundation
import HomologModel

/// Renders a view (the dossier's, or a decision document's) through a Mustache layout and its partials from the template source.
/// The context is the view plus `t`, the language's UI labels, plus any `extra` members.
/// In the partials folder, `name.mustache` is the partial `name`; any other file (`style.css`,
/// `script.js`) is a partial named after the whole file name.
enum TemplateRendering {
  static func render(
    layout: String, partialsFolder: String, view: some Encodable, context: RenderContext,
    extra: [String: MustacheValue] = [:]
  ) throws(InputError) -> String {
    let source = context.templates
    var partialSources: [String: String] = [:]
    for name in source.names(in: partialsFolder) {
      var key = String(name.dropFirst(partialsFolder.count + 1))
      if key.hasSuffix(".mustache") { key = String(key.dropLast(".mustache".count)) }
      partialSources[key] = try source.text(name)
    }
    do throws(MustacheError) {
      let template = try MustacheTemplate(parsing: try text(layout, source), name: layout)
      let partials = try MustachePartials(sources: partialSources)
      var root = try MustacheValue(encodable: view)
      if case .object(var members) = root {
        members["t"] = MustacheValue(jsonObject: (try? JSONSerialization.jsonObject(with: context.table.uiJSON)) ?? [:])
        members.merge(extra) { _, new in new }
        root = .object(members)
      }
      return try template.render(root, partials: partials)
    } catch {
      throw InputError("template error: \(error.description)")
    }
  }

  private static func text(_ name: String, _ source: TemplateSource) throws(MustacheError) -> String {
    do {
      return try source.text(name)
    } catch {
      throw MustacheError(error.message, template: name)
    }
  }
}
