import Foundation
import XCTest

/// `homolog catalogue diff` on the built-in catalogue and a modified copy, and the stale-id warnings of `evaluate`.
final class CatalogueDiffCommandTests: XCTestCase {
  private static let builtIn = "requirements/cct-cloud-pi-native.yaml"

  /// The built-in catalogue's text with the entry of `id` (up to the next entry) changed by `change`.
  private func editing(_ text: String, _ id: String, _ change: (String) -> String) throws -> String {
    let start = try XCTUnwrap(text.range(of: "\n  - id: \(id)\n")).lowerBound
    let end = text.range(of: "\n  - id: ", range: text.index(after: start)..<text.endIndex)?.lowerBound ?? text.endIndex
    return text.replacingCharacters(in: start..<end, with: change(String(text[start..<end])))
  }

  /// The modified copy: EXI-ORG-9 renumbered (text kept), EXI-G-2 reworded (a sentence added), EXI-G-3 made
  /// Primordial, EXI-G-6 removed, EXI-NEW-1 added.
  private func modifiedCopy(in dir: URL) throws {
    var text = try String(contentsOf: CLI.repository.appendingPathComponent(Self.builtIn), encoding: .utf8)
    text = try editing(text, "EXI-ORG-9") { $0.replacingOccurrences(of: "  - id: EXI-ORG-9\n", with: "  - id: EXI-ORG-9-BIS\n") }
    text = try editing(text, "EXI-G-2") {
      $0.replacingOccurrences(
        of: "direction d’application métier.\n    weight", with: "direction d’application métier.\n      Les conditions de durée figurent au contrat.\n    weight")
    }
    text = try editing(text, "EXI-G-3") { $0.replacingOccurrences(of: "    level: I\n", with: "    level: P\n") }
    text = try editing(text, "EXI-G-6") { _ in "" }
    text += """
        - id: EXI-NEW-1
          level: I
          category: "Sobriété"
          title: "Mesure de l'empreinte"
          statement: "Chaque version publie la mesure de son empreinte carbone."
          attestation: true

      """
    try Data(text.utf8).write(to: dir.appendingPathComponent("cct-v2.yaml"))
  }

  func testEveryKindOfChangeIsListedExactlyInJSON() throws {
    let dir = try CLI.temporaryDirectory()
    try modifiedCopy(in: dir)
    let result = try CLI.run(["catalogue", "diff", "builtin", "cct-v2.yaml", "--format", "json"], in: dir)
    XCTAssertEqual(result.status, 0, result.stderr)
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    func list(_ key: String) -> NSArray { (json[key] as? NSArray) ?? [] }
    XCTAssertEqual(
      list("added"), [["id": "EXI-NEW-1", "level": "I", "category": "Sobriété", "title": "Mesure de l'empreinte"]] as NSArray)
    XCTAssertEqual(
      list("removed"),
      [["id": "EXI-G-6", "level": "P", "category": "Infrastructure", "title": "CDN / anti-DDoS externalisé pour une exposition internet"]] as NSArray)
    XCTAssertEqual(list("renamed"), [["old_id": "EXI-ORG-9", "new_id": "EXI-ORG-9-BIS", "similarity": 100]] as NSArray)
    // 20 words of the statement shared, 26 in all (les, conditions, de, figurent, au, contrat added): 76.9 %.
    XCTAssertEqual(list("reworded"), [["id": "EXI-G-2", "similarity": 76.9]] as NSArray)
    XCTAssertEqual(list("relevelled"), [["id": "EXI-G-3", "old": "I", "new": "P"]] as NSArray)
    XCTAssertEqual(list("recategorized"), [] as NSArray)
    XCTAssertEqual(list("parts"), [] as NSArray)
    XCTAssertEqual(json["rename_threshold"] as? Int, 50)
    XCTAssertEqual((json["old"] as? [String: Any])?["path"] as? String, "builtin")
    XCTAssertEqual((json["new"] as? [String: Any])?["requirements"] as? Int, 55)
  }

  func testTextInFrenchAndEnglish() throws {
    let dir = try CLI.temporaryDirectory()
    try modifiedCopy(in: dir)
    let french = try CLI.run(["catalogue", "diff", "builtin", "cct-v2.yaml"], in: dir)
    XCTAssertEqual(french.status, 0, french.stderr)
    XCTAssertEqual(
      french.stdout,
      """
      cct-cloud-pi-native version 27.05.2024 (builtin, 55 exigences) → cct-cloud-pi-native version 27.05.2024 (cct-v2.yaml, 55 exigences)
      Ajoutées (1)
        + EXI-NEW-1 [I] Sobriété — Mesure de l'empreinte
      Retirées (1)
        - EXI-G-6 [P] Infrastructure — CDN / anti-DDoS externalisé pour une exposition internet
      Probablement renommées (1) : textes semblables à au moins 50 %
        EXI-ORG-9 → EXI-ORG-9-BIS (similarité 100 %)
      Reformulées (1)
        EXI-G-2 (similarité 76,9 %)
      Niveau changé (1)
        EXI-G-3 : Importante → Primordiale

      """)
    let english = try CLI.run(["catalogue", "diff", "builtin", "cct-v2.yaml", "--lang", "en", "--format", "md"], in: dir)
    XCTAssertTrue(english.stdout.contains("\n## Reworded (1)\n\n- `EXI-G-2` (similarity 76.9 %)\n"), english.stdout)
    XCTAssertTrue(english.stdout.contains("\n## Level changed (1)\n\n- `EXI-G-3`: Important → Primordial\n"), english.stdout)
  }

  func testTheSameCatalogueTwiceHasNoDifference() throws {
    let result = try CLI.run(["catalogue", "diff", "builtin", Self.builtIn, "--lang", "en"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.hasSuffix(")\nno difference between the requirements\n"), result.stdout)
  }

  func testBadInputExits2WithLocatedErrors() throws {
    let dir = try CLI.temporaryDirectory()
    let text = try String(contentsOf: CLI.repository.appendingPathComponent(Self.builtIn), encoding: .utf8)
    try Data(text.replacingOccurrences(of: "  - id: EXI-G-2\n", with: "  - id: EXI-G-1\n").utf8).write(to: dir.appendingPathComponent("dup.yaml"))
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "  - id: EXI-G-2" }! + 1
    let duplicate = try CLI.run(["catalogue", "diff", "builtin", "dup.yaml", "--lang", "en"], in: dir)
    XCTAssertEqual(duplicate.status, 2)
    XCTAssertEqual(duplicate.stdout, "")
    XCTAssertTrue(duplicate.stderr.hasPrefix("dup.yaml:\(line): error: duplicate requirement id EXI-G-1"), duplicate.stderr)
    XCTAssertTrue(duplicate.stderr.hasSuffix("dup.yaml: 1 problem; a catalogue must be valid to be compared\n"), duplicate.stderr)
    XCTAssertEqual(try CLI.run(["catalogue", "diff", "builtin", "missing.yaml"], in: dir).status, 2)
    XCTAssertEqual(try CLI.run(["catalogue", "diff", "builtin"], in: dir).status, 2)
    let format = try CLI.run(["catalogue", "diff", "builtin", "builtin", "--format", "html", "--lang", "en"], in: dir)
    XCTAssertEqual(format.status, 2)
    XCTAssertTrue(format.stderr.contains("--format expects text, json or md for catalogue diff, got 'html'"), format.stderr)
  }

  // MARK: - Stale ids at evaluate time

  /// The demo with its own catalogue: EXI-G-5 renumbered EXI-G-50, EXI-ORG-10 renumbered EXI-ORG-100, EXI-G-6 removed.
  private func demoWithRenumberedCatalogue(attestation: String? = nil) throws -> URL {
    let demo = try CLI.demoCopy()
    var text = try String(contentsOf: CLI.repository.appendingPathComponent(Self.builtIn), encoding: .utf8)
    text = text.replacingOccurrences(of: "\n  - id: EXI-G-5\n", with: "\n  - id: EXI-G-50\n")
      .replacingOccurrences(of: "\n  - id: EXI-ORG-10\n", with: "\n  - id: EXI-ORG-100\n")
    text = try editing(text, "EXI-G-6") { _ in "" }
    try Data(text.utf8).write(to: demo.appendingPathComponent("cct-v2.yaml"))
    let config = demo.appendingPathComponent("homolog.yaml")
    let project = try String(contentsOf: config, encoding: .utf8)
    try Data(project.replacingOccurrences(of: "\nattestations: attestations.yaml\n", with: "\ncatalogue: cct-v2.yaml\nattestations: attestations.yaml\n").utf8).write(to: config)
    if let attestation {
      let file = demo.appendingPathComponent("attestations.yaml")
      let attestations = try String(contentsOf: file, encoding: .utf8)
      try Data(attestations.replacingOccurrences(of: "  - requirement: EXI-G-5\n", with: "  - requirement: \(attestation)\n").utf8).write(to: file)
    }
    return demo
  }

  func testStaleIdsAreWarnedWithFileLineAndLikelyNewIdAndLeftOut() throws {
    let demo = try demoWithRenumberedCatalogue()
    let result = try CLI.run(["evaluate", "--out", "out", "--as-of", "2026-11-22"], in: demo)
    XCTAssertEqual(result.status, 1, "the demo stays blocked by its eliminatory rule: \(result.stderr)")
    let lines = result.stderr.split(separator: "\n").map(String.init)
    XCTAssertEqual(
      Array(lines.prefix(3)),
      [
        "attestations.yaml:3:18: attention : l'attestation nomme « EXI-G-5 », exigence absente du catalogue cct-cloud-pi-native (version 27.05.2024) : non prise en compte ; nouvel identifiant probable : EXI-G-50",
        "attestations.yaml:8:18: attention : l'attestation nomme « EXI-G-6 », exigence absente du catalogue cct-cloud-pi-native (version 27.05.2024) : non prise en compte ; aucune exigence au texte semblable : elle a sans doute été retirée",
        "derogations.yaml:4:18: attention : la dérogation nomme « EXI-ORG-10 », exigence absente du catalogue cct-cloud-pi-native (version 27.05.2024) : non prise en compte ; nouvel identifiant probable : EXI-ORG-100",
      ])
    // Left out: EXI-G-50 has no attestation, so it is not proven (it was conforme by the attestation of EXI-G-5).
    let dossier = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: demo.appendingPathComponent("out/dossier.json"))) as? [String: Any])
    let requirements = try XCTUnwrap(dossier["requirements"] as? [[String: Any]])
    XCTAssertEqual(requirements.first { $0["id"] as? String == "EXI-G-50" }?["status"] as? String, "non_evalue")
    XCTAssertEqual((dossier["derogations"] as? [Any])?.count, 1, "DER-2026-04 (EXI-ORG-10) left out, DER-2025-11 kept")

    // --quiet keeps them: leaving a declaration out changes the verdict (it hides the summary and the other warnings).
    let quiet = try CLI.run(["evaluate", "--out", "out2", "--as-of", "2026-11-22", "--quiet"], in: demo)
    XCTAssertEqual(quiet.status, 1)
    XCTAssertEqual(Array(quiet.stderr.split(separator: "\n").map(String.init).prefix(3)), Array(lines.prefix(3)))
    XCTAssertFalse(quiet.stderr.contains("score des exigences Importantes"), "no summary: \(quiet.stderr)")
  }

  func testStaleDeclarationsAreRecordedInTheDossierAndShownInHTMLAndMarkdown() throws {
    let demo = try demoWithRenumberedCatalogue()
    let result = try CLI.run(["evaluate", "--out", "out", "--as-of", "2026-11-22", "--quiet"], in: demo)
    XCTAssertEqual(result.status, 1, result.stderr)
    let out = demo.appendingPathComponent("out")
    let dossier = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("dossier.json"))) as? [String: Any])
    XCTAssertEqual(
      dossier["stale_declarations"] as? NSArray,
      [
        ["file": "attestations.yaml", "line": 3, "kind": "attestation", "requirement": "EXI-G-5", "likely": "EXI-G-50"],
        ["file": "attestations.yaml", "line": 8, "kind": "attestation", "requirement": "EXI-G-6"],
        ["file": "derogations.yaml", "line": 4, "kind": "derogation", "id": "DER-2026-04", "requirement": "EXI-ORG-10", "likely": "EXI-ORG-100"],
      ] as NSArray)
    let markdown = try String(contentsOf: out.appendingPathComponent("dossier.md"), encoding: .utf8)
    XCTAssertTrue(
      markdown.contains(
        """
        ### Déclarations non prises en compte

        Ces attestations et dérogations nomment une exigence absente du catalogue cct-cloud-pi-native (version 27.05.2024) : \
        elles n'ont pas été prises en compte, et l'exigence qu'elles visaient a été jugée sans elles.

        | Fichier | Nature | Identifiant | Exigence nommée | Nouvel identifiant probable |
        |---|---|---|---|---|
        | attestations.yaml\\:3 | attestation | — | EXI-G-5 | EXI-G-50 |
        | attestations.yaml\\:8 | attestation | — | EXI-G-6 | aucun (exigence sans doute retirée) |
        | derogations.yaml\\:4 | dérogation | DER-2026-04 | EXI-ORG-10 | EXI-ORG-100 |

        """), markdown)
    let html = try String(contentsOf: out.appendingPathComponent("dossier.html"), encoding: .utf8)
    XCTAssertTrue(html.contains("<h3 id=\"stale-declarations\">Déclarations non prises en compte</h3>"), html)
    XCTAssertTrue(
      html.contains(
        "<tr class=\"worse\"><th scope=\"row\"><code>derogations.yaml:4</code></th><td>dérogation</td><td>DER-2026-04</td>"
          + "<td><code>EXI-ORG-10</code></td><td><a href=\"#req-exi-org-100\">EXI-ORG-100</a></td></tr>"), html)
    XCTAssertTrue(html.contains("<td><code>EXI-G-6</code></td><td>aucun (exigence sans doute retirée)</td></tr>"), html)

    let english = try CLI.run(["evaluate", "--out", "out-en", "--as-of", "2026-11-22", "--lang", "en", "--format", "md"], in: demo)
    XCTAssertEqual(english.status, 1, english.stderr)
    let englishMarkdown = try String(contentsOf: demo.appendingPathComponent("out-en/dossier.md"), encoding: .utf8)
    XCTAssertTrue(englishMarkdown.contains("### Declarations left out\n"), englishMarkdown)
    XCTAssertTrue(englishMarkdown.contains("| File | Kind | Id | Requirement named | Likely new id |\n"), englishMarkdown)
    XCTAssertTrue(englishMarkdown.contains("| attestations.yaml\\:8 | attestation | — | EXI-G-6 | none (requirement probably removed) |\n"), englishMarkdown)
  }

  func testABuiltInCatalogueProjectRecordsNoStaleDeclaration() throws {
    let demo = try CLI.demoCopy()
    let result = try CLI.run(["evaluate", "--out", "out", "--as-of", "2026-11-22", "--format", "json,md"], in: demo)
    XCTAssertEqual(result.status, 1, result.stderr)
    let dossier = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: demo.appendingPathComponent("out/dossier.json"))) as? [String: Any])
    XCTAssertNil(dossier["stale_declarations"])
    XCTAssertFalse(try String(contentsOf: demo.appendingPathComponent("out/dossier.md"), encoding: .utf8).contains("Déclarations non prises en compte"))
  }

  func testStrictMakesStaleIdsErrorsExit2() throws {
    let demo = try demoWithRenumberedCatalogue()
    let result = try CLI.run(["evaluate", "--out", "out", "--as-of", "2026-11-22", "--strict", "--lang", "en"], in: demo)
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(
      result.stderr,
      """
      attestations.yaml:3:18: error: the attestation names 'EXI-G-5', a requirement the catalogue cct-cloud-pi-native (version 27.05.2024) does not have (--strict); likely new id: EXI-G-50
      attestations.yaml:8:18: error: the attestation names 'EXI-G-6', a requirement the catalogue cct-cloud-pi-native (version 27.05.2024) does not have (--strict); no requirement has a similar text: it was probably removed
      derogations.yaml:4:18: error: the derogation names 'EXI-ORG-10', a requirement the catalogue cct-cloud-pi-native (version 27.05.2024) does not have (--strict); likely new id: EXI-ORG-100
      error: 3 declarations name requirements the catalogue does not have: replace the ids (homolog catalogue diff gives the new ones), or drop --strict

      """)
    XCTAssertFalse(FileManager.default.fileExists(atPath: demo.appendingPathComponent("out").path), "nothing written")
  }

  func testAnIdNoCatalogueKnowsStaysAnError() throws {
    let demo = try demoWithRenumberedCatalogue(attestation: "EXI-G-55")
    let result = try CLI.run(["evaluate", "--out", "out", "--as-of", "2026-11-22", "--lang", "en"], in: demo)
    XCTAssertEqual(result.status, 2, result.stderr)
    XCTAssertTrue(result.stderr.contains("attestations.yaml:3:18: error: attestations[0]: unknown requirement 'EXI-G-55' in catalogue cct-cloud-pi-native"), result.stderr)
  }
}
