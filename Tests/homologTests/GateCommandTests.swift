import Foundation
import XCTest

/// The gate as a pipeline sees it: exit codes and stderr on the demo.
final class GateCommandTests: XCTestCase {
  private func evaluate(_ failOn: String) throws -> CLI.Output {
    let out = try CLI.temporaryDirectory()
    return try CLI.run([
      "evaluate", "--config", "samples/demo/homolog.yaml", "--out", out.path, "--as-of", "2026-11-22", "--format", "json",
      "--quiet", "--fail-on", failOn,
    ])
  }

  func testAScoreRuleDoesNotReplaceTheEliminatoryRule() throws {
    let result = try evaluate("score<5")
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertTrue(
      result.stderr.contains("gate failed: eliminatory: Primordial requirement(s) not met: EXI-ORG-13, EXI-ARCH-12, EXI-ARCH-22, EXI-ARCH-27"),
      result.stderr)
    XCTAssertTrue(result.stderr.contains("  EXI-ARCH-27 non conforme: k8s.image-tag-pinned: "), result.stderr)
  }

  func testOnlyAnExplicitRemovalDropsTheEliminatoryRule() throws {
    let result = try evaluate("-eliminatory,score<5")
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stderr, "")
  }

  func testPlatformRefusalNamesEachObjectRefusedInProduction() throws {
    let result = try evaluate("-eliminatory,platform-refusal")
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stderr,
      """
      gate failed: platform-refusal: objects refused in production by cm-no-credentials (1), disallow-latest (1)
        cm-no-credentials: ConfigMap/rhab-config : la clé DB_PASSWORD contient un identifiant, attendu dans un Secret
        disallow-latest: Deployment/rhab-frontend, conteneur frontend : l'image harbor.apps.c6.numerique-interieur.com/rhab/rhab-frontend:latest utilise l'étiquette latest, version explicite attendue

      """)
  }
}
