import Foundation
import HomologEvaluate
import HomologModel
import HomologProject
import XCTest

/// The built-in catalogue says what proves what, and never lets a check prove more than its meaning.
final class CatalogueVerdictRulesTests: XCTestCase {
  private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  private func catalogue() throws -> Catalogue {
    let url = Self.repository.appendingPathComponent("requirements/cct-cloud-pi-native.yaml")
    return try CatalogueLoader.loadValid(Data(contentsOf: url), file: "cct-cloud-pi-native.yaml", knownChecks: AllChecks.ids)
  }

  private func requirement(_ id: String) throws -> Requirement {
    try XCTUnwrap(try catalogue().requirement(id), id)
  }

  func testEveryRequirementHasQuotedPartsEachWithANote() throws {
    let all = try catalogue().requirements
    XCTAssertEqual(all.count, 55)
    for requirement in all {
      XCTAssertFalse(requirement.parts.isEmpty, requirement.id)
      for part in requirement.parts {
        XCTAssertFalse((part.note ?? "").isEmpty, "\(requirement.id).\(part.id) cites no sentence")
        XCTAssertTrue(
          CatalogueLoader.collapsed(requirement.statement).contains(CatalogueLoader.collapsed(part.text)), "\(requirement.id).\(part.id)")
      }
    }
  }

  func testAdmissionOnlyKyvernoRulesJudgeNoCCTRequirement() throws {
    let admissionOnly = Set(PlatformRules.list.filter { $0.requirement == nil }.map(\.check))
    XCTAssertEqual(admissionOnly, ["k8s.labels", "k8s.no-nodeport", "k8s.cronjob-history", "k8s.pvc-size", "k8s.resources"])
    for requirement in try catalogue().requirements {
      XCTAssertTrue(admissionOnly.isDisjoint(with: requirement.checks), "\(requirement.id) cites \(admissionOnly.intersection(requirement.checks))")
    }
    XCTAssertEqual(try requirement("EXI-ORG-3").checks, [], "EXI-ORG-3 is organisational")
  }

  func testAKyvernoRuleCountsOnlyWhereTheRequirementAsksTheSameThing() throws {
    for rule in PlatformRules.list {
      guard let id = rule.requirement else { continue }
      XCTAssertTrue(try requirement(id).checks.contains(rule.check), "\(rule.policy) → \(id)")
    }
  }

  func testAMaintainedOSDoesNotProveAThinImage() throws {
    XCTAssertFalse(try requirement("EXI-ARCH-6").checks.contains("image.base-supported"))
    XCTAssertEqual(try requirement("EXI-ARCH-6").parts.map(\.proof), [.attestation])
  }

  func testRealTimePerformanceIsNotJudgedOnProbes() throws {
    XCTAssertEqual(try requirement("EXI-ARCH-24").checks, [])
  }

  func testPartlyProvenRequirementsNeedAnAttestationBesideTheirChecks() throws {
    for id in ["EXI-ORG-3", "EXI-ARCH-13", "EXI-ARCH-24", "EXI-ARCH-12", "EXI-ARCH-5", "EXI-ARCH-18"] {
      let parts = try requirement(id).parts
      XCTAssertTrue(parts.contains { $0.proof.acceptsAttestation }, "\(id): one passing check must not make it conforme")
    }
    XCTAssertEqual(try requirement("EXI-ARCH-5").parts.first { $0.id == "rootless" }?.proof, .both)
  }

  func testFrontEndFunctionalTestsNeedATestReportNotCoverage() throws {
    let parts = try requirement("EXI-ORG-11").parts
    XCTAssertTrue(parts.contains { $0.checks.contains("tests.frontend-functional") && $0.proof == .both })
    XCTAssertFalse(parts.contains { $0.checks == ["coverage.frontend"] })
  }

  // MARK: end to end on the real catalogue

  private func evaluate(_ files: [EvidenceFile], components: [ComponentEvidence], policy: Policy = Policy()) throws -> [String: RequirementResult] {
    let context = ProjectContext(
      exposure: .internal, dataSensitivity: .usual, personalData: false, hosting: .cloudPi, procurement: false,
      roles: components.map(\.role))
    let dossier = Evaluator.evaluate(
      EvaluationInput(
        generator: ToolInfo(name: "homolog", version: "test"), catalogue: try catalogue(),
        project: ProjectSummary(name: "p", version: nil, organisation: nil, context: context, components: []),
        evidence: EvidenceSet(files: files, components: components, policy: policy, context: context),
        attestations: [Attestation(requirement: "EXI-ORG-11", statement: "ok", author: "a", date: Day("2026-10-01")!, evidence: [], links: [], line: 1)],
        asOf: Day("2026-11-22")!, lang: "fr"))
    return Dictionary(uniqueKeysWithValues: dossier.requirements.map { ($0.id, $0) })
  }

  func testFrontEndCoverageWithoutATestReportLeavesEXIORG11NonEvalue() throws {
    let coverage = EvidenceFile(
      provenance: Provenance(path: "web/lcov.info", sha256: "a", bytes: 1, format: "lcov"),
      coverage: CoverageReport(lines: CoverageCounter(total: 100, covered: 90), branches: nil, files: []))
    let results = try evaluate([coverage], components: [ComponentEvidence(name: "web", role: .frontend, files: ["web/lcov.info"])])
    XCTAssertEqual(results["EXI-ORG-11"]?.status, .nonEvalue)
    XCTAssertEqual(results["EXI-ORG-11"]?.parts.first?.reasons.first?.arg("check"), "tests.frontend-functional")
  }

  func testBackendThresholdUnsetIsNonEvalueNotNonApplicable() throws {
    let coverage = EvidenceFile(
      provenance: Provenance(path: "api/coverage.xml", sha256: "a", bytes: 1, format: "cobertura-xml"),
      coverage: CoverageReport(lines: CoverageCounter(total: 100, covered: 10), branches: nil, files: []))
    var policy = Policy()
    policy.coverage = [CoverageThreshold(role: .frontend, minimum: 60)]
    let results = try evaluate([coverage], components: [ComponentEvidence(name: "api", role: .backend, files: ["api/coverage.xml"])], policy: policy)
    XCTAssertEqual(results["EXI-ORG-10"]?.status, .nonEvalue)
    XCTAssertEqual(results["EXI-ORG-10"]?.checks.first?.summary.key, "coverage.backend.no_threshold")
  }
}
