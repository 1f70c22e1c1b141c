import Foundation
import HomologModel

/// `dossier.html`: the self-contained page the homologation authority reads, from `templates/dossier.html.mustache`
/// and `templates/html/`; Mustache escapes every value, charts are inline SVG built in Swift.
public struct HTMLRenderer: Renderer {
  public static let format = "html"
  public static let fileName = "dossier.html"

  public init() {}

  public func render(_ dossier: Dossier, context: RenderContext) throws(InputError) -> Data {
    let view = DossierView(dossier, table: context.table, escape: { $0 })
    var localized = dossier
    localized.lang = context.table.lang
    let charts = DossierCharts.make(localized, ui: UILabels(context.table))
    let text = try TemplateRendering.render(
      layout: "dossier.html.mustache", partialsFolder: "html", view: view, context: context,
      extra: ["charts": .object(charts.mapValues(MustacheValue.string))])
    return Data(text.utf8)
  }
}
