/// Where something is in an input file: relative path, optional 1-based line and column, optional JSON path.
public struct SourceLocation: Codable, Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var column: Int?
  public var jsonPath: String?

  public init(file: String, line: Int? = nil, column: Int? = nil, jsonPath: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.jsonPath = jsonPath
  }

  /// `file:line:col` (or `file: at $.path`), the form editors and CI link.
  public var description: String {
    var text = file
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    }
    if let jsonPath { text += " (at \(jsonPath))" }
    return text
  }
}

/// Unusable input (bad file, bad configuration, bad usage): the run stops with exit code 2.
public struct InputError: Error, CustomStringConvertible, Sendable {
  public var location: SourceLocation?
  public var message: String
  /// True when `message` is already in the run's language (written by the command line from its translation tables);
  /// readers' and loaders' messages are English, like a compiler's.
  public var localized = false
  /// The message by key, for the command line to tell in the run's language (`message` is its English text).
  public var problem: Message?

  public init(_ message: String, at location: SourceLocation? = nil) {
    self.message = message
    self.location = location
  }

  /// An error the command line tells from the translation tables (`problem`), `english` being its text elsewhere.
  public init(_ problem: Message, english: String, at location: SourceLocation? = nil) {
    self.init(english, at: location)
    self.problem = problem
  }

  /// `file:line:col: error: message`.
  public var description: String {
    if let location { return "\(location): error: \(message)" }
    return "error: \(message)"
  }

  /// The same error placed in another file (used when a reader only knows lines).
  public func placed(in file: String) -> InputError {
    var copy = self
    if copy.location == nil {
      copy.location = SourceLocation(file: file)
    } else {
      copy.location?.file = file
    }
    return copy
  }
}
