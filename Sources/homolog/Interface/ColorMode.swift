import Foundation

/// `--color auto|always|never`; `NO_COLOR` (any non-empty value) turns auto off.
enum ColorMode: String, CaseIterable, Sendable {
  case auto
  case always
  case never

  /// Whether text written to stderr is coloured under this mode and environment.
  func enabled(environment: [String: String] = ProcessInfo.processInfo.environment, terminal: Bool = Console.stderrIsTerminal) -> Bool {
    switch self {
    case .always: true
    case .never: false
    case .auto: terminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }
  }
}

/// ANSI colours, applied to text that was already made safe.
enum Colour: String, Sendable {
  case red = "31"
  case green = "32"
  case yellow = "33"
  case bold = "1"

  /// The text wrapped in this colour's escape sequence.
  func paint(_ text: String) -> String { "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" }
}
