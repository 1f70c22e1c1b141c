import Foundation
import XCTest

/// What the command line itself prints speaks the run's language too: `init` (the files it wrote, the next steps, the
/// pipeline's notes) and the usage and input errors it writes, checked against the same word lists as the demo's
/// outputs, the help (`homolog --help`, a command's help), `checks` and `formats`. Code spans (`homolog evaluate`, `evidence:`), option names
/// and gate rule names are typed as they are, not prose: they are taken out.
final class OneLanguageCLITests: XCTestCase {
  /// Everything init and a few refusals print in a language.
  private func outputs(lang: String) throws -> [(origin: String, text: String)] {
    let dir = try CLI.temporaryDirectory()
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(
      at: CLI.repository.appendingPathComponent("Tests/Fixtures/ci/gitlab-ci-dso.yml"), to: dir.appendingPathComponent(".gitlab-ci-dso.yml"))
    let language = ["--lang", lang, "--color", "never"]
    var texts: [(String, String)] = []
    func run(_ origin: String, _ arguments: [String], status: Int32) throws {
      let result = try CLI.run(arguments + language, in: dir)
      XCTAssertEqual(result.status, status, "\(origin): \(result.stderr)")
      texts.append((origin, result.stdout + result.stderr))
    }
    try run("init", ["init", "--name", "Essai"], status: 0)
    try run("init again", ["init"], status: 2)
    try run("init --from-ci", ["init", "--from-ci", ".gitlab-ci-dso.yml", "--force"], status: 0)
    try run("unknown option", ["evaluate", "--outdir", "o"], status: 2)
    try run("unknown command", ["evalute"], status: 2)
    try run("repeated option", ["evaluate", "--out", "a", "--out", "b"], status: 2)
    try run("missing value", ["evaluate", "--out", "--quiet"], status: 2)
    try run("unexpected argument", ["evaluate", "homolog.yaml"], status: 2)
    try run("unknown gate rule", ["evaluate", "--fail-on", "regresion"], status: 2)
    try run("bad date", ["evaluate", "--as-of", "demain"], status: 2)
    try run("help", ["--help"], status: 0)
    try run("evaluate help", ["evaluate", "--help"], status: 0)
    try run("compare help", ["help", "compare"], status: 0)
    try run("init help", ["init", "--help"], status: 0)
    try run("checks", ["checks"], status: 0)
    try run("checks md", ["checks", "--format", "md"], status: 0)
    try run("formats", ["formats"], status: 0)
    // Format ids and names are product names, the same in every language: only how each is recognised is prose.
    texts[texts.count - 1].1 = texts[texts.count - 1].1.split(separator: "\n").map { String($0.split(separator: "\t").last ?? "") }
      .joined(separator: "\n")
    return texts.map { origin, text in
      // Gate rule names are values typed as they are (`--fail-on eliminatory`), in both languages; so are XML element
      // names (`formats`: root <coverage>).
      (origin, text.replacingOccurrences(
        of: #"`[^`]*`|--[a-z-]+|<[A-Za-z]+>|\b(eliminatory|regression|regresion|platform-refusal)\b"#, with: " ¶ ", options: .regularExpression))
    }
  }

  func testFrenchInitAndRefusalsHaveNoEnglishWordOrPluralError() throws {
    let texts = try outputs(lang: "fr")
    XCTAssertTrue(texts[0].text.contains("Étapes suivantes :"), texts[0].text)
    var problems: [String] = []
    for (origin, text) in texts {
      for word in OneLanguageTests.englishWords + OneLanguageTests.rawCodes + ["error", "see", "did you mean", "wrote", "Next steps"] {
        if let hit = OneLanguageTests.find(word, in: text) { problems.append("\(origin): English word '\(word)': …\(hit)…") }
      }
      for hit in OneLanguageTests.matches(#"(?<![\p{N},.])1 (\p{L}+s)(?![\p{L}\p{N}])"#, in: text) { problems.append("\(origin): plural after 1: '\(hit)'") }
      for hit in OneLanguageTests.matches(#"\p{N}+ \p{L}+\(s\)"#, in: text) { problems.append("\(origin): plural left open: '\(hit)'") }
    }
    XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
  }

  func testEnglishInitAndRefusalsHaveNoFrenchWord() throws {
    let texts = try outputs(lang: "en")
    XCTAssertTrue(texts[0].text.contains("Next steps:"), texts[0].text)
    var problems: [String] = []
    for (origin, text) in texts {
      for word in OneLanguageTests.frenchWords + OneLanguageTests.rawCodes + ["erreur", "voir", "vouliez-vous", "écrit", "inconnue", "«"] {
        if let hit = OneLanguageTests.find(word, in: text) { problems.append("\(origin): French word '\(word)': …\(hit)…") }
      }
      for hit in OneLanguageTests.matches(#"(?<![\p{N},.])\b1 (\p{L}+s)(?![\p{L}\p{N}])"#, in: text) { problems.append("\(origin): plural after 1: '\(hit)'") }
    }
    XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
  }

  /// `formats` keeps the format ids and names (product names) and says how each is recognised in the run's language: a
  /// reader the tables do not know yet would show its English description in French too, and fail here.
  func testFormatsSayHowEachFormatIsRecognisedInTheRunLanguage() throws {
    func rows(_ lang: String) throws -> [[Substring]] {
      let result = try CLI.run(["formats", "--lang", lang])
      XCTAssertEqual(result.status, 0, result.stderr)
      return result.stdout.split(separator: "\n").map { $0.split(separator: "\t") }
    }
    let french = try rows("fr")
    let english = try rows("en")
    XCTAssertEqual(french.map { $0.prefix(2) }, english.map { $0.prefix(2) })
    XCTAssertEqual(french.first, ["trivy-json", "Trivy JSON",
      "objet JSON avec SchemaVersion et ArtifactName/Results ; ClusterName de `trivy k8s` ; ou l'ancien tableau de résultats de premier niveau avec Target"])
    for (fr, en) in zip(french, english) { XCTAssertNotEqual(fr.last, en.last, String(fr[0])) }
  }
}
