import Foundation
import HomologModel

/// Renders a decision document (`compare`, `portfolio`, `diff`) from `templates/<name>.<format>.mustache`,
/// whose partials live in `templates/decisions/` (`style.css` is shared by the HTML pages).
enum DecisionPage {
  /// The page's bytes; HTML loses the control characters HTML forbids, as the dossier does.
  static func render(_ name: String, format: String, view: some Encodable, context: RenderContext) throws(InputError) -> Data {
    let text = try TemplateRendering.render(
      layout: "\(name).\(format).mustache", partialsFolder: "decisions", view: view, context: context)
    return Data((format == "html" ? HTMLRenderer.withoutControlCharacters(text) : text).utf8)
  }

  /// The escaping of evidence text for a format: Markdown escaping for `md`; none for HTML, where Mustache escapes.
  static func escape(for format: String) -> (String) -> String {
    if format == "md" { return { MarkdownEscaping.escape($0) } }
    return { $0 }
  }
}
