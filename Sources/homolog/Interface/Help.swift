import HomologModel
import HomologRender

/// A command's help, generated from its option table, its texts from the translation tables in the run's language.
enum Help {
  /// Column where option descriptions start.
  static let column = 23
  /// Width descriptions are wrapped to.
  static let width = 100

  /// `homolog CMD --help`.
  static func text(_ command: any Command.Type) -> String {
    var text = command.synopsis.enumerated().map { index, line in
      (index == 0 ? usageHeading : String(repeating: " ", count: usageHeading.count)) + "homolog \(command.name)\(line.isEmpty ? "" : " " + line)"
    }.joined(separator: "\n")
    text += "\n\n" + command.about + "\n"
    text += "\n" + Terminal.text("help.heading.options") + "\n"
      + Option.all(command.options).map { optionLine($0, in: command.name) }.joined()
    text += "\n" + Terminal.text("help.heading.exit-codes") + command.exitCodes + "\n"
    return text
  }

  /// `USAGE: ` in the run's language.
  private static var usageHeading: String { Terminal.text("help.heading.usage") }

  /// What help texts may name: the dossier's files, the output formats, the shape of `inspect --json`.
  static var arguments: [MessageArg] {
    [
      MessageArg("files", AllRenderers.list.map { type(of: $0).fileName }.joined(separator: ", ")),
      MessageArg("formats", AllRenderers.formats.joined(separator: ",")),
      MessageArg("shape", #"{"files":[{"path","format","tool","findings","coverage","tests","kubernetes"}]}"#),
    ]
  }

  /// One option's help, its description wrapped under the description column.
  static func optionLine(_ option: Option, in command: String) -> String {
    let label = "  " + (option.name == "--help" ? "-h, --help" : option.label)
    let lines = wrap(option.help(in: command), width: width - column)
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
