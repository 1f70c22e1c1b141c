import Foundation
import HomologModel
import HomologRender
import XCTest

/// The decision page that ends `dossier.html`, its Markdown section and `action-plan.csv`, on the hand-built demo dossier.
final class DecisionPageTests: XCTestCase {
  func testTheDecisionPageIsTheLastSectionOfTheMainContent() throws {
    let html = try RenderFixture.render(HTMLRenderer())
    let start = try XCTUnwrap(html.range(of: "<section id=\"decision\" class=\"section decision\""))
    let page = String(html[start.lowerBound...])
    XCTAssertEqual(page.occurrences(of: "<section"), 1, "no section after the decision page")
    XCTAssertTrue(page.contains("</section>\n</main>"))
    XCTAssertTrue(page.contains("<h2 id=\"decision-title\">Proposition de décision d&#39;homologation</h2>"))
    XCTAssertTrue(page.contains("<strong class=\"proposal p-defavorable\">Avis défavorable</strong>"))
    XCTAssertTrue(page.contains("aucune : l&#39;homologation ne peut pas être prononcée en l&#39;état"))
    XCTAssertTrue(page.contains("<li>verdict éliminatoire : 2 exigences Primordiales non satisfaites sans dérogation (EXI-ARCH-27, EXI-ORG-7)</li>"))
    XCTAssertTrue(page.contains("<dd>Directrice du numérique, Autorité d&#39;homologation</dd>"))
    XCTAssertTrue(html.contains("<li><a href=\"#decision\">Proposition de décision d&#39;homologation</a></li>"), "listed in the table of contents")
  }

  func testEachSignatoryHasASignatureBlock() throws {
    let html = try RenderFixture.render(HTMLRenderer())
    let page = String(html[try XCTUnwrap(html.range(of: "<section id=\"decision\"")).lowerBound...])
    XCTAssertEqual(page.occurrences(of: "<div class=\"signature-box\"></div>"), 2)
    XCTAssertTrue(page.contains("<span class=\"label\">Nom et fonction</span> Claire Dubois<br>RSSI ministérielle</p>"))
    XCTAssertTrue(page.contains("<span class=\"label\">Nom et fonction</span> Marc Petit</p>"))
    XCTAssertEqual(page.occurrences(of: "<span class=\"label\">Date</span>"), 2)
  }

  func testWithoutAuthorityNorSignatoriesThePageSaysToNameOneAndLeavesALineForIt() throws {
    var dossier = DemoDossier.make()
    dossier.decision?.authority = nil
    dossier.decision?.signatories = []
    let html = try RenderFixture.render(HTMLRenderer(), dossier)
    let page = String(html[try XCTUnwrap(html.range(of: "<section id=\"decision\"")).lowerBound...])
    XCTAssertTrue(page.contains("<dt>Autorité d&#39;homologation</dt>\n<dd><em>à désigner</em></dd>"))
    XCTAssertEqual(page.occurrences(of: "<div class=\"signature-box\"></div>"), 1)
    XCTAssertTrue(page.contains("<span class=\"label\">Nom et fonction</span> <span class=\"fill\"></span></p>"))
  }

  func testReservationsShowOwnersDueDatesAndEscapeThem() throws {
    let html = try RenderFixture.render(HTMLRenderer())
    let page = String(html[try XCTUnwrap(html.range(of: "<section id=\"decision\"")).lowerBound...])
    XCTAssertFalse(page.contains("<API>"))
    XCTAssertTrue(page.contains("<td>Équipe &lt;API&gt; &amp; web</td>"))
    XCTAssertTrue(page.contains("<td>dérogation DER-2026-04, jusqu&#39;au 15 décembre 2026</td>"), "dates written out")
    XCTAssertTrue(page.contains("<td><em>à désigner</em></td>"), "an unknown owner says so")
    XCTAssertTrue(page.contains("<td class=\"nowrap\">31 mars 2027</td>"))
  }

  func testTheClosingNoteStatesTheRuleFromTheDossierPolicyNotAFileTheAuthorityLacks() throws {
    let html = try RenderFixture.render(HTMLRenderer())
    let page = String(html[try XCTUnwrap(html.range(of: "<section id=\"decision\"")).lowerBound...])
    XCTAssertFalse(page.contains("decision.md"))
    XCTAssertTrue(
      page.contains(
        "<strong>Règle appliquée</strong> — avis défavorable tant qu&#39;une exigence Primordiale applicable n&#39;est pas satisfaite sans "
          + "dérogation ; sinon, durée selon le score des exigences Importantes (score ≥ 90 % → 36 mois, score ≥ 75 % → 24 mois, "
          + "score ≥ 50 % → 12 mois, en dessous → 6 mois) ; vulnérabilité critique ouverte : 6 mois au plus ; vulnérabilité élevée ouverte : "
          + "12 mois au plus ; jamais au-delà de la première fin de dérogation en vigueur ;"), page)
    XCTAssertTrue(page.contains("Au vu du présent dossier, évalué le 22 novembre 2026, il est proposé"), "the evaluation date written out")
  }

  func testTheRuleFollowsAnotherPolicyWithItsFiguresInEachLanguage() throws {
    var dossier = DemoDossier.make()
    dossier.decision?.policy = DecisionPolicy(
      validity: [ValidityBand(minScore: 82.5, months: 24), ValidityBand(minScore: 0, months: 1)], criticalVulnerabilityMonths: 3,
      highVulnerabilityMonths: 9)
    let french = try RenderFixture.render(HTMLRenderer(), dossier)
    XCTAssertTrue(
      french.contains(
        "(score ≥ 82,5 % → 24 mois, en dessous → 1 mois) ; vulnérabilité critique ouverte : 3 mois au plus ; vulnérabilité élevée ouverte : 9 mois au plus"))
    let english = try RenderFixture.render(MarkdownRenderer(), dossier, lang: "en")
    XCTAssertTrue(
      english.contains("(score ≥ 82.5 % → 24 months, below → 1 month); open critical vulnerability: 3 months at most; open high vulnerability: 9 months at most"),
      english)
    dossier.decision?.policy.validity = [ValidityBand(minScore: 0, months: 12)]
    XCTAssertTrue(try RenderFixture.render(HTMLRenderer(), dossier).contains("(12 mois quel que soit le score)"))
  }

  func testAValidityEndedByADerogationSaysSoRatherThanItsMonths() throws {
    var dossier = DemoDossier.make()
    dossier.decision?.proposal = .favorableWithReservations
    dossier.decision?.validityMonths = 12
    dossier.decision?.validUntil = "2027-03-01"
    dossier.decision?.reasons = [
      .scoreBand(score: 80, minimum: 75, months: 24), .highVulnerabilities(count: 1, months: 12),
      .derogationExpiry(derogation: "DER-2026-04", expiresOn: "2027-03-01"),
    ]
    let french = try RenderFixture.render(HTMLRenderer(), dossier)
    XCTAssertTrue(french.contains("<dd>jusqu&#39;au 1er mars 2027 inclus (fin de la dérogation DER-2026-04 ; 12 mois sans elle)</dd>"))
    XCTAssertTrue(french.contains("<li>la dérogation DER-2026-04 expire le 1er mars 2027 : la validité ne va pas au-delà</li>"))
    XCTAssertFalse(french.contains("12 mois, jusqu"))
    let english = try RenderFixture.render(MarkdownRenderer(), dossier, lang: "en")
    XCTAssertTrue(english.contains("| until 1 March 2027 inclusive (end of derogation DER-2026-04; 12 months without it) |"), english)
    dossier.decision?.reasons.removeLast()
    XCTAssertTrue(try RenderFixture.render(HTMLRenderer(), dossier).contains("<dd>12 mois, jusqu&#39;au 1er mars 2027 inclus</dd>"), "not capped")
  }

  func testThePrintStylesheetPrintsA4WithPageNumbersAndTheDecisionOnItsOwnPage() throws {
    let html = try RenderFixture.render(HTMLRenderer())
    let print = String(html[try XCTUnwrap(html.range(of: "@media print {")).lowerBound...])
    XCTAssertTrue(print.contains("size: A4;"))
    XCTAssertTrue(print.contains("@bottom-center { content: counter(page) \" / \" counter(pages);"))
    XCTAssertTrue(print.contains("main > .section.decision { break-before: page; }"))
    XCTAssertTrue(print.contains("nav, script, .page-footer { display: none !important; }"))
  }

  func testTheEnglishPageHasItsHeading() throws {
    let html = try RenderFixture.render(HTMLRenderer(), lang: "en")
    XCTAssertTrue(html.contains("<h2 id=\"decision-title\">Proposed homologation decision</h2>"))
    XCTAssertTrue(html.contains("Unfavourable (avis défavorable)"))
  }

  func testADossierWithoutDecisionHasNoDecisionPage() throws {
    var dossier = DemoDossier.make()
    dossier.decision = nil
    let html = try RenderFixture.render(HTMLRenderer(), dossier)
    XCTAssertFalse(html.contains("id=\"decision\""))
    XCTAssertEqual(try RenderFixture.render(ActionPlanRenderer(), dossier), "requirement,finding,owner,due_date,status\r\n")
  }

  func testTheMarkdownDossierEndsWithTheDecision() throws {
    let markdown = try RenderFixture.render(MarkdownRenderer())
    let start = try XCTUnwrap(markdown.range(of: "### Proposition de décision d'homologation"))
    let section = String(markdown[start.lowerBound...])
    XCTAssertTrue(section.contains("| Directrice du numérique, Autorité d'homologation | **Avis défavorable** |"))
    XCTAssertTrue(section.contains("| EXI-ARCH-27 imagePullPolicy"), section)
    XCTAssertTrue(section.contains("Équipe &lt;API&gt; &amp; web"), "owners are escaped for Markdown")
    XCTAssertTrue(section.contains("**Règle appliquée** — avis défavorable tant qu'une exigence Primordiale"), "the rule stands in Markdown too")
    XCTAssertFalse(section.contains("decision.md"))
  }

  func testTheActionPlanListsBlockingThenReservedRequirements() throws {
    let csv = try RenderFixture.render(ActionPlanRenderer())
    let lines = csv.components(separatedBy: "\r\n")
    XCTAssertEqual(lines.first, "requirement,finding,owner,due_date,status")
    XCTAssertEqual(lines.last, "", "every line ends with CRLF")
    // EXI-ARCH-27 fails k8s.image-tag-pinned in its failed part; EXI-ORG-7 misses proofs; DER-2026-04 ends on its expiry.
    XCTAssertTrue(lines[1].hasPrefix("EXI-ARCH-27,"), lines[1])
    XCTAssertTrue(lines[1].hasSuffix(",Équipe <API> & web,2026-12-01,non_conforme"), lines[1])
    XCTAssertEqual(lines.filter { $0.hasPrefix("EXI-ORG-10,") }, ["EXI-ORG-10,dérogation DER-2026-04 jusqu'au 2026-12-15,Responsable du module d'export,2026-12-15,derogation"])
    XCTAssertEqual(lines.filter { $0.hasPrefix("EXI-ORG-17-B,") }.map { $0.hasSuffix(",,2027-03-31,non_evalue") }, [true])
    XCTAssertEqual(ActionPlanRenderer.fileName, "action-plan.csv")
    XCTAssertEqual(AllRenderers.formats.last, "action-plan")
  }

  func testAFormulaOwnerIsNeutralizedInTheActionPlan() throws {
    var dossier = DemoDossier.make()
    dossier.decision?.reservations[0].owner = "=HYPERLINK(\"http://x\")"
    let csv = try RenderFixture.render(ActionPlanRenderer(), dossier)
    XCTAssertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\",2026-12-15,derogation\r\n"), csv)
  }
}
