import HomologEvaluate
import HomologModel
import HomologProject
import XCTest

/// Builds small catalogues and evidence sets to exercise the judge, the verdict and the score.
private enum Build {
  static func requirement(_ id: String, _ level: Level, category: String = "A", checks: [String] = [], attestable: Bool = false, applies: Applicability = Applicability(), weight: Double = 1) -> Requirement {
    Requirement(id: id, sourceId: id, level: level, category: category, title: id, statement: "s", weight: weight, appliesWhen: applies, checks: checks, attestable: attestable)
  }

  static func catalogue(_ requirements: [Requirement]) -> Catalogue {
    Catalogue(id: "t", title: "T", version: "1", source: nil, requirements: requirements, sha256: "0")
  }

  static func trivy(_ severities: [Severity], eol: Bool = false) -> EvidenceFile {
    let findings = severities.enumerated().map { index, severity in
      Finding(tool: "Trivy", kind: .vulnerability, ruleId: "CVE-\(index)", severity: severity, originalSeverity: severity.rawValue.uppercased(), title: "t", fingerprint: "f\(index)")
    }
    return EvidenceFile(
      provenance: Provenance(path: "trivy.json", sha256: "x", bytes: 1, format: "trivy-json"), findings: findings,
      images: [ImageInfo(name: "img", osFamily: "alpine", osName: "3.10", endOfLife: eol)], scans: [.vulnerabilities])
  }

  static func coverage(_ path: String, covered: Int, total: Int) -> EvidenceFile {
    EvidenceFile(
      provenance: Provenance(path: path, sha256: "x", bytes: 1, format: "cobertura-xml"),
      coverage: CoverageReport(lines: CoverageCounter(total: total, covered: covered), branches: nil, files: []))
  }

  static func input(_ catalogue: Catalogue, files: [EvidenceFile], components: [ComponentEvidence] = [], context: ProjectContext = ProjectContext(), attestations: [Attestation] = [], derogations: [Derogation] = [], asOf: String = "2026-11-22") -> EvaluationInput {
    var context = context
    context.roles = components.map(\.role)
    return EvaluationInput(
      generator: ToolInfo(name: "homolog", version: "test"), catalogue: catalogue,
      project: ProjectSummary(name: "p", version: nil, organisation: nil, context: context, components: []),
      evidence: EvidenceSet(files: files, components: components, policy: Policy(), context: context, asOf: Day(asOf)!),
      attestations: attestations, derogations: derogations, asOf: Day(asOf)!, lang: "fr")
  }
}

final class EvaluatorTests: XCTestCase {
  func testFailingCheckMakesAPrimordialRequirementEliminatory() {
    let catalogue = Build.catalogue([Build.requirement("P1", .primordial, checks: ["vuln.thresholds"])])
    let dossier = Evaluator.evaluate(Build.input(catalogue, files: [Build.trivy([.critical, .low])]))
    XCTAssertEqual(dossier.requirements[0].status, .nonConforme)
    XCTAssertEqual(dossier.verdict, Verdict(eliminatory: true, status: .eliminatoire, eliminating: ["P1"]))
    let observation = dossier.requirements[0].checks[0].observations.first
    XCTAssertEqual(observation?.message.key, "vuln.over-limit")
    XCTAssertEqual(observation?.message.arg("count"), "1")
  }

  func testPassingCheckIsConformeAndNoEvidenceIsNonEvalue() {
    let catalogue = Build.catalogue([
      Build.requirement("P1", .primordial, checks: ["vuln.thresholds"]),
      Build.requirement("I1", .important, checks: ["sonar.quality-gate"]),
    ])
    let dossier = Evaluator.evaluate(Build.input(catalogue, files: [Build.trivy([.medium])]))
    XCTAssertEqual(dossier.requirements.map(\.status), [.conforme, .nonEvalue])
    XCTAssertEqual(dossier.verdict.status, .conforme)
    XCTAssertEqual(dossier.score.important, 0)
  }

  func testValidAttestationProvesAnAttestableRequirementAndAStaleOneDoesNot() {
    let catalogue = Build.catalogue([
      Build.requirement("I1", .important, attestable: true), Build.requirement("I2", .important, attestable: true),
    ])
    let fresh = Attestation(requirement: "I1", statement: "ok", author: "a", date: Day("2026-06-01")!, evidence: [], links: [], line: 1)
    let stale = Attestation(requirement: "I2", statement: "ok", author: "a", date: Day("2025-01-01")!, evidence: [], links: [], line: 2)
    let dossier = Evaluator.evaluate(Build.input(catalogue, files: [], attestations: [fresh, stale]))
    XCTAssertEqual(dossier.requirements.map(\.status), [.conforme, .nonEvalue])
    XCTAssertEqual(dossier.requirements[0].basis, .attestation)
    XCTAssertNil(dossier.requirements[1].attestation, "a stale attestation proves nothing")
    XCTAssertEqual(dossier.requirements[1].attestations.map(\.valid), [false])
    XCTAssertEqual(dossier.requirements[1].attestations.first?.problem?.key, "attestation.stale")
    XCTAssertEqual(dossier.score.important, 50)
  }

  func testValidDerogationTurnsAFailureIntoDerogationAndTheVerdictSaysSo() {
    let catalogue = Build.catalogue([Build.requirement("P1", .primordial, checks: ["image.base-supported"])])
    let derogation = Derogation(
      id: "D1", requirement: "P1", justification: "j", compensatingMeasures: [], approvedBy: "a", approvedOn: Day("2026-01-01")!,
      expiresOn: Day("2026-12-01")!, scope: nil, line: 1)
    let dossier = Evaluator.evaluate(Build.input(catalogue, files: [Build.trivy([], eol: true)], derogations: [derogation]))
    XCTAssertEqual(dossier.requirements[0].status, .derogation)
    XCTAssertEqual(dossier.requirements[0].derogation, "D1")
    XCTAssertEqual(dossier.verdict.status, .conformeAvecDerogations)
    XCTAssertEqual(dossier.derogations[0].state, .expiring)
    XCTAssertEqual(dossier.derogations[0].daysToExpiry, 9)
    XCTAssertFalse(dossier.derogations[0].unused)
  }

  func testExpiredDerogationDoesNotCountAndUnusedOneIsReported() {
    let catalogue = Build.catalogue([
      Build.requirement("P1", .primordial, checks: ["image.base-supported"]),
      Build.requirement("P2", .primordial, checks: ["vuln.thresholds"]),
    ])
    let expired = Derogation(id: "D1", requirement: "P1", justification: "j", compensatingMeasures: [], approvedBy: "a", approvedOn: Day("2025-01-01")!, expiresOn: Day("2026-01-01")!, scope: nil, line: 1)
    let unused = Derogation(id: "D2", requirement: "P2", justification: "j", compensatingMeasures: [], approvedBy: "a", approvedOn: Day("2026-01-01")!, expiresOn: Day("2027-06-01")!, scope: nil, line: 2)
    let dossier = Evaluator.evaluate(Build.input(catalogue, files: [Build.trivy([], eol: true)], derogations: [expired, unused]))
    XCTAssertEqual(dossier.requirements.map(\.status), [.nonConforme, .conforme])
    XCTAssertEqual(dossier.derogations.map(\.state), [.expired, .active])
    XCTAssertEqual(dossier.derogations.map(\.unused), [false, true])
    XCTAssertTrue(dossier.verdict.eliminatory)
  }

  func testContextMakesRequirementsNotApplicable() {
    let catalogue = Build.catalogue([
      Build.requirement("G6", .primordial, applies: Applicability(exposure: [.internet])),
      Build.requirement("D2", .primordial, applies: Applicability(personalData: true)),
    ])
    let dossier = Evaluator.evaluate(Build.input(catalogue, files: [], context: ProjectContext(exposure: .rie, personalData: false)))
    XCTAssertEqual(dossier.requirements.map(\.status), [.nonApplicable, .nonApplicable])
    XCTAssertEqual(dossier.requirements[0].applicability?.key, "applicability.exposure")
    XCTAssertFalse(dossier.verdict.eliminatory)
    XCTAssertNil(dossier.score.important)
  }

  func testBackendCoverageIsJudgedPerComponentAgainstTheDefault100Percent() {
    let catalogue = Build.catalogue([Build.requirement("O10", .important, checks: ["coverage.backend"])])
    let components = [
      ComponentEvidence(name: "api", role: .backend, files: ["api.xml"]),
      ComponentEvidence(name: "jobs", role: .backend, files: ["jobs.xml"]),
    ]
    let files = [Build.coverage("api.xml", covered: 100, total: 100), Build.coverage("jobs.xml", covered: 1999, total: 2000)]
    let dossier = Evaluator.evaluate(Build.input(catalogue, files: files, components: components))
    let check = dossier.requirements[0].checks[0]
    XCTAssertEqual(check.outcome, .fail)
    XCTAssertEqual(check.observations.map(\.problem), [false, true])
    XCTAssertEqual(check.observations[1].message.arg("percent"), "99.9")
    XCTAssertEqual(dossier.coverage.map(\.percent), [100, 99.9])
  }

  func testScoreIsWeightedTruncatedToOneDecimalWithAndWithoutDerogationsAndPerCategory() {
    let catalogue = Build.catalogue([
      Build.requirement("I1", .important, category: "A", attestable: true, weight: 2),
      Build.requirement("I2", .important, category: "A", checks: ["image.base-supported"]),
      Build.requirement("I3", .important, category: "B", checks: ["vuln.thresholds"]),
    ])
    let attestation = Attestation(requirement: "I1", statement: "ok", author: "a", date: Day("2026-11-01")!, evidence: [], links: [], line: 1)
    let derogation = Derogation(id: "D", requirement: "I2", justification: "j", compensatingMeasures: [], approvedBy: "a", approvedOn: Day("2026-01-01")!, expiresOn: Day("2027-01-01")!, scope: nil, line: 1)
    let dossier = Evaluator.evaluate(
      Build.input(catalogue, files: [Build.trivy([.high], eol: true)], attestations: [attestation], derogations: [derogation]))
    XCTAssertEqual(dossier.requirements.map(\.status), [.conforme, .derogation, .nonConforme])
    XCTAssertEqual(dossier.score.important, 75)  // (2 + 1) / 4
    XCTAssertEqual(dossier.score.importantWithoutDerogations, 50)  // 2 / 4
    XCTAssertEqual(dossier.score.categories.map(\.category), ["A", "B"])
    XCTAssertEqual(dossier.score.categories.map(\.important), [100, 0])
    XCTAssertEqual(dossier.score.categories[0].importantWithoutDerogations, 66.6)  // 2 / 3, truncated, never shown above
  }

  func testEveryCatalogueCheckIdExistsInAllChecksOnce() {
    XCTAssertEqual(AllChecks.ids.count, AllChecks.list.count)
  }
}
