import Foundation
import HomologModel

/// The strings of one language: messages by key (flat `templates/i18n/<lang>/*.json`) and the
/// interface labels templates use (`templates/i18n/<lang>/ui.json`, a nested object).
public struct TranslationTable: Sendable {
  /// Languages homolog ships.
  public static let languages = ["fr", "en"]

  public let lang: String
  public let messages: [String: String]
  /// The UI labels as JSON, handed to templates as `t`.
  public let uiJSON: Data

  /// Loads every table of a language from the template source.
  public static func load(lang: String, from source: TemplateSource) throws(InputError) -> TranslationTable {
    guard languages.contains(lang) else {
      throw InputError("unknown language '\(lang)' (expected one of: \(languages.joined(separator: ", ")))")
    }
    var messages: [String: String] = [:]
    var ui = Data("{}".utf8)
    for name in source.names(in: "i18n/\(lang)") where name.hasSuffix(".json") {
      guard let data = try source.data(name) else { continue }
      if name.hasSuffix("/ui.json") {
        ui = data
        continue
      }
      guard let table = try? JSONDecoder().decode([String: String].self, from: data) else {
        throw InputError("translation table templates/\(name): expected a JSON object of strings")
      }
      messages.merge(table) { _, new in new }
    }
    return TranslationTable(lang: lang, messages: messages, uiJSON: ui)
  }

  public init(lang: String, messages: [String: String], uiJSON: Data = Data("{}".utf8)) {
    self.lang = lang
    self.messages = messages
    self.uiJSON = uiJSON
  }

  /// The message in this language: `{name}` takes the argument, `{name:table}` the translation of `table.<value>`,
  /// `{name|one|other}` the form agreeing with the figure `name` (`#` in a form stands for the figure).
  /// An unknown key gives the key itself, so a missing translation shows rather than vanishes.
  public func text(_ message: Message) -> String {
    guard let pattern = messages[message.key] else {
      return ([message.key] + message.args.map { "\($0.name)=\($0.value)" }).joined(separator: " ")
    }
    return fill(pattern, message.args)
  }

  /// The message of `key` with these arguments (a shorthand for `text(Message(key, args))`).
  public func text(_ key: String, _ args: [MessageArg] = []) -> String { text(Message(key, args)) }

  /// The style figures take in this language.
  public var style: NumberFormatting.Style { NumberFormatting.Style(lang: lang) }

  /// `count` followed by the noun's form agreeing with it, both forms from `key` (`{count|one|other}`).
  public func count(_ count: Int, _ key: String) -> String { text(key, [MessageArg.number("count", Double(count), decimals: 0)]) }

  private func fill(_ pattern: String, _ args: [MessageArg], nested: Bool = false) -> String {
    var output = ""
    var rest = Substring(pattern)
    while let open = rest.firstIndex(of: "{") {
      guard let close = rest[open...].firstIndex(of: "}") else { break }
      output += rest[..<open]
      let placeholder = rest[rest.index(after: open)..<close]
      if placeholder.contains("|") {
        output += plural(placeholder, args)
      } else {
        let parts = placeholder.split(separator: ":", maxSplits: 1).map(String.init)
        let arg = args.first { $0.name == (parts.first ?? "") }
        let value = arg?.value ?? ""
        if parts.count == 2 {
          // A looked-up text takes the message's own arguments (`gate.rule.score-below` names its `{limit}`).
          output += messages["\(parts[1]).\(value)"].map { nested ? $0 : fill($0, args, nested: true) } ?? value
        } else {
          output += arg?.text(style: style) ?? ""
        }
      }
      rest = rest[rest.index(after: close)...]
    }
    output += rest
    return output
  }

  /// `name|one|other`: the form for the figure `name` under this language's plural rule, `#` replaced by the figure.
  private func plural(_ placeholder: Substring, _ args: [MessageArg]) -> String {
    let forms = placeholder.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    let arg = args.first { $0.name == forms[0] }
    let figure = arg?.number ?? arg.flatMap { Double($0.value) } ?? 0
    let form = PluralRule(lang: lang).isOne(figure) ? forms[1] : forms[forms.count > 2 ? 2 : 1]
    return form.replacingOccurrences(of: "#", with: arg?.text(style: style) ?? "")
  }

  /// The keys used by placeholders of a key's pattern (for tests).
  public func placeholders(_ key: String) -> [String] {
    guard let pattern = messages[key] else { return [] }
    var names: [String] = []
    var rest = Substring(pattern)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      names.append(String(rest[rest.index(after: open)..<close].split { $0 == ":" || $0 == "|" }.first ?? ""))
      rest = rest[rest.index(after: close)...]
    }
    return names
  }
}
