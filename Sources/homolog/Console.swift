import Foundation

/// Writing to stdout and stderr. Everything printed goes through `safe`: evidence text (finding
/// titles, file names, project names in messages) cannot move the cursor, recolour, retitle or
/// reorder what a terminal or a CI log shows.
enum Console {
  /// Writes a line to stdout, control characters removed.
  static func out(_ text: String) {
    let line = safe(text)
    FileHandle.standardOutput.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
  }

  /// Writes a line to stderr, control characters removed.
  static func error(_ text: String) {
    let line = safe(text)
    FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
  }

  /// Whether stderr lines are coloured; set once from `--color` and `NO_COLOR` before a command runs.
  nonisolated(unsafe) static var colour = ColorMode.auto.enabled()

  /// Writes a diagnostic to stderr, made safe, with `error:`/`warning:` and the first of `highlight` found coloured.
  static func diagnostic(_ text: String, highlight: [(word: String, colour: Colour)] = []) {
    var line = safe(text)
    if colour {
      for (label, paint) in [("error:", Colour.red), ("warning:", .yellow), ("erreur :", .red), ("attention :", .yellow)] {
        if let range = line.range(of: label), range.lowerBound == line.startIndex || line[line.index(before: range.lowerBound)] == " " {
          line.replaceSubrange(range, with: paint.paint(label))
          break
        }
      }
      // The first highlighted word found is coloured (alternatives spell the same thing).
      for (word, paint) in highlight where !word.isEmpty {
        if let range = line.range(of: word) {
          line.replaceSubrange(range, with: paint.paint(word))
          break
        }
      }
    }
    FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
  }

  /// Writes a message to stderr, made safe, its first line in `colour` (a gate failure in red, whatever its language).
  static func emphasised(_ text: String, _ paint: Colour) {
    var line = safe(text)
    if colour {
      let end = line.firstIndex(of: "\n") ?? line.endIndex
      line.replaceSubrange(line.startIndex..<end, with: paint.paint(String(line[..<end])))
    }
    FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
  }

  /// True when stderr is a terminal (progress is shown only then).
  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

  /// Text made safe for a terminal: C0 and C1 control characters (ESC and CSI sequences' introducers,
  /// carriage return, backspace, bell…) and bidirectional overrides removed; tab and line feed kept.
  static func safe(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isUnsafe($0) }))
  }

  private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: false
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
    default: false
    }
  }

  /// A one-line progress indicator on stderr, redrawn in place, only on a terminal.
  static func progress(_ label: String) -> (@Sendable (Int, Int) -> Void)? {
    guard stderrIsTerminal else { return nil }
    return { done, total in
      let end = done == total ? "\n" : ""
      FileHandle.standardError.write(Data("\r\(safe(label)) \(done)/\(total)\(end)".utf8))
    }
  }
}
