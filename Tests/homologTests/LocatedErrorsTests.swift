import Foundation
import XCTest

/// Every error is located: values from homolog.yaml at their line there, unknown names with a suggestion.
final class LocatedErrorsTests: XCTestCase {
  private var demo: URL!

  override func setUpWithError() throws {
    demo = try CLI.demoCopy()
    let root = demo.deletingLastPathComponent()
    addTeardownBlock { try? FileManager.default.removeItem(at: root) }
  }

  /// Replaces text in the demo's homolog.yaml, then evaluates with no option; returns stderr after checking exit 2.
  private func evaluateAfter(
    _ replacements: [(String, String)], extra: [String] = [], file: StaticString = #filePath, line: UInt = #line
  ) throws -> String {
    let url = demo.appendingPathComponent("homolog.yaml")
    var text = try String(contentsOf: url, encoding: .utf8)
    for (old, new) in replacements {
      XCTAssertTrue(text.contains(old), old, file: file, line: line)
      text = text.replacingOccurrences(of: old, with: new)
    }
    try Data(text.utf8).write(to: url)
    let result = try CLI.run(["evaluate", "--color", "never"] + extra, in: demo)
    XCTAssertEqual(result.status, 2, result.stderr, file: file, line: line)
    XCTAssertFalse(FileManager.default.fileExists(atPath: demo.appendingPathComponent("dossier").path), "nothing written", file: file, line: line)
    return result.stderr
  }

  func testMissingEvidencePathIsReportedAtItsLine() throws {
    let stderr = try evaluateAfter([("evidence: [reports/web]", "evidence: [reports/webb]")])
    XCTAssertEqual(
      stderr,
      "homolog.yaml:24:16: erreur : chemin de preuves « reports/webb » inexistant : déposez-y les rapports, ou retirez ce chemin de homolog.yaml\n")
    let english = try evaluateAfter([], extra: ["--lang", "en"])
    XCTAssertEqual(english, "homolog.yaml:24:16: error: evidence path 'reports/webb' does not exist: add the reports there, or remove the path from homolog.yaml\n")
  }

  func testSharedEvidencePathIsReportedAtItsLine() throws {
    let stderr = try evaluateAfter([("  - manifests\n", "  - manifest\n")])
    XCTAssertEqual(
      stderr, "homolog.yaml:28:5: erreur : chemin de preuves « manifest » inexistant : déposez-y les rapports, ou retirez ce chemin de homolog.yaml\n")
  }

  func testAttestationsFileThatIsAFolderIsReportedAtItsLine() throws {
    let stderr = try evaluateAfter([("attestations: attestations.yaml", "attestations: reports")])
    XCTAssertEqual(stderr, "homolog.yaml:30:15: erreur : fichier d'attestations « reports » est un dossier, un fichier est attendu\n")
    let english = try evaluateAfter([], extra: ["--lang", "en"])
    XCTAssertEqual(english, "homolog.yaml:30:15: error: attestations file 'reports' is a folder, expected a file\n")
  }

  func testUnknownGateRuleIsReportedAtItsLineWithTheClosestRule() throws {
    let stderr = try evaluateAfter([("gate: [eliminatory]", "gate: [eliminatroy]")])
    XCTAssertEqual(
      stderr,
      "homolog.yaml:39:10: erreur : policy.gate : règle de blocage inconnue « eliminatroy » ; vouliez-vous dire « eliminatory » ? (attendu : "
        + "eliminatory, regression, score<N (N de 0 à 100), expired-derogation, no-evidence, platform-refusal ; -RÈGLE retire une règle)\n")
    let english = try evaluateAfter([], extra: ["--lang", "en"])
    XCTAssertEqual(
      english,
      "homolog.yaml:39:10: error: policy.gate: unknown gate rule 'eliminatroy'; did you mean 'eliminatory'? (expected eliminatory, "
        + "regression, score<N (N from 0 to 100), expired-derogation, no-evidence, platform-refusal; -RULE removes a rule)\n")
  }

  /// Asserts a located error: its location first, then the message after the run's error label (`erreur : `, `error: `).
  private func assertLocated(_ stderr: String, at location: String, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertTrue(stderr.hasPrefix(location + ":") || stderr.hasPrefix(location + " :"), stderr, file: file, line: line)
    XCTAssertTrue(stderr.hasSuffix(message + "\n"), stderr, file: file, line: line)
    XCTAssertEqual(stderr.split(separator: "\n").count, 1, stderr, file: file, line: line)
  }

  func testUnknownKeyAndValueGetASuggestion() throws {
    // The project loader's diagnostics are told in the run's language, French by default.
    let key = try evaluateAfter([("  sast_blocking_severity: high", "  sast_blocking_severty: high")])
    assertLocated(
      key, at: "homolog.yaml:36:3",
      "erreur : clé inconnue « sast_blocking_severty » dans policy ; vouliez-vous dire « sast_blocking_severity » ? (clés possibles : "
        + "allowed_registries, attestation_max_age_days, coverage, coverage_tolerance, derogation_warning_days, gate, regression_severity, sast_blocking_severity, vulnerabilities)")
    let english = try evaluateAfter([], extra: ["--lang", "en"])
    XCTAssertTrue(english.hasPrefix("homolog.yaml:36:3: error: policy: unknown key 'sast_blocking_severty'; did you mean 'sast_blocking_severity'? (expected one of:"), english)
  }

  func testUnknownContextValueGetsASuggestion() throws {
    let value = try evaluateAfter([("exposure: internet", "exposure: internt")])
    assertLocated(
      value, at: "homolog.yaml:9:13",
      "erreur : valeur inconnue « internt » pour context.exposure ; vouliez-vous dire « internet » ? (valeurs possibles : internet, rie, internal)")
    let english = try evaluateAfter([], extra: ["--lang", "en"])
    XCTAssertEqual(english, "homolog.yaml:9:13: error: context.exposure: unknown value 'internt'; did you mean 'internet'? (expected one of: internet, rie, internal)\n")
  }

  func testWrongTypesAreToldInTheRunsLanguage() throws {
    let flag = try evaluateAfter([("personal_data: true", "personal_data: [true]")])
    assertLocated(flag, at: "homolog.yaml:11:18", "erreur : context.personal_data : true ou false attendu")
    XCTAssertEqual(try evaluateAfter([], extra: ["--lang", "en"]), "homolog.yaml:11:18: error: context.personal_data: expected true or false\n")
    let list = try evaluateAfter([("personal_data: [true]", "personal_data: true"), ("evidence: [reports/api]", "evidence: [[reports/api]]")])
    assertLocated(list, at: "homolog.yaml:21:16", "erreur : components[0].evidence : liste de textes attendue")
    XCTAssertEqual(try evaluateAfter([], extra: ["--lang", "en"]), "homolog.yaml:21:16: error: components[0].evidence: expected a list of texts\n")
  }

  func testDeclarationAndPolicyChecksAreToldInTheRunsLanguage() throws {
    let attestations = demo.appendingPathComponent("attestations.yaml")
    let original = try String(contentsOf: attestations, encoding: .utf8)
    try Data(original.replacingOccurrences(of: "requirement: EXI-G-5\n", with: "requirement: EXI-G-5x\n").utf8).write(to: attestations)
    let french = try CLI.run(["evaluate", "--color", "never"], in: demo)
    XCTAssertEqual(french.status, 2)
    assertLocated(
      french.stderr, at: "attestations.yaml:3:18",
      "erreur : attestations[0] : exigence « EXI-G-5x » inconnue du catalogue cct-cloud-pi-native ; vouliez-vous dire « EXI-G-5 » ?")
    let english = try CLI.run(["evaluate", "--color", "never", "--lang", "en"], in: demo)
    XCTAssertEqual(
      english.stderr, "attestations.yaml:3:18: error: attestations[0]: unknown requirement 'EXI-G-5x' in catalogue cct-cloud-pi-native; did you mean 'EXI-G-5'?\n")
    try Data(original.utf8).write(to: attestations)
    let percent = try evaluateAfter([("backend: 100", "backend: 101")])
    assertLocated(percent, at: "homolog.yaml:35:23", "erreur : policy.coverage.backend : pourcentage de 0 à 100 attendu")
    XCTAssertEqual(try evaluateAfter([], extra: ["--lang", "en"]), "homolog.yaml:35:23: error: policy.coverage.backend: expected a percent between 0 and 100\n")
  }

  func testMissingConfigOrEvidenceGivenOnTheCommandLineSaysWhatToCheck() throws {
    let config = try CLI.run(["evaluate", "--config", "nope.yaml", "--color", "never"], in: demo)
    XCTAssertEqual(config.status, 2)
    assertLocated(
      config.stderr, at: "nope.yaml",
      "erreur : fichier de projet « nope.yaml » inexistant : vérifiez le chemin donné à --config, ou créez un projet avec « homolog init »")
    let configEnglish = try CLI.run(["evaluate", "--config", "nope.yaml", "--color", "never", "--lang", "en"], in: demo)
    XCTAssertEqual(
      configEnglish.stderr, "nope.yaml: error: project file 'nope.yaml' does not exist: check the path given to --config, or create a project with 'homolog init'\n")
    let evidence = try CLI.run(["evaluate", "--evidence", "nope", "--color", "never"], in: demo)
    XCTAssertEqual(evidence.status, 2)
    assertLocated(evidence.stderr, at: "nope", "erreur : chemin de preuves « nope » inexistant : vérifiez le chemin donné à --evidence")
    let evidenceEnglish = try CLI.run(["evaluate", "--evidence", "nope", "--color", "never", "--lang", "en"], in: demo)
    XCTAssertEqual(evidenceEnglish.stderr, "nope: error: evidence path 'nope' does not exist: check the path given to --evidence\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: demo.appendingPathComponent("dossier").path), "nothing written")
  }

  func testFailOnUnknownRuleIsAUsageError() throws {
    let result = try CLI.run(["evaluate", "--fail-on", "regresion", "--color", "never"], in: demo)
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(
      result.stderr.hasPrefix("erreur : --fail-on : règle de blocage inconnue « regresion » ; vouliez-vous dire « regression » ? (attendu : "),
      result.stderr)
    XCTAssertTrue(result.stderr.hasSuffix("\nvoir « homolog evaluate --help »\n"), result.stderr)
    let english = try CLI.run(["evaluate", "--fail-on", "regresion", "--color", "never", "--lang", "en"], in: demo)
    XCTAssertTrue(english.stderr.hasPrefix("error: --fail-on: unknown gate rule 'regresion'; did you mean 'regression'? (expected "), english.stderr)
    XCTAssertTrue(english.stderr.hasSuffix("\nsee 'homolog evaluate --help'\n"), english.stderr)
  }

  func testNoHomologYAMLSaysWhatToDo() throws {
    let empty = demo.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let result = try CLI.run(["evaluate", "--color", "never"], in: empty)
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(
      result.stderr, "erreur : aucun homolog.yaml dans ce dossier : lancez « homolog init » pour en écrire un, ou donnez son chemin avec --config FILE\n")
    let english = try CLI.run(["evaluate", "--color", "never", "--lang", "en"], in: empty)
    XCTAssertEqual(english.stderr, "error: no homolog.yaml in this folder: run 'homolog init' to write one, or give its path with --config FILE\n")
  }
}

/// Defaults users expect: `homolog evaluate` alone, `dossier/` as output, dossier folders wherever a dossier.json goes.
final class DefaultsTests: XCTestCase {
  func testEvaluateWithNoOptionThenDiffAndCompareTakeFolders() throws {
    let demo = try CLI.demoCopy()
    let root = demo.deletingLastPathComponent()
    addTeardownBlock { try? FileManager.default.removeItem(at: root) }
    let first = try CLI.run(["evaluate", "--as-of", "2026-11-01"], in: demo)
    XCTAssertEqual(first.status, 1, first.stderr)
    XCTAssertTrue(first.stderr.contains("→ dossier/dossier.json, dossier/dossier.md"), first.stderr)
    // --config takes the project's folder too.
    let byFolder = try CLI.run(["evaluate", "--config", "demo", "--out", "by-folder", "--as-of", "2026-11-01", "--quiet"], in: root)
    XCTAssertEqual(byFolder.status, 1, byFolder.stderr)
    XCTAssertEqual(
      try Data(contentsOf: root.appendingPathComponent("by-folder/dossier.json")),
      try Data(contentsOf: demo.appendingPathComponent("dossier/dossier.json")))
    try FileManager.default.moveItem(at: demo.appendingPathComponent("dossier"), to: root.appendingPathComponent("old"))
    XCTAssertEqual(try CLI.run(["evaluate", "--as-of", "2026-11-22", "--quiet", "--baseline", "../old"], in: demo).status, 1)

    let diff = try CLI.run(["diff", "old", "demo/dossier", "--format", "json"], in: root)
    XCTAssertEqual(diff.status, 0, diff.stderr)
    let report = try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as! [String: Any]
    // The folders resolve to the two dossiers: the baseline of 1 November, the current one of 22 November.
    XCTAssertEqual((report["baseline"] as? [String: Any])?["as_of"] as? String, "2026-11-01", diff.stdout)
    XCTAssertEqual((report["current"] as? [String: Any])?["as_of"] as? String, "2026-11-22", diff.stdout)
    XCTAssertEqual((report["regression"] as? [String: Any])?["score_before"] as? Double, 21.4, diff.stdout)
    XCTAssertEqual((report["regression"] as? [String: Any])?["score_after"] as? Double, 28.5, diff.stdout)
    XCTAssertEqual(try CLI.run(["diff", "old/dossier.json", "demo/dossier/dossier.json", "--format", "json"], in: root).stdout, diff.stdout)

    let compare = try CLI.run(["compare", "old", "demo/dossier/", "--format", "csv"], in: root)
    XCTAssertEqual(compare.status, 0, compare.stderr)

    try FileManager.default.createDirectory(at: root.appendingPathComponent("nothing"), withIntermediateDirectories: true)
    let missing = try CLI.run(["diff", "old", "nothing", "--color", "never"], in: root)
    XCTAssertEqual(missing.status, 2)
    XCTAssertEqual(
      missing.stderr,
      "nothing: erreur : ce dossier ne contient pas de dossier.json : un dossier.json ou le dossier de sortie de homolog evaluate est attendu\n")
    let english = try CLI.run(["diff", "old", "nothing", "--color", "never", "--lang", "en"], in: root)
    XCTAssertEqual(english.stderr, "nothing: error: this folder holds no dossier.json: expected a dossier.json or the output folder of homolog evaluate\n")
  }
}

/// Evidence homolog does not use is named on stderr, one line per file with the reason, and kept in the dossier.
final class IgnoredEvidenceTests: XCTestCase {
  func testIgnoredFileNamedOnStderrAndStrictRefusesIt() throws {
    let demo = try CLI.demoCopy()
    addTeardownBlock { try? FileManager.default.removeItem(at: demo.deletingLastPathComponent()) }
    try Data("notes\n".utf8).write(to: demo.appendingPathComponent("reports/shared/notes.txt"))
    try Data("{\"a\": 1}".utf8).write(to: demo.appendingPathComponent("reports/api/other.json"))
    let result = try CLI.run(["evaluate", "--as-of", "2026-11-22", "--color", "never"], in: demo)
    XCTAssertEqual(result.status, 1, result.stderr)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    XCTAssertEqual(Array(lines.prefix(2)), [
      "reports/api/other.json: attention : ignoré : document JSON ne correspondant à aucun format connu",
      "reports/shared/notes.txt: attention : ignoré : contenu ne correspondant à aucun format connu",
    ])
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: demo.appendingPathComponent("dossier/dossier.json"))) as! [String: Any]
    XCTAssertEqual((json["ignored"] as! [[String: Any]]).map { $0["path"] as! String }, ["reports/api/other.json", "reports/shared/notes.txt"])
    XCTAssertEqual((json["ignored"] as! [[String: Any]]).map { ($0["reason"] as! [String: String])["code"] }, ["unknown-json", "unknown-content"])
    XCTAssertEqual(
      (json["ignored"] as! [[String: Any]]).map { $0["reason_text"] as! String },
      ["document JSON ne correspondant à aucun format connu", "contenu ne correspondant à aucun format connu"])

    let quiet = try CLI.run(["evaluate", "--as-of", "2026-11-22", "--quiet"], in: demo)
    XCTAssertFalse(quiet.stderr.contains("ignored"), quiet.stderr)

    try FileManager.default.removeItem(at: demo.appendingPathComponent("dossier"))
    let strict = try CLI.run(["evaluate", "--as-of", "2026-11-22", "--strict", "--color", "never"], in: demo)
    XCTAssertEqual(strict.status, 2)
    // The reason is a code of the evidence detection, told in the run's language.
    XCTAssertEqual(strict.stderr, """
      reports/api/other.json: erreur : non reconnu comme preuve (--strict) : document JSON ne correspondant à aucun format connu
      reports/shared/notes.txt: erreur : non reconnu comme preuve (--strict) : contenu ne correspondant à aucun format connu
      erreur : 2 fichiers de preuve non reconnus : retirez-les des dossiers de preuves, ou abandonnez --strict

      """)
    let english = try CLI.run(["evaluate", "--as-of", "2026-11-22", "--strict", "--color", "never", "--lang", "en"], in: demo)
    XCTAssertEqual(english.status, 2)
    XCTAssertEqual(english.stderr, """
      reports/api/other.json: error: not recognised as evidence (--strict): JSON document matches no known format
      reports/shared/notes.txt: error: not recognised as evidence (--strict): content matches no known format
      error: 2 evidence files not recognised; remove them from the evidence folders or drop --strict

      """)
    XCTAssertFalse(FileManager.default.fileExists(atPath: demo.appendingPathComponent("dossier").path))
  }
}
