import HomologModel
import HomologRender

/// The language of what the command line itself prints (usage errors, init's next steps, refusals, progress):
/// `--lang` when the command line gives it, else French; every text comes from the built-in translation tables.
enum Terminal {
  /// The run's table; set once from the command line before a command runs.
  nonisolated(unsafe) static var table = load("fr")

  /// The built-in table of a language (an empty one, showing keys, should the build lack it).
  static func load(_ lang: String) -> TranslationTable {
    (try? TranslationTable.load(lang: lang, from: TemplateSource())) ?? TranslationTable(lang: lang, messages: [:])
  }

  /// The language the command line asks for, for the usage errors met before its options are parsed (no
  /// arguments, an unknown command): the value of `--lang` (`--lang en` or `--lang=en`, before `--`) when it is one
  /// homolog speaks, else French. Once parsed, `--lang` (a common option) decides through `use(_:)`.
  static func language(in arguments: [String]) -> String {
    var found: String?
    var index = 0
    while index < arguments.count, arguments[index] != "--" {
      let word = arguments[index]
      if word == "--lang", index + 1 < arguments.count {
        found = arguments[index + 1]
        index += 1
      } else if word.hasPrefix("--lang=") {
        found = String(word.dropFirst(7))
      }
      index += 1
    }
    return found.flatMap { TranslationTable.languages.contains($0) ? $0 : nil } ?? "fr"
  }

  /// Sets the run's language from parsed arguments (`--lang`, a common option); an unknown language is a usage
  /// error, said in French.
  static func use(_ arguments: Arguments) throws(CommandError) {
    table = load("fr")
    if let lang = try Pipeline.lang(arguments.value("--lang")) { table = load(lang) }
  }

  /// A message of the run's language.
  static func text(_ key: String, _ args: [MessageArg] = []) -> String { table.text(key, args) }

  /// A message of the run's language.
  static func text(_ message: Message) -> String { table.text(message) }

  /// A usage problem: the message of `key`, whose `{hint:usage.hint}` says "did you mean" when `text` is close to one of
  /// `candidates` (or to `suggestion` when given), and nothing otherwise.
  static func problem(
    _ key: String, _ args: [MessageArg] = [], closestTo text: String? = nil, in candidates: [String] = [], suggestion: String? = nil
  ) -> Message {
    let closest = suggestion ?? text.flatMap { Suggestion.closest(to: $0, in: candidates) }
    return Message(key, args + [MessageArg("hint", closest == nil ? "none" : "some"), MessageArg("suggestion", closest ?? "")])
  }

  /// An input error written by the command line, in the run's language.
  static func inputError(_ key: String, _ args: [MessageArg] = [], at location: SourceLocation? = nil) -> InputError {
    inputError(Message(key, args), at: location)
  }

  /// An input error written by the command line, in the run's language.
  static func inputError(_ message: Message, at location: SourceLocation? = nil) -> InputError {
    var error = InputError(text(message), at: location)
    error.localized = true
    return error
  }

  /// An input error as printed: a localized one with the run's `error:` label, a reader's or loader's as it is (English).
  static func describe(_ error: InputError) -> String {
    guard error.localized else { return error.description }
    guard let location = error.location else { return text("error.plain", [MessageArg("message", error.message)]) }
    return text("error.located", [MessageArg("location", location.description), MessageArg("message", error.message)])
  }
}
