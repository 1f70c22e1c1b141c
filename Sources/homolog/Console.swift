import Foundation

/// Writing to stdout and stderr, with terminal control sequences stripped from evidence text.
enum Console {
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  /// True when stderr is a terminal (progress is shown only then).
  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

  /// Evidence text made safe for a terminal: control characters (escape sequences included) removed.
  static func safe(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 == "\t" || !($0.properties.generalCategory == .control) }))
  }

  /// A one-line progress indicator on stderr, redrawn in place, only on a terminal.
  static func progress(_ label: String) -> (@Sendable (Int, Int) -> Void)? {
    guard stderrIsTerminal else { return nil }
    return { done, total in
      let end = done == total ? "\n" : ""
      FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)\(end)".utf8))
    }
  }
}
