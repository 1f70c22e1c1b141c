import HomologEvaluate
import HomologModel
import XCTest

/// The per-part judgement: each proof mode, absence of evidence, unstated context, attestation choice.
final class RequirementPartsTests: XCTestCase {
  private let statement = "Les images sont scannées. L'équipe organise le run."

  private func requirement(_ parts: [RequirementPart], level: Level = .primordial, applies: Applicability = Applicability()) -> Requirement {
    Requirement(id: "R", sourceId: "R", level: level, category: "A", title: "R", statement: statement, appliesWhen: applies, parts: parts)
  }

  private let scanPart = RequirementPart(id: "scan", text: "Les images sont scannées.", proof: .checks, checks: ["vuln.thresholds"])
  private let runPart = RequirementPart(id: "run", text: "L'équipe organise le run.", proof: .attestation)

  private func trivy(_ severities: [Severity]) -> EvidenceFile {
    let findings = severities.enumerated().map { index, severity in
      Finding(tool: "Trivy", kind: .vulnerability, ruleId: "CVE-\(index)", severity: severity, originalSeverity: severity.rawValue, title: "t", fingerprint: "f\(index)")
    }
    return EvidenceFile(
      provenance: Provenance(path: "trivy.json", sha256: "x", bytes: 1, format: "trivy-json"), findings: findings, scans: [.vulnerabilities])
  }

  private func attestation(_ date: String, parts: [String]? = nil, line: Int = 1) -> Attestation {
    Attestation(requirement: "R", statement: "fait", author: "équipe", date: Day(date)!, evidence: [], links: [], parts: parts, line: line)
  }

  private func evaluate(
    _ requirement: Requirement, files: [EvidenceFile] = [], attestations: [Attestation] = [], context: ProjectContext = ProjectContext()
  ) -> RequirementResult {
    let catalogue = Catalogue(id: "t", title: "T", version: "1", source: nil, requirements: [requirement], sha256: "0")
    let input = EvaluationInput(
      generator: ToolInfo(name: "homolog", version: "test"), catalogue: catalogue,
      project: ProjectSummary(name: "p", version: nil, organisation: nil, context: context, components: []),
      evidence: EvidenceSet(files: files, policy: Policy(), context: context), attestations: attestations, asOf: Day("2026-12-02")!,
      lang: "fr")
    return Evaluator.evaluate(input).requirements[0]
  }

  func testConformeOnlyWhenEveryPartIsProven() {
    let both = requirement([scanPart, runPart])
    let onlyChecks = evaluate(both, files: [trivy([.low])])
    XCTAssertEqual(onlyChecks.status, .nonEvalue)
    XCTAssertEqual(onlyChecks.parts.map(\.status), [.proven, .missing])
    XCTAssertEqual(onlyChecks.parts[1].reasons.map(\.key), ["part.missing-attestation"])

    let all = evaluate(both, files: [trivy([.low])], attestations: [attestation("2026-10-01")])
    XCTAssertEqual(all.status, .conforme)
    XCTAssertEqual(all.basis, .both)
  }

  func testAFailingCheckMakesItNonConformeEvenWithAnAttestation() {
    let either = requirement([RequirementPart(id: "scan", text: "Les images sont scannées.", proof: .either, checks: ["vuln.thresholds"])])
    let result = evaluate(either, files: [trivy([.critical])], attestations: [attestation("2026-10-01")])
    XCTAssertEqual(result.status, .nonConforme)
    XCTAssertEqual(result.parts[0].reasons.map(\.key), ["part.failed-check"])
    XCTAssertEqual(result.parts[0].reasons[0].arg("check"), "vuln.thresholds")
  }

  func testEitherFallsBackOnAnAttestationOnlyWithoutEvidence() {
    let either = requirement([RequirementPart(id: "scan", text: "Les images sont scannées.", proof: .either, checks: ["vuln.thresholds"])])
    XCTAssertEqual(evaluate(either, attestations: [attestation("2026-10-01")]).status, .conforme)
    XCTAssertEqual(evaluate(either, attestations: [attestation("2026-10-01")]).basis, .attestation)
    let missing = evaluate(either)
    XCTAssertEqual(missing.status, .nonEvalue)
    XCTAssertEqual(missing.parts[0].reasons.map(\.key), ["part.missing-check.vulnerabilities", "part.missing-evidence-or-attestation"])
  }

  func testBothNeedsChecksAndAttestation() {
    let part = RequirementPart(id: "scan", text: "Les images sont scannées.", proof: .both, checks: ["vuln.thresholds"])
    XCTAssertEqual(evaluate(requirement([part]), files: [trivy([])]).status, .nonEvalue)
    XCTAssertEqual(evaluate(requirement([part]), attestations: [attestation("2026-10-01")]).status, .nonEvalue)
    XCTAssertEqual(evaluate(requirement([part]), files: [trivy([])], attestations: [attestation("2026-10-01")]).status, .conforme)
  }

  func testAbsentEvidenceIsNonEvalueNeverConformeOrNonApplicable() {
    let result = evaluate(requirement([scanPart]))
    XCTAssertEqual(result.status, .nonEvalue)
    XCTAssertEqual(result.checks.map(\.outcome), [.noEvidence])
  }

  func testNonApplicableOnlyFromAStatedFact() {
    let internetOnly = requirement([runPart], applies: Applicability(exposure: [.internet]))
    let unstated = evaluate(internetOnly)
    XCTAssertEqual(unstated.status, .nonEvalue)
    XCTAssertEqual(unstated.applicability?.key, "applicability.unstated")
    XCTAssertEqual(unstated.applicability?.arg("facts"), "exposure")
    let stated = evaluate(internetOnly, context: ProjectContext(exposure: .internal))
    XCTAssertEqual(stated.status, .nonApplicable)
    XCTAssertEqual(stated.applicability?.key, "applicability.exposure")
  }

  func testNoComponentsDeclaredLeavesARoleRequirementNonEvalue() {
    let backend = requirement([RequirementPart(id: "scan", text: "Les images sont scannées.", proof: .checks, checks: ["coverage.backend"])], applies: Applicability(roles: [.backend]))
    let result = evaluate(backend)
    XCTAssertEqual(result.status, .nonEvalue)
    XCTAssertEqual(result.applicability?.arg("facts"), "components")
    XCTAssertEqual(evaluate(backend, context: ProjectContext(roles: [.frontend])).status, .nonApplicable)
  }

  func testAFutureAttestationDoesNotHideAnOlderValidOne() {
    let result = evaluate(requirement([runPart]), attestations: [attestation("2026-06-01", line: 1), attestation("2027-01-15", line: 2)])
    XCTAssertEqual(result.status, .conforme)
    XCTAssertEqual(result.attestation?.date, "2026-06-01")
    XCTAssertEqual(result.attestations.map(\.date), ["2027-01-15", "2026-06-01"])
    XCTAssertEqual(result.attestations[0].problem?.key, "attestation.future")
  }

  func testAnAttestationLimitedToOtherPartsDoesNotProveThisOne() {
    let twoParts = requirement([
      runPart, RequirementPart(id: "scan", text: "Les images sont scannées.", proof: .attestation),
    ])
    let result = evaluate(twoParts, attestations: [attestation("2026-10-01", parts: ["run"])])
    XCTAssertEqual(result.parts.map(\.status), [.proven, .missing])
    XCTAssertEqual(result.status, .nonEvalue)
  }

  func testGateKeepsEliminatoryWhenOtherRulesAreGiven() throws {
    XCTAssertEqual(try GateRule.parse(["score<5"]), [.eliminatory, .scoreBelow(5)])
    XCTAssertEqual(try GateRule.parse(["-eliminatory", "score<5"]), [.scoreBelow(5)])
    XCTAssertEqual(try GateRule.parse(["platform-refusal"]), [.eliminatory, .platformRefusal])
    XCTAssertEqual(try GateRule.parse(["regression"], always: []), [.regression])
  }

  func testGateMessageSeparatesAFailingFactFromAMissingProof() throws {
    let catalogue = Catalogue(
      id: "t", title: "T", version: "1", source: nil,
      requirements: [
        Requirement(id: "P1", sourceId: "P1", level: .primordial, category: "A", title: "P1", statement: statement, parts: [scanPart]),
        Requirement(id: "P2", sourceId: "P2", level: .primordial, category: "A", title: "P2", statement: statement, parts: [runPart]),
      ], sha256: "0")
    let input = EvaluationInput(
      generator: ToolInfo(name: "homolog", version: "test"), catalogue: catalogue,
      project: ProjectSummary(name: "p", version: nil, organisation: nil, context: ProjectContext(), components: []),
      evidence: EvidenceSet(files: [trivy([.critical])]), asOf: Day("2026-12-02")!, lang: "fr")
    var dossier = Evaluator.evaluate(input)
    for index in dossier.requirements.indices {
      dossier.requirements[index].checks = dossier.requirements[index].checks.map { var check = $0; check.summaryText = "1 critique"; return check }
      dossier.requirements[index].parts = dossier.requirements[index].parts.map { var part = $0; part.reasonTexts = part.reasons.map(\.key); return part }
    }
    XCTAssertEqual(
      GateRuleTests.lines(GateRule.eliminatory.failure(dossier)),
      [
        "gate.failed.eliminatory rule=eliminatory count=2 ids=P1, P2",
        "gate.unmet.non-conforme-check id=P1 check=vuln.thresholds summary=1 critique",
        "gate.unmet.missing-proof id=P2 part=run reason=part.missing-attestation",
      ])
  }
}
