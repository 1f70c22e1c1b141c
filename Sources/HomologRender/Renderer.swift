import Foundation
import HomologModel

/// A renderer: a pure function from the dossier (and templates) to the bytes of one output file.
public protocol Renderer: Sendable {
  /// The `--format` name, e.g. `json`.
  static var format: String { get }
  /// The output file name, e.g. `dossier.json`.
  static var fileName: String { get }
  func render(_ dossier: Dossier, context: RenderContext) throws(InputError) -> Data
}

/// What renderers may read besides the dossier: the templates and the translation table.
public struct RenderContext: Sendable {
  public var templates: TemplateSource
  public var table: TranslationTable
  public init(templates: TemplateSource, table: TranslationTable) {
    self.templates = templates
    self.table = table
  }
}
