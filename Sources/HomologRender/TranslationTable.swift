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

  /// The message in this language: `{name}` takes the argument, `{name:table}` the translation of `table.<value>`.
  /// An unknown key gives the key itself, so a missing translation shows rather than vanishes.
  public func text(_ message: Message) -> String {
    guard let pattern = messages[message.key] else {
      return ([message.key] + message.args.map { "\($0.name)=\($0.value)" }).joined(separator: " ")
    }
    var output = ""
    var rest = Substring(pattern)
    while let open = rest.firstIndex(of: "{") {
      guard let close = rest[open...].firstIndex(of: "}") else { break }
      output += rest[..<open]
      let placeholder = rest[rest.index(after: open)..<close]
      let parts = placeholder.split(separator: ":", maxSplits: 1).map(String.init)
      let arg = message.args.first { $0.name == (parts.first ?? "") }
      let value = arg?.value ?? ""
      if parts.count == 2 {
        output += messages["\(parts[1]).\(value)"] ?? value
      } else {
        output += arg?.text(style: NumberFormatting.Style(lang: lang)) ?? ""
      }
      rest = rest[rest.index(after: close)...]
    }
    output += rest
    return output
  }

  /// The keys used by placeholders of a key's pattern (for tests).
  public func placeholders(_ key: String) -> [String] {
    guard let pattern = messages[key] else { return [] }
    var names: [String] = []
    var rest = Substring(pattern)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      names.append(String(rest[rest.index(after: open)..<close].split(separator: ":").first ?? ""))
      rest = rest[rest.index(after: close)...]
    }
    return names
  }
}
