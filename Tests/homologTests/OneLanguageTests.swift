import Foundation
import XCTest

/// One language per run: every output of the demo (each dossier format, and what evaluate, diff, compare,
/// portfolio and inspect print) speaks the language of `--lang` only, with plurals that agree and French figures
/// written with a decimal comma. Only homolog's own prose is read (the visible text of HTML, prose fields of JSON
/// and XML, the terminal), never codes meant for machines (JSON keys, status codes in `dossier.json`).
final class OneLanguageTests: XCTestCase {
  /// English words that are not French, forbidden in French outputs.
  static let englishWords = [
    "eliminatory", "requirement", "requirements", "passed", "failed", "failing", "coverage", "finding", "findings", "missing",
    "compliant", "evaluated", "not met", "below", "above", "expected", "refused", "warning", "unreadable", "ignored", "skipped",
    "aggregated", "compared", "bids", "problem", "problems", "threshold", "lines", "objects", "containers", "workloads",
    "found", "fixed in", "package", "Important score", "gate failed", "days", "proof", "evidence", "n/a", "matches", "known",
    "empty file", "element", "limit",
  ]
  /// Status and outcome codes that must never reach a reader as such (French words are written with their accents).
  static let rawCodes = [
    "conforme_avec_derogations", "non_conforme", "non_evalue", "non_applicable", "no_evidence", "refused_in_production",
    "not_deployed", "eliminatoire", "derogation", "pass", "fail",
  ]
  /// French words that would betray an untranslated text in English outputs.
  static let frenchWords = [
    "conforme", "non évalué", "éliminatoire", "dérogation", "exigence", "exigences", "réussi", "échec", "constat", "constats",
    "preuve", "aucun", "aucune", "bloqué", "conteneur", "conteneurs", "jours", "sur", "dans",
  ]
  /// Words ending in s in the singular, so "1 accès" is no plural error.
  static let singularInS = ["accès", "fois", "mois", "cas", "Kubernetes"]

  private struct Text {
    var origin: String
    var text: String
  }

  func testFrenchOutputsHaveNoEnglishWordRawCodePluralErrorOrDecimalPoint() throws {
    let texts = try outputs(lang: "fr")
    XCTAssertEqual(texts.count, 18)
    var problems: [String] = []
    for item in texts {
      for word in Self.englishWords + Self.rawCodes {
        if let hit = Self.find(word, in: item.text) { problems.append("\(item.origin): English word or code '\(word)': …\(hit)…") }
      }
      for hit in Self.matches(#"(?<![\p{N}\x{202F}\x{A0},.])1 (\p{L}+s)(?![\p{L}\p{N}])"#, in: item.text)
      where !Self.singularInS.contains(where: { hit.hasSuffix(" " + $0) }) {
        problems.append("\(item.origin): plural after 1: '\(hit)'")
      }
      for hit in Self.matches(#"\p{N}+ \p{L}+\(s\)"#, in: item.text) { problems.append("\(item.origin): plural left open: '\(hit)'") }
      for hit in Self.matches(#"\p{N}\.\p{N}+\s?%"#, in: item.text) { problems.append("\(item.origin): decimal point: '\(hit)'") }
    }
    XCTAssertEqual(problems, [], problems.prefix(40).joined(separator: "\n"))
  }

  func testEnglishOutputsHaveNoFrenchWord() throws {
    // The catalogue's text, the demo's declarations and its evidence are French in both languages: they are taken out.
    let texts = try outputs(lang: "en")
    XCTAssertEqual(texts.count, 18)
    var problems: [String] = []
    for item in texts {
      for word in Self.frenchWords + Self.rawCodes where word != "derogation" {
        if let hit = Self.find(word, in: item.text) { problems.append("\(item.origin): French word or code '\(word)': …\(hit)…") }
      }
      for hit in Self.matches(#"(?<![\p{N},.])\b1 (\p{L}+s)(?![\p{L}\p{N}])"#, in: item.text)
      where !Self.singularInS.contains(where: { hit.hasSuffix(" " + $0) }) {
        problems.append("\(item.origin): plural after 1: '\(hit)'")
      }
    }
    XCTAssertEqual(problems, [], problems.prefix(40).joined(separator: "\n"))
  }

  func testTheSummaryLineIsInTheRunsLanguage() throws {
    func summary(_ lang: String) throws -> String {
      let out = try CLI.temporaryDirectory()
      return try CLI.run(["evaluate", "--config", "samples/demo/homolog.yaml", "--out", out.path, "--as-of", "2026-11-30", "--lang", lang]).stderr
    }
    let french = try summary("fr")
    XCTAssertTrue(
      french.hasPrefix(
        "Registre des habilitations (RHab) : éliminatoire, score des exigences Importantes 28,5 "
          + "(29 conformes, 5 non conformes, 1 dérogation, 19 non évaluées, 1 non applicable) → "), french)
    let english = try summary("en")
    XCTAssertTrue(
      english.hasPrefix(
        "Registre des habilitations (RHab): eliminatory, Important requirements score 28.5 "
          + "(29 compliant, 5 non-compliant, 1 derogation, 19 not evaluated, 1 not applicable) → "), english)
  }

  // MARK: - The demo's outputs

  /// Tests of a process run one after the other: the demo is run once per language.
  nonisolated(unsafe) private static var cache: [String: [Text]] = [:]

  /// Every output of the demo in a language: the dossier's files, and what each command prints.
  private func outputs(lang: String) throws -> [Text] {
    if let cached = Self.cache[lang] { return cached }
    let dir = try CLI.temporaryDirectory()
    // The demo, with a file no reader knows: its "ignored" lines are judged too.
    let project = try CLI.demoCopy()
    try Data("notes de l'équipe\n".utf8).write(to: project.appendingPathComponent("reports/shared/notes.txt"))
    try Data("{\"notes\": []}\n".utf8).write(to: project.appendingPathComponent("reports/shared/notes.json"))
    let config = project.appendingPathComponent("homolog.yaml").path
    let asOf = ["--as-of", "2026-11-30", "--lang", lang]
    var texts: [Text] = []
    func run(_ origin: String, _ arguments: [String], in directory: URL = CLI.repository) throws {
      let result = try CLI.run(arguments, in: directory)
      XCTAssertLessThan(result.status, 2, "\(origin): \(result.stderr)")
      // diff, compare and portfolio print Markdown: read it as rendered.
      texts.append(Text(origin: "\(origin) (terminal)", text: try Self.prose("terminal.md", Data((result.stdout + result.stderr).utf8))))
    }
    try run("evaluate", ["evaluate", "--config", config, "--out", dir.appendingPathComponent("demo").path] + asOf)
    let old = dir.appendingPathComponent("old")
    _ = try CLI.run(
      ["evaluate", "--config", config, "--out", old.path, "--format", "json", "--as-of", "2026-01-15", "--lang", lang])
    _ = try CLI.run(["evaluate", "--config", "samples/clean/homolog.yaml", "--out", dir.appendingPathComponent("clean").path] + asOf)
    let demo = dir.appendingPathComponent("demo/dossier.json").path
    let clean = dir.appendingPathComponent("clean/dossier.json").path
    try run("diff", ["diff", old.appendingPathComponent("dossier.json").path, demo, "--lang", lang, "--fail-on", "regression"])
    try run(
      "diff --out",
      ["diff", old.appendingPathComponent("dossier.json").path, demo, "--lang", lang, "--out", dir.appendingPathComponent("diff").path])
    try run("compare", ["compare", demo, clean, "--lang", lang])
    try run("compare --out", ["compare", demo, clean, "--lang", lang, "--out", dir.appendingPathComponent("comparison").path])
    try run("portfolio", ["portfolio", dir.path, "--lang", lang])
    try run("inspect", ["inspect", "reports", "manifests", "--lang", lang], in: project)

    for ignored in ["reports/shared/notes.txt", "reports/shared/notes.json"] {
      XCTAssertEqual(texts.filter { $0.text.contains(ignored) }.count, 2, "evaluate and inspect name \(ignored)")
    }
    for name in ["dossier.html", "dossier.md", "junit.xml", "findings.sarif", "gl-code-quality.json", "oscal-assessment-results.json", "dossier.json"] {
      let data = try Data(contentsOf: dir.appendingPathComponent("demo/\(name)"))
      texts.append(Text(origin: "demo/\(name)", text: try Self.prose(name, data)))
    }
    for name in ["comparison/comparison.html", "comparison/comparison.md", "diff/diff.html", "diff/diff.md"] {
      let data = try Data(contentsOf: dir.appendingPathComponent(name))
      texts.append(Text(origin: name, text: try Self.prose(String(name.split(separator: "/").last ?? ""), data)))
    }
    // What homolog did not write (catalogue texts, declarations, evidence) is taken out, longest first.
    var inputs = Set<String>()
    for name in ["demo", "clean", "old"] {
      inputs.formUnion(try Self.inputStrings(Data(contentsOf: dir.appendingPathComponent("\(name)/dossier.json"))))
    }
    let sorted = inputs.sorted { $0.count > $1.count }
    texts = texts.map { item in
      var text = item.text
      for input in sorted { text = text.replacingOccurrences(of: input, with: " ¶ ") }
      return Text(origin: item.origin, text: text)
    }
    Self.cache[lang] = texts
    return texts
  }

  /// Keys of `dossier.json` whose strings homolog did not write: the catalogue's texts, the project's declarations
  /// (attestations, derogations), what scanners said (finding titles, messages, targets), file paths and hashes,
  /// and readers' diagnostics of unreadable files (English, as documented). Everything else is homolog's and judged.
  static let inputKeys: Set<String> = [
    "title", "statement", "category", "note", "name", "organisation", "version", "justification", "scope", "approved_by",
    "compensating_measures", "author", "links", "message", "description", "target", "evidence", "path", "files", "file",
    "helm_source", "sha256", "root", "package", "component", "image",
  ]

  /// The strings of a dossier under `inputKeys`, a part's `text` (the catalogue's) and an unreadable file's reason
  /// (from 4 characters on: shorter ones, such as the component `api`, would cut words apart).
  private static func inputStrings(_ data: Data) throws -> Set<String> {
    var found = Set<String>()
    func walk(_ value: Any, _ key: String, _ parent: String) {
      if let object = value as? [String: Any] {
        for (name, inner) in object { walk(inner, name, key) }
      } else if let array = value as? [Any] {
        for inner in array { walk(inner, key, parent) }
      } else if let string = value as? String {
        let input = inputKeys.contains(key) || (key == "text" && parent == "parts") || (key == "reason" && parent == "unreadable")
        if input && string.count >= 4 { found.insert(string) }
      }
    }
    walk(try JSONSerialization.jsonObject(with: data), "", "")
    return found
  }

  /// What a reader of the file reads: visible text and labels of HTML, prose of JSON and XML, Markdown as is.
  private static func prose(_ name: String, _ data: Data) throws -> String {
    let text = String(decoding: data, as: UTF8.self)
    switch name {
    case _ where name.hasSuffix(".html"): return visibleText(html: text)
    case _ where name.hasSuffix(".md"):
      // Markdown escapes punctuation of evidence text (`\(`, `\:`): read it as rendered.
      return text.replacingOccurrences(of: #"\\([^\p{L}\p{N}\s])"#, with: "$1", options: .regularExpression)
    case "junit.xml":
      let attributes = matches(#"(?<=name="|message=")[^"]*"#, in: text)
      return decodeEntities((attributes + [text.replacingOccurrences(of: #"<[^>]*>"#, with: "\n", options: .regularExpression)]).joined(separator: "\n"))
    default:
      // Prose fields: SARIF messages and help, Code Quality descriptions, OSCAL titles, descriptions and remarks,
      // and the dossier's localized texts (`*_text`, `*_texts`, `text`).
      let keys: Set<String> = ["text", "description", "title", "remarks", "markdown"]
      var found: [String] = []
      func walk(_ value: Any, _ key: String) {
        if let object = value as? [String: Any] {
          for (name, inner) in object { walk(inner, name) }
        } else if let array = value as? [Any] {
          for inner in array { walk(inner, key) }
        } else if let string = value as? String, keys.contains(key) || key.hasSuffix("_text") || key.hasSuffix("_texts") {
          found.append(string)
        }
      }
      walk(try JSONSerialization.jsonObject(with: data), "")
      return found.joined(separator: "\n")
    }
  }

  /// The text of an HTML page a reader sees or hears: no script or style, tags removed, labels kept, entities decoded.
  static func visibleText(html: String) -> String {
    var text = html.replacingOccurrences(of: #"(?s)<(script|style)\b.*?</\1>"#, with: " ", options: .regularExpression)
    let labels = matches(#"(?<=title="|aria-label="|alt=")[^"]*"#, in: text)
    text = text.replacingOccurrences(of: #"<[^>]*>"#, with: "\n", options: .regularExpression)
    return decodeEntities(text + "\n" + labels.joined(separator: "\n"))
  }

  /// XML and HTML character references decoded.
  static func decodeEntities(_ text: String) -> String {
    var text = text
    let named = [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&#39;", "'"), ("&#x27;", "'"), ("&nbsp;", "\u{A0}")]
    for (entity, character) in named { text = text.replacingOccurrences(of: entity, with: character) }
    for reference in Set(matches(#"&#x?[0-9A-Fa-f]+;"#, in: text)) {
      let digits = reference.dropFirst(2).dropLast()
      let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
      if let scalar = value.flatMap(Unicode.Scalar.init) { text = text.replacingOccurrences(of: reference, with: String(Character(scalar))) }
    }
    return text.replacingOccurrences(of: "&amp;", with: "&")
  }

  /// The word or phrase alone (not inside an identifier, a path or a longer word), case-insensitive, with its context.
  static func find(_ word: String, in text: String) -> String? {
    let escaped = NSRegularExpression.escapedPattern(for: word)
    let pattern = #"(?i)(?<![\p{L}\p{N}_./\-=])"# + escaped + #"(?![\p{L}\p{N}_/\-=]|\.[\p{L}\p{N}])"#
    guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
    let start = text.index(range.lowerBound, offsetBy: -30, limitedBy: text.startIndex) ?? text.startIndex
    let end = text.index(range.upperBound, offsetBy: 30, limitedBy: text.endIndex) ?? text.endIndex
    return String(text[start..<end]).replacingOccurrences(of: "\n", with: " ")
  }

  /// Every match of a pattern.
  static func matches(_ pattern: String, in text: String) -> [String] {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
    let nsText = text as NSString
    return regex.matches(in: text, range: NSRange(location: 0, length: nsText.length)).map { nsText.substring(with: $0.range) }
  }
}
