import Foundation
import XCTest

/// The gate as a pipeline sees it: exit codes and stderr on the demo.
final class GateCommandTests: XCTestCase {
  /// Evaluates the demo; `--quiet` would leave only the gate's headlines.
  private func evaluate(_ failOn: String, lang: String = "fr", quiet: Bool = false) throws -> CLI.Output {
    let out = try CLI.temporaryDirectory()
    return try CLI.run(
      [
        "evaluate", "--config", "samples/demo/homolog.yaml", "--out", out.path, "--as-of", "2026-11-22", "--format", "json",
        "--fail-on", failOn, "--lang", lang,
      ] + (quiet ? ["--quiet"] : []))
  }

  func testTheFirstEvaluateAfterInitExplainsTenLinesThenPointsToTheDossier() throws {
    let dir = try CLI.temporaryDirectory()
    XCTAssertEqual(try CLI.run(["init"], in: dir).status, 0)
    let result = try CLI.run(["evaluate", "--color", "never"], in: dir)
    XCTAssertEqual(result.status, 1, result.stderr)
    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    XCTAssertEqual(lines.count, 14, result.stderr)  // summary, headline, 10 details, the pointer, the final newline
    XCTAssertTrue(lines[1].hasPrefix("bloqué par la règle « éliminatoire » : 26 exigences Primordiales non satisfaites : EXI-G-5, "), lines[1])
    XCTAssertEqual(lines[2], "  EXI-G-5 non évalué, preuve manquante : [hebergement-adapte] aucune attestation valide (à déclarer dans attestations.yaml pour l'exigence EXI-G-5, partie hebergement-adapte)")
    XCTAssertEqual(lines[12], "  … et 83 autres, voir dossier/dossier.md")
    XCTAssertEqual(lines[13], "")
    let english = try CLI.run(["evaluate", "--color", "never", "--lang", "en", "--out", "en", "--format", "html,json"], in: dir)
    XCTAssertTrue(english.stderr.contains("\n  … 83 more, see en/dossier.html\n"), english.stderr)
    let quiet = try CLI.run(["evaluate", "--quiet", "--color", "never"], in: dir)
    XCTAssertEqual(quiet.status, 1)
    XCTAssertEqual(quiet.stderr, lines[1] + "\n", "--quiet: the gate failure's headline only")
  }

  func testAScoreRuleDoesNotReplaceTheEliminatoryRule() throws {
    let result = try evaluate("score<5")
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertTrue(
      result.stderr.contains(
        "bloqué par la règle « éliminatoire » : 4 exigences Primordiales non satisfaites : EXI-ORG-13, EXI-ARCH-12, EXI-ARCH-22, EXI-ARCH-27"),
      result.stderr)
    XCTAssertTrue(result.stderr.contains("\n  EXI-ARCH-27 non conforme : k8s.image-tag-pinned : 1 image sur 4 sans version explicite"), result.stderr)
    XCTAssertTrue(result.stderr.contains("\n  EXI-ARCH-22 non conforme : k8s.configmap-no-credentials : 1 identifiant trouvé dans 1 ConfigMap"), result.stderr)
  }

  func testTheGateSpeaksTheRunsLanguage() throws {
    let english = try evaluate("score<50,no-evidence", lang: "en")
    XCTAssertEqual(english.status, 1, english.stderr)
    XCTAssertTrue(
      english.stderr.contains("gate failed: eliminatory: 4 Primordial requirements not met: EXI-ORG-13, EXI-ARCH-12, EXI-ARCH-22, EXI-ARCH-27"),
      english.stderr)
    XCTAssertTrue(english.stderr.contains("\n  EXI-ARCH-22 non-compliant: k8s.configmap-no-credentials: 1 credential found in 1 ConfigMap"), english.stderr)
    XCTAssertTrue(english.stderr.contains("\ngate failed: score below 50: Important requirements score of 28.5\n"), english.stderr)
    XCTAssertTrue(english.stderr.contains("\ngate failed: requirement not evaluated: 19 requirements not evaluated: EXI-G-2, "), english.stderr)
    let french = try evaluate("-eliminatory,score<50.5", lang: "fr", quiet: true)
    XCTAssertEqual(french.stderr, "bloqué par la règle « score inférieur à 50,5 » : score des exigences Importantes de 28,5\n")
  }

  func testOnlyAnExplicitRemovalDropsTheEliminatoryRule() throws {
    let result = try evaluate("-eliminatory,score<5", quiet: true)
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stderr, "")
  }

  func testPlatformRefusalNamesEachObjectRefusedInProduction() throws {
    let result = try evaluate("-eliminatory,platform-refusal", quiet: false)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      String(result.stderr.split(separator: "\n", maxSplits: 1)[1]),  // after the summary line
      """
      bloqué par la règle « refus par la plateforme » : objets refusés en production par cm-no-credentials (1), disallow-latest (1), need-liveness-readiness (1)
        cm-no-credentials : ConfigMap/rhab-config : la clé DB_PASSWORD contient un identifiant, attendu dans un Secret
        disallow-latest : Deployment/rhab-frontend, conteneur frontend : l'image harbor.apps.c6.numerique-interieur.com/rhab/rhab-frontend:latest utilise l'étiquette latest, version explicite attendue
        need-liveness-readiness : CronJob/rhab-purge, conteneur purge : aucune sonde ; la règle need-liveness-readiness de la plateforme demande à tout conteneur, y compris d'un Job, une sonde liveness, readiness ou startup

      """)
  }
}
