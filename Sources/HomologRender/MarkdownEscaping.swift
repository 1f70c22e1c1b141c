/// Escaping for evidence text placed in Markdown (GitLab/GitHub flavours, table cells included):
/// HTML is neutralised, Markdown syntax characters are backslash-escaped, line breaks become spaces.
enum MarkdownEscaping {
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\n", "\r", "\r\n": out += " "
      case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "!", "|", "~", "$", "@", ":", "=":
        out.append("\\")
        out.append(character)
      default:
        if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) { continue }
        out.append(character)
      }
    }
    return out
  }
}
