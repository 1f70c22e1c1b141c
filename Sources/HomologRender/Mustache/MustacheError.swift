/// A template that cannot be parsed or rendered, with the template name and 1-based line and column when known.
public struct MustacheError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong and what was expected, lowercase without trailing period.
  public var message: String
  /// The template's name (a partial's name, a file name), when it has one.
  public var template: String?
  /// 1-based line of the offending tag.
  public var line: Int?
  /// 1-based column of the offending tag, in characters.
  public var column: Int?

  /// An error at an optional place.
  public init(_ message: String, template: String? = nil, line: Int? = nil, column: Int? = nil) {
    self.message = message
    self.template = template
    self.line = line
    self.column = column
  }

  /// `name:line:col: error: message`, or `line L, column C: message` for an unnamed template.
  public var description: String {
    var place = ""
    if let line {
      place = column.map { "\(line):\($0)" } ?? "\(line)"
    }
    if let template {
      return place.isEmpty ? "\(template): error: \(message)" : "\(template):\(place): error: \(message)"
    }
    guard let line else { return "error: \(message)" }
    return column.map { "line \(line), column \($0): \(message)" } ?? "line \(line): \(message)"
  }
}
