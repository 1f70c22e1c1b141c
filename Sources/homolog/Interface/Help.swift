/// A command's help, generated from its option table.
enum Help {
  /// Column where option descriptions start.
  static let column = 23
  /// Width descriptions are wrapped to.
  static let width = 100

  /// `homolog CMD --help`.
  static func text(_ command: any Command.Type) -> String {
    var text = command.synopsis.enumerated().map { index, line in
      (index == 0 ? "USAGE: " : "       ") + "homolog \(command.name)\(line.isEmpty ? "" : " " + line)"
    }.joined(separator: "\n")
    text += "\n\n" + command.about + "\n"
    text += "\nOPTIONS:\n" + Option.all(command.options).map(optionLine).joined()
    if !command.exitCodes.isEmpty { text += "\nEXIT CODES: " + command.exitCodes + "\n" }
    return text
  }

  /// One option's help, its description wrapped under the description column.
  static func optionLine(_ option: Option) -> String {
    let label = "  " + (option.name == "--help" ? "-h, --help" : option.label)
    let lines = wrap(option.help, width: width - column)
    let indent = String(repeating: " ", count: column)
    var text = label.count < column - 1 ? label.padding(toLength: column, withPad: " ", startingAt: 0) + lines[0] + "\n"
      : label + "\n" + indent + lines[0] + "\n"
    for line in lines.dropFirst() { text += indent + line + "\n" }
    return text
  }

  /// Words wrapped to lines of at most `width` characters.
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if !current.isEmpty && current.count + 1 + word.count > width {
        lines.append(current)
        current = ""
      }
      current += (current.isEmpty ? "" : " ") + word
    }
    lines.append(current)
    return lines
  }
}
