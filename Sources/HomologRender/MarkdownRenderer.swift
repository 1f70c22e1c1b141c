import Foundation
import HomologModel

/// `dossier.md`: short enough for a merge-request comment, from `templates/dossier.md.mustache`.
public struct MarkdownRenderer: Renderer {
  public static let format = "md"
  public static let fileName = "dossier.md"

  public init() {}

  public func render(_ dossier: Dossier, context: RenderContext) throws(InputError) -> Data {
    let view = DossierView(dossier, table: context.table, escape: MarkdownEscaping.escape)
    let text = try TemplateRendering.render(layout: "dossier.md.mustache", partialsFolder: "md", view: view, context: context)
    return Data(text.utf8)
  }
}
