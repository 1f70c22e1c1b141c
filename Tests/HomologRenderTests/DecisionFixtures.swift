import Foundation
import HomologModel

@testable import HomologRender

/// Fixed comparisons, portfolio and diff for the decision documents' goldens, with hostile strings in every
/// field that comes from a dossier.
enum DecisionFixtures {
  static func comparison(basis: ComparisonPolicyBasis = .evaluator, scale: Double = 20) -> BidComparison {
    let requirements = [
      ComparedRequirement(id: "EXI-P-1", level: .primordial, category: "Org", title: "Primordial <one> & \"quoted\""),
      ComparedRequirement(id: "EXI-I-1", level: .important, category: "Code & <Image>", title: "Important *one*"),
      ComparedRequirement(id: "EXI-I-2", level: .important, category: "Norms | pipes", title: "Important two"),
    ]
    var eliminated = RankedBid(
      name: "=cmd|' /C calc'!A0", file: "b.json", rank: nil, eliminated: true, eliminating: ["EXI-P-1"], score: 20,
      categories: [CategoryMark(category: "Code & <Image>", score: 20), CategoryMark(category: "Norms | pipes", score: nil)],
      statuses: ["EXI-P-1": .nonConforme, "EXI-I-1": .conforme, "EXI-I-2": .nonApplicable])
    eliminated.ownPolicySha256 = "0123456789abcdef0123456789abcdef"
    eliminated.policyDifferences = [ThresholdDifference(key: "vulnerabilities.critical", value: .unset, reference: .count(0))]
    eliminated.statusChanges = [StatusChange(requirement: "EXI-P-1", before: .conforme, after: .nonConforme)]
    eliminated.notRejudged = ["k8s.allowed-registries"]
    var first = RankedBid(
      name: "<script>alert(1)</script>", file: "a.json", rank: 1, eliminated: false, eliminating: [], score: 12.5,
      categories: [CategoryMark(category: "Code & <Image>", score: 12.5), CategoryMark(category: "Norms | pipes", score: 13.3333)],
      statuses: ["EXI-P-1": .conforme, "EXI-I-1": .derogation, "EXI-I-2": .nonEvalue])
    first.ownPolicySha256 = "fedcba9876543210fedcba9876543210"
    var second = RankedBid(
      name: "Offre [C] _x_", file: nil, rank: 2, eliminated: false, eliminating: [], score: 1234.5678,
      categories: [CategoryMark(category: "Code & <Image>", score: 0), CategoryMark(category: "Norms | pipes", score: 10)],
      statuses: ["EXI-P-1": .conforme, "EXI-I-1": .nonConforme])
    second.ownPolicySha256 = "fedcba9876543210fedcba9876543210"
    second.policyDifferences = [
      ThresholdDifference(key: "coverage.backend", value: .figure(0), reference: .figure(100)),
      ThresholdDifference(key: "coverage_tolerance", value: .figure(0.5), reference: .figure(0)),
    ]
    return BidComparison(
      catalogue: CatalogueSummary(id: "cct", title: "CCT <Cloud> Pi", version: "27.05.2024", sha256: "x"), commonOnly: true, scale: scale,
      anonymized: false, requirements: requirements, categories: ["Code & <Image>", "Norms | pipes"], bids: [eliminated, first, second],
      policyBasis: basis, policySha256: basis == .mixed ? nil : "aaaabbbbccccdddd")
  }

  static var portfolio: Portfolio {
    var totals = PortfolioTotals()
    totals.applications = 1234
    totals.eliminatoire = 1
    totals.conformeAvecDerogations = 1
    totals.conforme = 1232
    totals.expiringDerogations = 1
    totals.expiredDerogations = 2
    totals.criticalVulnerabilities = 1001
    let rows = [
      PortfolioRow(
        application: "@App <one>", version: "1.0", organisation: "Min | istère", file: "app/dossier.json", asOf: "2026-11-22",
        catalogueVersion: "27.05.2024", verdict: .eliminatoire, eliminating: ["EXI-P-1", "EXI-P-2"], score: 72.56, nonEvalue: 3,
        expiringDerogations: ["DER-1"], nextExpiry: "2026-12-01", expiredDerogations: [], criticalVulnerabilities: 1001,
        highVulnerabilities: 0),
      PortfolioRow(
        application: "Zeta *bold*", version: nil, organisation: nil, file: "zeta [x].json", asOf: "2026-11-20", catalogueVersion: "27.05.2024",
        verdict: .conformeAvecDerogations, eliminating: [], score: nil, nonEvalue: 0, expiringDerogations: [], nextExpiry: nil,
        expiredDerogations: ["DER-2", "DER-3"], criticalVulnerabilities: 0, highVulnerabilities: 12345),
    ]
    return Portfolio(
      totals: totals, rows: rows,
      unreadable: [IgnoredFile(path: "broken <x>.json", reason: "bad: `json`"), IgnoredFile(path: "big.json", reason: .unknownJSON, bytes: 2_500_000_000, limit: 1_000_000_000)])
  }

  static var diff: DiffReport {
    var baseline = ReportFixtures.dossier
    baseline.asOf = "2026-10-01"
    baseline.verdict = Verdict(eliminatory: false, status: .conforme, eliminating: [])
    baseline.score.important = 66.7
    let current = ReportFixtures.dossier
    let regression = Regression(
      baselineAsOf: "2026-10-01", newFindings: Array(current.findings.prefix(3)), fixedFindings: [current.findings[4]],
      coverageChanges: [
        CoverageChange(component: "api <back>", before: 90, after: 85.5), CoverageChange(component: "web", before: 70.25, after: nil),
        CoverageChange(component: "new", before: nil, after: 1234.5),
      ], scoreBefore: 66.7, scoreAfter: 33.3,
      statusChanges: [StatusChange(requirement: "EXI-ORG-1", before: .conforme, after: .nonConforme)], derogationsAdded: ["DER-1", "DER_*2"],
      derogationsExpired: ["DER-0"],
      reasons: [
        Message(
          "regression.new-finding",
          [
            MessageArg("severity", "critical"), MessageArg("rule", "CVE-2024-0001"), MessageArg("tool", "Trivy"),
            MessageArg("title", "libfoo: <remote> code execution"),
          ]),
        Message(
          "regression.coverage-down",
          [MessageArg("component", "api <back>"), .number("before", 90), .number("after", 85.5), .number("tolerance", 0, decimals: 6)]),
        Message("regression.score-down", [.number("before", 66.7), .number("after", 33.3)]),
        Message("regression.requirement-lost", [MessageArg("requirement", "EXI-ORG-1"), MessageArg("before", "conforme"), MessageArg("after", "non_conforme")]),
      ])
    return DiffReport(baseline: baseline, current: current, regression: regression)
  }
}
