import Foundation
import HomologModel

/// What `homolog diff` prints: both dossiers' headline figures and the regression between them.
public struct DiffReport: Codable, Sendable {
  /// Schema identifier of the JSON shape.
  public static let schemaID = "homolog-diff/1"

  /// A dossier's headline, as the diff shows it.
  public struct Side: Codable, Sendable {
    public var project: String
    public var asOf: String
    public var catalogueVersion: String
    public var verdict: VerdictStatus
    public var score: Double?
    public init(_ dossier: Dossier) {
      project = dossier.project.name
      asOf = dossier.asOf
      catalogueVersion = dossier.catalogue.version
      verdict = dossier.verdict.status
      score = dossier.score.important
    }
  }

  public var schema: String
  public var baseline: Side
  public var current: Side
  public var isRegression: Bool
  public var regression: Regression

  public init(baseline: Dossier, current: Dossier, regression: Regression) {
    schema = Self.schemaID
    self.baseline = Side(baseline)
    self.current = Side(current)
    isRegression = regression.isRegression
    self.regression = regression
  }

  /// The report as JSON (sorted keys, snake_case, like the dossier).
  public func json() throws(InputError) -> Data {
    do {
      var data = try JSONRenderer.encoder.encode(self)
      data.append(0x0A)
      return data
    } catch {
      throw InputError("cannot encode the diff: \(error)")
    }
  }

  /// Findings listed per table before "… and N more".
  static let listedFindings = 50

  /// Every format, with its file name (`--out DIR`).
  public static let files: [(format: String, fileName: String)] = [("md", "diff.md"), ("html", "diff.html"), ("json", "diff.json")]

  /// The bytes of one format: `md` and `html` from `templates/diff.*.mustache` in the context's language, or `json`.
  public func render(_ format: String, context: RenderContext) throws(InputError) -> Data {
    switch format {
    case "md", "html":
      let view = DiffView(self, table: context.table, escape: DecisionPage.escape(for: format))
      return try DecisionPage.render("diff", format: format, view: view, context: context)
    case "json": return try json()
    default: throw InputError("unknown diff format '\(format)' (expected md, html, json)")
    }
  }
}
