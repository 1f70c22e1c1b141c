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
    return Data(Self.withoutControlCharacters(text).utf8)
  }

  /// HTML forbids C0 and C1 control characters other than tab and line breaks; evidence may carry them
  /// (terminal escape sequences), so they are removed from the page.
  static func withoutControlCharacters(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isForbidden) else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isForbidden($0) }))
  }

  private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: false
    case 0x00...0x1F, 0x7F...0x9F: true
    default: false
    }
  }
}
