import Foundation
import HomologModel
import HomologRender
import XCTest

/// `compare` under the evaluator's policy: the demo's evidence evaluated twice, once under the CCT thresholds and
/// once under a bidder's relaxed homolog.yaml, against a small catalogue of threshold-judged requirements.
final class ComparePolicyTests: XCTestCase {
  var folder: URL!

  /// Two Primordial requirements judged on thresholds (back-end coverage, vulnerabilities) and two Important ones.
  static let catalogue = """
    catalogue: {id: thresholds, title: "Thresholds", version: "1"}
    requirements:
      - {id: P-COV, level: P, category: Code, title: "Back-end coverage", statement: "Le back-end est couvert.", checks: [coverage.backend]}
      - {id: P-VULN, level: P, category: Code, title: "Vulnerabilities", statement: "Aucune vulnérabilité.", checks: [vuln.thresholds]}
      - {id: I-SAST, level: I, category: Code, title: "Static analysis", statement: "Analyse statique.", checks: [sast.no-blocking]}
      - {id: I-FRONT, level: I, category: Code, title: "Front-end coverage", statement: "Le front-end est couvert.", checks: [coverage.frontend]}
    """

  override func setUpWithError() throws {
    folder = try CLI.temporaryDirectory()
    try bid("strict", name: "Strict", policy: "{critical: 0, high: 0}", coverage: "{backend: 100, frontend: 60}")
    try bid("relaxed", name: "Relaxed", policy: "{critical: null, high: 0}", coverage: "{backend: 0, frontend: 60}")
    try """
      policy:
        vulnerabilities: {critical: 0, high: 0}
        coverage: {backend: 100, frontend: 60}
      """.write(to: folder.appendingPathComponent("evaluator.yaml"), atomically: true, encoding: .utf8)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  /// The demo's evidence with a homolog.yaml of the bidder's, evaluated into `<dir>/out/dossier.json`.
  func bid(_ dir: String, name: String, policy: String, coverage: String) throws {
    let demo = CLI.repository.appendingPathComponent("samples/demo")
    let root = folder.appendingPathComponent(dir)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try Self.catalogue.write(to: root.appendingPathComponent("catalogue.yaml"), atomically: true, encoding: .utf8)
    for sub in ["reports", "manifests"] {
      try FileManager.default.copyItem(at: demo.appendingPathComponent(sub), to: root.appendingPathComponent(sub))
    }
    try """
      project: {name: "\(name)", version: "1.0"}
      context: {exposure: internet, data_sensitivity: usual, personal_data: true, hosting: cloud-pi, procurement: true}
      catalogue: catalogue.yaml
      components:
        - {name: api, role: backend, evidence: [reports/api]}
        - {name: web, role: frontend, evidence: [reports/web]}
      evidence: [reports/shared, manifests]
      policy:
        vulnerabilities: \(policy)
        coverage: \(coverage)
      """.write(to: root.appendingPathComponent("homolog.yaml"), atomically: true, encoding: .utf8)
    let result = try CLI.run(
      ["evaluate", "--config", "\(dir)/homolog.yaml", "--out", "\(dir)/out", "--as-of", "2026-11-22", "--format", "json"], in: folder)
    XCTAssertTrue([0, 1].contains(result.status), result.stderr)
  }

  func comparison(_ output: CLI.Output) throws -> BidComparison {
    try JSONRenderer.decoder.decode(BidComparison.self, from: Data(output.stdout.utf8))
  }

  func policyHash(_ dir: String) throws -> String {
    let dossier = try JSONRenderer.decoder.decode(Dossier.self, from: Data(contentsOf: folder.appendingPathComponent("\(dir)/out/dossier.json")))
    return try XCTUnwrap(dossier.policySha256)
  }

  func testRelaxedBidThatWinsOnItsOwnPolicyIsEliminatedUnderTheEvaluatorsPolicy() throws {
    let bids = ["strict/out/dossier.json", "relaxed/out/dossier.json"]
    let own = try CLI.run(["compare"] + bids + ["--allow-mixed-policies", "--format", "json"], in: folder)
    XCTAssertEqual(own.status, 0, own.stderr)
    let mixed = try comparison(own)
    XCTAssertEqual(mixed.policyBasis, .mixed)
    XCTAssertEqual(mixed.bids.map(\.name), ["Strict", "Relaxed"])
    XCTAssertEqual(mixed.bids.map(\.eliminating), [["P-COV"], []])
    XCTAssertEqual(mixed.bids.map(\.rank), [nil, 1])

    let judged = try CLI.run(["compare"] + bids + ["--policy", "evaluator.yaml", "--format", "json", "--lang", "en"], in: folder)
    XCTAssertEqual(judged.status, 0, judged.stderr)
    let ranking = try comparison(judged)
    XCTAssertEqual(ranking.policyBasis, .evaluator)
    XCTAssertEqual(ranking.policySha256, try policyHash("strict"))
    XCTAssertEqual(ranking.bids.map(\.name), ["Relaxed", "Strict"])
    XCTAssertEqual(ranking.bids.map(\.eliminating), [["P-COV"], ["P-COV"]])
    XCTAssertEqual(ranking.bids.map(\.rank), [nil, nil])
    XCTAssertEqual(ranking.bids[0].statuses, ranking.bids[1].statuses)
    XCTAssertEqual(ranking.bids[0].statusChanges, [StatusChange(requirement: "P-COV", before: .conforme, after: .nonConforme)])
    XCTAssertEqual(ranking.bids[1].statusChanges, [])
    XCTAssertEqual(
      ranking.bids[0].policyDifferences,
      [
        ThresholdDifference(key: "vulnerabilities.critical", value: .unset, reference: .count(0)),
        ThresholdDifference(key: "coverage.backend", value: .figure(0), reference: .figure(100)),
      ])
    let strict = try policyHash("strict").prefix(12)
    let relaxed = try policyHash("relaxed").prefix(12)
    XCTAssertEqual(
      judged.stderr,
      """
      every bid was judged again under the evaluator's policy (sha256 \(strict)) before ranking
      Relaxed (own policy sha256 \(relaxed)): P-COV compliant → non-compliant
      Strict (own policy sha256 \(strict)): no status changed

      """)

    // The bid's own homolog.yaml read as the evaluator's policy judges the same.
    let sameAsStrict = try CLI.run(["compare"] + bids + ["--policy", "strict/homolog.yaml", "--format", "json"], in: folder)
    XCTAssertEqual(sameAsStrict.status, 0, sameAsStrict.stderr)
    XCTAssertEqual(try comparison(sameAsStrict).bids, ranking.bids)
  }

  func testCompareRefusesBidsJudgedUnderDifferentPoliciesNamingTheThresholds() throws {
    let refused = try CLI.run(["compare", "strict/out/dossier.json", "relaxed/out/dossier.json", "--lang", "en"], in: folder)
    XCTAssertEqual(refused.status, 2)
    XCTAssertEqual(refused.stdout, "")
    let strict = try policyHash("strict").prefix(12)
    let relaxed = try policyHash("relaxed").prefix(12)
    let french = try CLI.run(["compare", "strict/out/dossier.json", "relaxed/out/dossier.json", "--color", "never"], in: folder)
    XCTAssertEqual(
      french.stderr,
      """
      erreur : les offres ont été jugées sous des politiques différentes (chacune sous son propre homolog.yaml) :
        strict/out/dossier.json: politique sha256 \(strict), celle par défaut du CCT
        relaxed/out/dossier.json: politique sha256 \(relaxed), vulnerabilities.critical : null (par défaut dans le CCT : 0) ; \
      coverage.backend : 0 (par défaut dans le CCT : 100)
      jugez-les toutes sous votre politique avec --policy FILE, ou comparez-les telles quelles avec --allow-mixed-policies

      """)
    XCTAssertTrue(
      refused.stderr.contains(
        """
        error: the bids were judged under different policies (each under its own homolog.yaml):
          strict/out/dossier.json: policy sha256 \(strict), the CCT defaults
          relaxed/out/dossier.json: policy sha256 \(relaxed), vulnerabilities.critical: null (CCT default 0); coverage.backend: 0 (CCT default 100)
        judge them all under your policy with --policy FILE, or compare them as they are with --allow-mixed-policies
        """), refused.stderr)
  }

  func testAllowMixedPoliciesWarnsForEachBidInTheReport() throws {
    let result = try CLI.run(
      ["compare", "strict/out/dossier.json", "relaxed/out/dossier.json", "--allow-mixed-policies", "--lang", "en"], in: folder)
    XCTAssertEqual(result.status, 0, result.stderr)
    let strict = try policyHash("strict").prefix(12)
    let relaxed = try policyHash("relaxed").prefix(12)
    // In ranking order: the eliminated bid first.
    let warnings = [
      "warning: bids judged under different policies, each under its own; the ranking does not compare them on equal thresholds",
      "⚠ Strict: judged under its own policy (sha256 \(strict)), the CCT defaults",
      "⚠ Relaxed: judged under its own policy (sha256 \(relaxed)); thresholds differing from the CCT defaults: "
        + "vulnerabilities.critical: null (reference 0); coverage.backend: 0 (reference 100)",
    ]
    XCTAssertEqual(result.stderr, warnings.joined(separator: "\n") + "\n")
    XCTAssertTrue(
      result.stdout.contains(
        """
        ### Policy applied

        - warning\\: bids judged under different policies, each under its own; the ranking does not compare them on equal thresholds
        - ⚠ Strict\\: judged under its own policy \\(sha256 \(strict)\\), the CCT defaults
        - ⚠ Relaxed\\: judged under its own policy \\(sha256 \(relaxed)\\); thresholds differing from the CCT defaults\\: \
        vulnerabilities.critical\\: null \\(reference 0\\); coverage.backend\\: 0 \\(reference 100\\)

        | Rank | Bid | Verdict | Important score | Code |
        """), result.stdout)
  }

  func testDossierWithoutMeasurementsCannotBeJudgedAgainAndIsBadInput() throws {
    let url = folder.appendingPathComponent("relaxed/out/dossier.json")
    var dossier = try JSONRenderer.decoder.decode(Dossier.self, from: Data(contentsOf: url))
    for index in dossier.requirements.indices {
      for check in dossier.requirements[index].checks.indices { dossier.requirements[index].checks[check].measurement = nil }
    }
    try JSONRenderer.encoder.encode(dossier).write(to: folder.appendingPathComponent("old.json"))
    let result = try CLI.run(["compare", "strict/out/dossier.json", "old.json", "--policy", "evaluator.yaml", "--lang", "en"], in: folder)
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(
      result.stderr.contains(
        "old.json: error: cannot judge this bid again under --policy: its dossier keeps no measurement for "
          + "vuln.thresholds, coverage.backend, coverage.frontend, sast.no-blocking (written by an older homolog)"), result.stderr)
  }

  func testPolicyFileWithoutAPolicySectionIsBadInput() throws {
    try "project: {name: x}\n".write(to: folder.appendingPathComponent("nopolicy.yaml"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["compare", "strict/out/dossier.json", "relaxed/out/dossier.json", "--policy", "nopolicy.yaml"], in: folder)
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.stderr.contains("aucune section « policy: » : les seuils de l'évaluation y sont lus"), result.stderr)
    let english = try CLI.run(
      ["compare", "strict/out/dossier.json", "relaxed/out/dossier.json", "--policy", "nopolicy.yaml", "--lang", "en"], in: folder)
    XCTAssertTrue(english.stderr.contains("no 'policy:' section"), english.stderr)
  }
}
