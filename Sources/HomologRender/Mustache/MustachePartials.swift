/// Partials parsed up front and looked up by name.
public struct MustachePartials: MustachePartialProvider {
  /// No partials: every `{{>name}}` renders nothing.
  public static let none = MustachePartials()

  private let templates: [String: MustacheTemplate]

  /// Partials already parsed, by name.
  public init(templates: [String: MustacheTemplate] = [:]) {
    self.templates = templates
  }

  /// Parses every source once, each named after its key; throws the first error in name order.
  public init(sources: [String: String]) throws(MustacheError) {
    var templates: [String: MustacheTemplate] = [:]
    for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
      templates[name] = try MustacheTemplate(parsing: source, name: name)
    }
    self.templates = templates
  }

  /// The partial called `name`, if given.
  public func partial(named name: String) -> MustacheTemplate? {
    templates[name]
  }
}
