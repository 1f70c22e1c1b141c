import Foundation
import XCTest

/// The decision `homolog evaluate` proposes, end to end, against expectations written by hand from docs/decision.md.
final class HomologationDecisionCommandTests: XCTestCase {
  /// A two-requirement catalogue the clean sample's manifests meet: EXI-ARCH-27 (P, k8s.image-pull-policy and
  /// k8s.image-tag-pinned) and EXI-ARCH-26 (I, k8s.security-context-unset and k8s.no-host-access); with
  /// `attested`, a third, EXI-ORG-10 (I), proven by attestation only, which nobody attests.
  private static func catalogue(attested: Bool) -> String {
    var text = """
      catalogue: {id: mini-cct, title: "Mini CCT", version: "1"}
      requirements:
        - id: EXI-ARCH-26
          level: I
          category: Architecture
          title: "Aucun securityContext imposé"
          statement: "Pas de securityContext imposé ni de ressource du nœud."
          weight: 1
          parts:
            - {id: security-context, text: "Pas de securityContext imposé", proof: checks, checks: [k8s.security-context-unset]}
            - {id: pas-de-hostpath, text: "ni de ressource du nœud.", proof: checks, checks: [k8s.no-host-access]}
        - id: EXI-ARCH-27
          level: P
          category: Architecture
          title: "Tag explicite"
          statement: "imagePullPolicy IfNotPresent et tag explicite."
          weight: 1
          parts:
            - {id: pull-policy, text: "imagePullPolicy IfNotPresent", proof: checks, checks: [k8s.image-pull-policy]}
            - {id: tag, text: "et tag explicite.", proof: checks, checks: [k8s.image-tag-pinned]}

      """
    if attested {
      text += """
          - id: EXI-ORG-10
            level: I
            category: Organisation
            title: "Couverture"
            statement: "Couverture à 100 %."
            weight: 1
            parts:
              - {id: couverture, text: "Couverture à 100 %.", proof: attestation}

        """
    }
    return text
  }

  /// The clean sample in a temporary folder, evaluated against the mini catalogue, with extra homolog.yaml text.
  private func cleanProject(attested: Bool = false, extra: String = "", derogations: String? = nil) throws -> URL {
    let dir = try CLI.temporaryDirectory().appendingPathComponent("clean")
    try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("samples/clean"), to: dir)
    try Self.catalogue(attested: attested).write(to: dir.appendingPathComponent("catalogue.yaml"), atomically: true, encoding: .utf8)
    var config = try String(contentsOf: dir.appendingPathComponent("homolog.yaml"), encoding: .utf8) + "catalogue: catalogue.yaml\n"
    if let derogations {
      try derogations.write(to: dir.appendingPathComponent("derogations.yaml"), atomically: true, encoding: .utf8)
      config += "derogations: derogations.yaml\n"
    }
    try (config + extra).write(to: dir.appendingPathComponent("homolog.yaml"), atomically: true, encoding: .utf8)
    return dir
  }

  private func decision(_ project: URL, asOf: String = "2026-11-22", lang: String = "fr") throws -> (CLI.Output, [String: Any], URL) {
    let out = try CLI.temporaryDirectory().appendingPathComponent("out")
    let result = try CLI.run([
      "evaluate", "--config", project.appendingPathComponent("homolog.yaml").path, "--out", out.path, "--as-of", asOf, "--lang", lang,
      "--quiet",
    ])
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("dossier.json"))) as? [String: Any]
    return (result, try XCTUnwrap(json?["decision"] as? [String: Any], result.stderr), out)
  }

  func testTheDemoIsProposedUnfavourableWithItsFourEliminatingRequirements() throws {
    let (result, decision, out) = try decision(CLI.repository.appendingPathComponent("samples/demo"))
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(decision["proposal"] as? String, "defavorable")
    XCTAssertNil(decision["validity_months"])
    XCTAssertNil(decision["valid_until"])
    // expected-statuses.tsv: the Primordial requirements non conforme.
    let eliminating = ["EXI-ORG-13", "EXI-ARCH-12", "EXI-ARCH-22", "EXI-ARCH-27"]
    let reasons = try XCTUnwrap(decision["reasons"] as? [[String: Any]])
    XCTAssertEqual(reasons.count, 1)
    XCTAssertEqual(reasons.first?["code"] as? String, "eliminatory")
    XCTAssertEqual(reasons.first?["requirements"] as? [String], eliminating)
    XCTAssertEqual((decision["blocking"] as? [[String: Any]])?.map { $0["requirement"] as? String ?? "" }, eliminating)
    // DER-2026-04 covers EXI-ORG-10 until 2026-12-15; DER-2025-11 expired on 2026-05-03 and reserves nothing.
    let reservations = try XCTUnwrap(decision["reservations"] as? [[String: Any]])
    XCTAssertEqual(reservations.first?["derogation"] as? String, "DER-2026-04")
    XCTAssertEqual(reservations.first?["requirement"] as? String, "EXI-ORG-10")
    XCTAssertEqual(reservations.first?["expires_on"] as? String, "2026-12-15")
    XCTAssertFalse(reservations.contains { $0["derogation"] as? String == "DER-2025-11" })
    // The Important requirements non conforme or non évalué in expected-statuses.tsv: 20 of them, EXI-ARCH-26 the only non conforme.
    let notMet = reservations.filter { $0["kind"] as? String == "requirement_not_met" }
    XCTAssertEqual(notMet.count, 20)
    XCTAssertEqual(notMet.filter { $0["status"] as? String == "non_conforme" }.map { $0["requirement"] as? String ?? "" }, ["EXI-ARCH-26"])
    let html = try String(contentsOf: out.appendingPathComponent("dossier.html"), encoding: .utf8)
    XCTAssertTrue(html.contains("<h2 id=\"decision-title\">Proposition de décision d&#39;homologation</h2>"), "the decision heading")
    XCTAssertTrue(html.contains("Avis défavorable"))
    let csv = try String(contentsOf: out.appendingPathComponent("action-plan.csv"), encoding: .utf8)
    XCTAssertTrue(csv.hasPrefix("requirement,finding,owner,due_date,status\r\n"))
    XCTAssertTrue(csv.contains("\r\nEXI-ORG-10,dérogation DER-2026-04 jusqu'au 2026-12-15,,2026-12-15,derogation\r\n"))
  }

  func testACleanProjectIsFavourableForThreeYears() throws {
    let (result, decision, out) = try decision(try cleanProject())
    XCTAssertEqual(result.status, 0, result.stderr)
    // Score 100 (EXI-ARCH-26 met): the band from 90, 36 months from 2026-11-22; nothing open, nothing reserved.
    XCTAssertEqual(decision["proposal"] as? String, "favorable")
    XCTAssertEqual(decision["validity_months"] as? Int, 36)
    XCTAssertEqual(decision["valid_until"] as? String, "2029-11-22")
    XCTAssertEqual((decision["reservations"] as? [Any])?.count, 0)
    let reasons = try XCTUnwrap(decision["reasons"] as? [[String: Any]])
    XCTAssertEqual(reasons.map { $0["code"] as? String ?? "" }, ["score_band"])
    XCTAssertEqual(reasons.first?["score"] as? Double, 100)
    XCTAssertEqual(reasons.first?["minimum"] as? Double, 90)
    let csv = try String(contentsOf: out.appendingPathComponent("action-plan.csv"), encoding: .utf8)
    XCTAssertEqual(csv, "requirement,finding,owner,due_date,status\r\n", "nothing to do")
  }

  func testADerogationExpiringSoonCapsTheValidityAtItsExpiry() throws {
    let derogations = """
      derogations:
        - id: DER-COV
          requirement: EXI-ORG-10
          justification: "Couverture <b>en cours</b>"
          approved_by: "Commission"
          approved_on: 2026-10-01
          expires_on: 2027-01-10
          owner: "Équipe <script>alert(1)</script> API"

      """
    let extra = """
      decision:
        authority: {name: "Préfète de la zone", function: "Autorité d'homologation"}
        signatories:
          - {name: "Jeanne Martin", function: "RSSI"}
          - {name: "Paul Durand", function: "Directeur du numérique"}
        actions:
          - {requirement: EXI-ORG-10, owner: "Équipe API", due: 2026-12-31}

      """
    let (result, decision, out) = try decision(try cleanProject(attested: true, extra: extra, derogations: derogations))
    XCTAssertEqual(result.status, 0, result.stderr)
    // EXI-ORG-10 is covered: score 100 with derogations counted as met, 36 months would end on 2029-11-22, but
    // DER-COV expires on 2027-01-10: the validity ends there.
    XCTAssertEqual(decision["proposal"] as? String, "favorable_avec_reserves")
    XCTAssertEqual(decision["validity_months"] as? Int, 36)
    XCTAssertEqual(decision["valid_until"] as? String, "2027-01-10")
    let reasons = try XCTUnwrap(decision["reasons"] as? [[String: Any]])
    XCTAssertEqual(reasons.map { $0["code"] as? String ?? "" }, ["score_band", "derogation_expiry"])
    XCTAssertEqual(reasons.last?["derogation"] as? String, "DER-COV")
    XCTAssertEqual(reasons.last?["expires_on"] as? String, "2027-01-10")
    let reservations = try XCTUnwrap(decision["reservations"] as? [[String: Any]])
    XCTAssertEqual(reservations.count, 1)
    // The derogation's owner wins over the action plan's; the due date comes from the action plan.
    XCTAssertEqual(reservations.first?["owner"] as? String, "Équipe <script>alert(1)</script> API")
    XCTAssertEqual(reservations.first?["due"] as? String, "2026-12-31")
    XCTAssertEqual((decision["authority"] as? [String: Any])?["name"] as? String, "Préfète de la zone")
    XCTAssertEqual((decision["signatories"] as? [[String: Any]])?.map { $0["name"] as? String ?? "" }, ["Jeanne Martin", "Paul Durand"])

    let html = try String(contentsOf: out.appendingPathComponent("dossier.html"), encoding: .utf8)
    XCTAssertFalse(html.contains("<script>alert(1)"), "the owner is escaped")
    XCTAssertTrue(html.contains("Équipe &lt;script&gt;alert(1)&lt;/script&gt; API"))
    XCTAssertTrue(html.contains("Avis favorable avec réserves"))
    // The derogation ends the validity after seven weeks: the page says so, the 36 months being what it would run without it.
    XCTAssertTrue(
      html.contains("<dd>jusqu&#39;au 10 janvier 2027 inclus (fin de la dérogation DER-COV ; 36 mois sans elle)</dd>"), "validity and end date")
    XCTAssertFalse(html.contains("36 mois, jusqu"))
    let decisionStart = try XCTUnwrap(html.range(of: "<section id=\"decision\""))
    let page = html[decisionStart.lowerBound...]
    XCTAssertEqual(page.components(separatedBy: "<section").count, 2, "the decision page is the last section")
    XCTAssertTrue(page.contains("</section>\n</main>"), "it closes the main content")
    XCTAssertTrue(page.contains("Jeanne Martin") && page.contains("RSSI") && page.contains("Paul Durand") && page.contains("Directeur du numérique"))
    XCTAssertEqual(page.components(separatedBy: "class=\"signature-box\"").count - 1, 2, "one signature box per signatory")

    let markdown = try String(contentsOf: out.appendingPathComponent("dossier.md"), encoding: .utf8)
    XCTAssertTrue(markdown.contains("### Proposition de décision d'homologation"))
    XCTAssertFalse(markdown.contains("<script>"), "the owner is escaped in Markdown too")
    XCTAssertTrue(markdown.contains("| **Avis favorable avec réserves** | jusqu'au 10 janvier 2027 inclus (fin de la dérogation DER-COV ; 36 mois sans elle) |"))

    let csv = try String(contentsOf: out.appendingPathComponent("action-plan.csv"), encoding: .utf8)
    XCTAssertEqual(
      csv,
      "requirement,finding,owner,due_date,status\r\n"
        + "EXI-ORG-10,dérogation DER-COV jusqu'au 2027-01-10,Équipe <script>alert(1)</script> API,2026-12-31,derogation\r\n")
    let manifest = try String(contentsOf: out.appendingPathComponent(".homolog-outputs"), encoding: .utf8)
    XCTAssertTrue(manifest.contains("  action-plan.csv\n"), "the action plan is one of the run's outputs")
  }

  func testTheEnglishDecisionPageHasItsHeading() throws {
    let (_, _, out) = try decision(try cleanProject(), lang: "en")
    let html = try String(contentsOf: out.appendingPathComponent("dossier.html"), encoding: .utf8)
    XCTAssertTrue(html.contains(">Proposed homologation decision</h2>"))
    XCTAssertTrue(html.contains("<dd>36 months, until 22 November 2029 inclusive</dd>"))
  }

  func testAnEmptyOwnerIsSaidEmptyNotMissing() throws {
    let project = try cleanProject(extra: "decision:\n  actions:\n    - {requirement: EXI-ARCH-26, owner: \"\"}\n")
    let out = try CLI.temporaryDirectory().appendingPathComponent("out")
    let result = try CLI.run(["evaluate", "--config", "homolog.yaml", "--out", out.path], in: project)
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(
      result.stderr.contains("homolog.yaml:15:41: erreur : decision.actions[0].owner : la valeur est vide (un texte est attendu)"), result.stderr)
    XCTAssertFalse(result.stderr.contains("absente"), result.stderr)
  }

  func testAnActionForAnUnknownRequirementIsLocated() throws {
    let extra = """
      decision:
        actions:
          - {requirement: EXI-ORG-99, owner: "Équipe"}

      """
    let project = try cleanProject(extra: extra)
    let out = try CLI.temporaryDirectory().appendingPathComponent("out")
    let result = try CLI.run(["evaluate", "--config", "homolog.yaml", "--out", out.path, "--lang", "en"], in: project)
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(
      result.stderr.contains("homolog.yaml:15:21: error: decision.actions[0]: unknown requirement 'EXI-ORG-99' in catalogue mini-cct"), result.stderr)
  }
}
