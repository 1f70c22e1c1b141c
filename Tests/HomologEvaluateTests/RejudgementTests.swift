import Foundation
import HomologEvaluate
import HomologModel
import HomologProject
import XCTest

/// One bid's evidence evaluated against the real CCT catalogue, under its own policy or another.
private enum Bid {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func catalogue() throws -> Catalogue {
    let url = repository.appendingPathComponent("requirements/cct-cloud-pi-native.yaml")
    return try CatalogueLoader.loadValid(
      try Data(contentsOf: url), file: "cct-cloud-pi-native.yaml", knownChecks: Set(AllChecks.list.map(\.id)))
  }

  /// The policy a bidder may write in its own homolog.yaml: no limit on critical vulnerabilities, no back-end minimum.
  static var relaxed: Policy {
    var policy = Policy()
    policy.vulnerabilities.critical = nil
    policy.coverage = [CoverageThreshold(role: .backend, minimum: 0), CoverageThreshold(role: .frontend, minimum: 60)]
    return policy
  }

  static func vulnerability(_ index: Int, _ severity: Severity) -> Finding {
    Finding(
      tool: "Trivy", kind: .vulnerability, ruleId: "CVE-2024-\(1000 + index)", severity: severity,
      originalSeverity: severity.rawValue.uppercased(), title: "t", package: PackageRef(name: "lib\(index)", installedVersion: "1.0", fixedVersion: "1.1"),
      fingerprint: "vuln-\(index)")
  }

  static func codeIssue(_ index: Int, _ severity: Severity) -> Finding {
    Finding(
      tool: "Semgrep", kind: .codeIssue, ruleId: "rule-\(index)", severity: severity, originalSeverity: severity.rawValue,
      title: "Issue \(index)", location: FindingLocation(path: "src/App\(index).java", line: index), fingerprint: "code-\(index)")
  }

  /// An image scan, a SARIF report and the back-end's coverage (500 of 1000 lines).
  static func evidence(vulnerabilities: [Finding], codeIssues: [Finding] = [], policy: Policy) -> EvidenceSet {
    let files = [
      EvidenceFile(
        provenance: Provenance(path: "reports/trivy.json", sha256: "a", bytes: 1, format: "trivy-json"), findings: vulnerabilities,
        images: [ImageInfo(name: "api:1.0", osFamily: "alpine", osName: "3.20", endOfLife: false)], scans: [.vulnerabilities]),
      EvidenceFile(
        provenance: Provenance(path: "reports/api/semgrep.sarif", sha256: "b", bytes: 1, format: "sarif"), findings: codeIssues,
        scans: [.codeAnalysis]),
      EvidenceFile(
        provenance: Provenance(path: "reports/api/coverage.xml", sha256: "c", bytes: 1, format: "cobertura-xml"),
        coverage: CoverageReport(lines: CoverageCounter(total: 1000, covered: 500), branches: nil, files: [])),
    ]
    let components = [ComponentEvidence(name: "api", role: .backend, files: ["reports/api/semgrep.sarif", "reports/api/coverage.xml"])]
    return EvidenceSet(files: files, components: components, policy: policy, context: context)
  }

  static let context = ProjectContext(
    exposure: .internet, dataSensitivity: .usual, personalData: true, hosting: .cloudPi, procurement: true, roles: [.backend])

  static func evaluate(
    _ evidence: EvidenceSet, attestations: [Attestation] = [], derogations: [Derogation] = []
  ) throws -> Dossier {
    Evaluator.evaluate(
      EvaluationInput(
        generator: ToolInfo(name: "homolog", version: "test"), catalogue: try catalogue(),
        project: ProjectSummary(name: "Bid", version: "1", organisation: nil, context: context, components: [ComponentSummary(name: "api", role: .backend)]),
        evidence: evidence, attestations: attestations, derogations: derogations, asOf: Day("2026-11-22")!, lang: "fr"))
  }

  /// The dossier as JSON with sorted keys, to compare two dossiers byte for byte.
  static func json(_ dossier: Dossier) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    return String(decoding: try encoder.encode(dossier), as: UTF8.self)
  }
}

final class RejudgementTests: XCTestCase {
  /// A catalogue of real check ids: two Primordial requirements judged on thresholds, two Important ones.
  private func smallCatalogue() -> Catalogue {
    Catalogue(
      id: "t", title: "T", version: "1", source: nil,
      requirements: [
        Requirement(id: "P-VULN", sourceId: "P-VULN", level: .primordial, category: "A", title: "v", statement: "s", checks: ["vuln.thresholds"]),
        Requirement(id: "P-COV", sourceId: "P-COV", level: .primordial, category: "A", title: "c", statement: "s", checks: ["coverage.backend"]),
        Requirement(id: "I-SAST", sourceId: "I-SAST", level: .important, category: "A", title: "q", statement: "s", checks: ["sast.no-blocking"]),
        Requirement(id: "I-DOC", sourceId: "I-DOC", level: .important, category: "A", title: "d", statement: "s", attestable: true),
      ], sha256: "0")
  }

  private func evaluate(_ catalogue: Catalogue, _ evidence: EvidenceSet, attestations: [Attestation] = [], derogations: [Derogation] = []) -> Dossier {
    Evaluator.evaluate(
      EvaluationInput(
        generator: ToolInfo(name: "homolog", version: "test"), catalogue: catalogue,
        project: ProjectSummary(name: "Bid", version: "1", organisation: nil, context: Bid.context, components: []),
        evidence: evidence, attestations: attestations, derogations: derogations, asOf: Day("2026-11-22")!, lang: "fr"))
  }

  private let attestation = Attestation(
    requirement: "I-DOC", statement: "Documented.", author: "Team", date: Day("2026-05-01")!, evidence: [], links: [], line: 1)

  func testRelaxedBidThatWinsOnItsOwnPolicyIsEliminatedUnderTheEvaluatorsPolicy() throws {
    let findings = [Bid.vulnerability(1, .critical), Bid.vulnerability(2, .medium)]
    let strict = evaluate(smallCatalogue(), Bid.evidence(vulnerabilities: findings, policy: Policy()), attestations: [attestation])
    let relaxed = evaluate(smallCatalogue(), Bid.evidence(vulnerabilities: findings, policy: Bid.relaxed), attestations: [attestation])
    XCTAssertEqual(relaxed.verdict, Verdict(eliminatory: false, status: .conforme, eliminating: []))
    XCTAssertEqual(relaxed.score.important, 100)
    XCTAssertEqual(strict.verdict, Verdict(eliminatory: true, status: .eliminatoire, eliminating: ["P-VULN", "P-COV"]))

    let rejudged = try Rejudgement.rejudge(relaxed, under: Policy())
    XCTAssertEqual(rejudged.verdict, Verdict(eliminatory: true, status: .eliminatoire, eliminating: ["P-VULN", "P-COV"]))
    XCTAssertEqual(rejudged.requirements.map(\.status), [.nonConforme, .nonConforme, .conforme, .conforme])
    XCTAssertEqual(rejudged.requirements, strict.requirements)
    XCTAssertEqual(rejudged.score, strict.score)
    XCTAssertEqual(rejudged.counts, strict.counts)
    XCTAssertEqual(rejudged.policy, Policy())
    XCTAssertEqual(rejudged.policySha256, strict.policySha256)
    XCTAssertEqual(rejudged.coverage.map(\.threshold), [100])
    XCTAssertEqual(
      Rejudgement.statusChanges(from: relaxed, to: rejudged),
      [
        StatusChange(requirement: "P-VULN", before: .conforme, after: .nonConforme),
        StatusChange(requirement: "P-COV", before: .conforme, after: .nonConforme),
      ])
    let coverage = rejudged.requirements[1].checks[0]
    XCTAssertEqual(coverage.summary, Message("coverage.backend.fail", [MessageArg.number("min", 100, decimals: NumberFormatting.givenDecimals)]))
    XCTAssertEqual(coverage.observations.map(\.message.key), ["coverage.below"])
  }

  func testSameEvidenceUnderTheRealCatalogueGivesTheSameDossierWhicheverPolicyItWasFirstJudgedUnder() throws {
    let findings = [Bid.vulnerability(1, .critical), Bid.vulnerability(2, .medium)]
    let strict = try Bid.evaluate(Bid.evidence(vulnerabilities: findings, policy: Policy()))
    let relaxed = try Bid.evaluate(Bid.evidence(vulnerabilities: findings, policy: Bid.relaxed))
    XCTAssertEqual(relaxed.score.important, 3.5, "1 of 28 Important requirements, truncated")
    XCTAssertEqual(strict.score.important, 0)
    let rejudged = try Rejudgement.rejudge(relaxed, under: Policy())
    XCTAssertEqual(try Bid.json(rejudged), try Bid.json(strict))
    XCTAssertEqual(
      Rejudgement.statusChanges(from: relaxed, to: rejudged),
      [
        StatusChange(requirement: "EXI-ORG-1", before: .nonEvalue, after: .nonConforme),
        StatusChange(requirement: "EXI-ORG-10", before: .conforme, after: .nonConforme),
        StatusChange(requirement: "EXI-ORG-13", before: .nonEvalue, after: .nonConforme),
        StatusChange(requirement: "EXI-ORG-14", before: .nonEvalue, after: .nonConforme),
      ])
  }

  func testRejudgingUnderItsOwnPolicyReproducesTheDossierExactlyAfterAJSONRoundTrip() throws {
    let findings = (0..<40).map { Bid.vulnerability($0, $0 % 4 == 0 ? .medium : .high) }
    let issues = (0..<30).map { Bid.codeIssue($0, $0 % 2 == 0 ? .high : .low) }
    let derogation = Derogation(
      id: "DER-1", requirement: "P-VULN", justification: "Patch scheduled.", compensatingMeasures: ["WAF"], approvedBy: "Board",
      approvedOn: Day("2026-10-01")!, expiresOn: Day("2026-12-10")!, scope: nil, line: 1)
    let dossier = evaluate(
      smallCatalogue(), Bid.evidence(vulnerabilities: findings, codeIssues: issues, policy: Policy()), attestations: [attestation],
      derogations: [derogation])
    XCTAssertEqual(dossier.requirements.map(\.status), [.derogation, .nonConforme, .nonConforme, .conforme])
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let readBack = try decoder.decode(Dossier.self, from: try encoder.encode(dossier))
    let rejudged = try Rejudgement.rejudge(readBack, under: readBack.policy)
    XCTAssertEqual(try Bid.json(rejudged), try Bid.json(dossier))
    XCTAssertEqual(rejudged.requirements[0].checks[0].observations.count, 1 + 25 + 1)
  }

  func testFindingsListedUnderAStricterPolicyAreTheOnesADirectEvaluationLists() throws {
    let findings = (0..<30).map { Bid.vulnerability($0, .medium) } + (30..<60).map { Bid.vulnerability($0, .high) }
    var medium = Policy()
    medium.vulnerabilities.medium = 0
    medium.vulnerabilities.high = nil
    let direct = evaluate(smallCatalogue(), Bid.evidence(vulnerabilities: findings, policy: medium))
    let lenient = evaluate(smallCatalogue(), Bid.evidence(vulnerabilities: findings, policy: Bid.relaxed))
    XCTAssertEqual(lenient.requirements[0].checks[0].observations.count, 1 + 25 + 1)
    let rejudged = try Rejudgement.rejudge(lenient, under: medium)
    XCTAssertEqual(rejudged.requirements[0].checks[0], direct.requirements[0].checks[0])
    XCTAssertEqual(rejudged.requirements[0].checks[0].observations.map(\.message.key), ["vuln.over-limit"] + Array(repeating: "vuln.finding", count: 25) + ["vuln.more"])
    XCTAssertEqual(rejudged.requirements[0].checks[0].observations.last?.message.arg("count"), "5")
  }

  func testSastBlockingSeverityOfTheEvaluatorIsAppliedToTheMeasuredFindings() throws {
    let issues = [Bid.codeIssue(1, .medium), Bid.codeIssue(2, .low)]
    let dossier = evaluate(smallCatalogue(), Bid.evidence(vulnerabilities: [], codeIssues: issues, policy: Policy()))
    XCTAssertEqual(dossier.requirements[2].status, .conforme)
    var stricter = Policy()
    stricter.sastBlockingSeverity = .medium
    let rejudged = try Rejudgement.rejudge(dossier, under: stricter)
    XCTAssertEqual(rejudged.requirements[2].status, .nonConforme)
    let check = rejudged.requirements[2].checks[0]
    XCTAssertEqual(
      check.summary, Message("sast.no-blocking.fail", [MessageArg("count", "1"), MessageArg("total", "2"), MessageArg("severity", "medium")]))
    XCTAssertEqual(check.observations.map { $0.message.arg("rule") }, ["rule-1"])
  }

  func testAttestationOlderThanTheEvaluatorsMaximumAgeNoLongerProves() throws {
    let dossier = evaluate(smallCatalogue(), Bid.evidence(vulnerabilities: [], policy: Policy()), attestations: [attestation])
    XCTAssertEqual(dossier.requirements[3].status, .conforme)
    var policy = Policy()
    policy.attestationMaxAgeDays = 90
    let rejudged = try Rejudgement.rejudge(dossier, under: policy)
    XCTAssertEqual(rejudged.requirements[3].status, .nonEvalue)
    XCTAssertNil(rejudged.requirements[3].attestation)
    XCTAssertEqual(rejudged.requirements[3].attestations.map(\.valid), [false])
    XCTAssertEqual(
      rejudged.requirements[3].attestations.first?.problem,
      Message("attestation.stale", [MessageArg("days", "205"), MessageArg("max", "90")]))
  }

  func testDossierWithoutMeasurementsIsRefusedNamingTheChecks() throws {
    var dossier = evaluate(smallCatalogue(), Bid.evidence(vulnerabilities: [], policy: Policy()))
    for index in dossier.requirements.indices {
      for check in dossier.requirements[index].checks.indices { dossier.requirements[index].checks[check].measurement = nil }
    }
    XCTAssertThrowsError(try Rejudgement.rejudge(dossier, under: Policy())) { error in
      XCTAssertEqual(error as? Rejudgement.Failure, .missingMeasurement(["vuln.thresholds", "coverage.backend", "sast.no-blocking"]))
    }
  }

  func testAllowedRegistriesCheckIsNamedAsNotJudgedAgainWhenTheRegistriesDiffer() throws {
    let catalogue = Catalogue(
      id: "t", title: "T", version: "1", source: nil,
      requirements: [
        Requirement(id: "P-REG", sourceId: "P-REG", level: .primordial, category: "A", title: "r", statement: "s", checks: ["k8s.allowed-registries"])
      ], sha256: "0")
    let dossier = evaluate(catalogue, Bid.evidence(vulnerabilities: [], policy: Policy()))
    var policy = Policy()
    XCTAssertEqual(Rejudgement.notRejudged(dossier, under: policy), [])
    policy.allowedRegistries = ["harbor.apps.c6.numerique-interieur.com/"]
    XCTAssertEqual(Rejudgement.notRejudged(dossier, under: policy), ["k8s.allowed-registries"])
    XCTAssertEqual(try Rejudgement.rejudge(dossier, under: policy).requirements[0].checks, dossier.requirements[0].checks)
  }

  func testPolicyHashIsTheSHA256OfTheCanonicalJSON() {
    XCTAssertEqual(
      String(decoding: PolicyDigest.canonicalJSON(Policy()), as: UTF8.self),
      #"{"allowed_registries":["docker.io/","harbor.io/","registry.redhat.io/","quay.io/","bitnami/","ghcr.io/","harbor.*/"],"#
        + #""attestation_max_age_days":365,"coverage":[{"minimum":100,"role":"backend"},{"minimum":60,"role":"frontend"}],"#
        + #""coverage_tolerance":0,"derogation_warning_days":30,"regression_severity":"high","sast_blocking_severity":"high","#
        + #""vulnerabilities":{"critical":0,"high":0}}"#)
    XCTAssertEqual(PolicyDigest.sha256(Policy()), "bae1576dfaced48efa689f625da5c6507573895e195834e4a00034b3697d42cc")
    XCTAssertNotEqual(PolicyDigest.sha256(Bid.relaxed), PolicyDigest.sha256(Policy()))
    XCTAssertEqual(
      PolicyDifference.list(Bid.relaxed, from: Policy()),
      [
        ThresholdDifference(key: "vulnerabilities.critical", value: .unset, reference: .count(0)),
        ThresholdDifference(key: "coverage.backend", value: .figure(0), reference: .figure(100)),
      ])
  }
}
