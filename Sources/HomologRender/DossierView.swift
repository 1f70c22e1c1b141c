import Foundation
import HomologModel

/// The dossier prepared for templates: localized labels, formatted figures and pre-sorted lists,
/// because Mustache templates have no logic. Every evidence string goes through `escape`
/// (Markdown escaping for `dossier.md`; identity for HTML, where Mustache escapes).
/// A nil optional is absent from the template context, so its name resolves in enclosing contexts:
/// never give an optional field the name of a field of an enclosing level (use "" or a `has…` flag).
struct DossierView: Encodable {
  struct Count: Encodable {
    var status: String
    var label: String
    var count: Int
  }
  /// A link inside the page: text and the fragment id it points at, when the target exists.
  struct Link: Encodable {
    var text: String
    /// Empty when the target is not in the page (an empty string is false in templates, where nil would
    /// let the name resolve in an enclosing context).
    var anchor: String
  }
  struct Observation: Encodable {
    var text: String
    var problem: Bool
    var severity: String?
    var severityLabel: String?
    var place: String?
    var object: String?
    var enforced: Bool
  }
  struct Check: Encodable {
    var id: String
    var outcome: String
    var outcomeLabel: String
    var summary: String
    var observations: [Observation]
    var hasObservations: Bool
    var evidence: [String]
    var evidenceLinks: [Link]
    var hasEvidence: Bool
    var failing: Bool
  }
  struct Attestation: Encodable {
    var statement: String
    var author: String
    var date: String
    var valid: Bool
    var problem: String?
    var files: [String]
    var links: [String]
    var fileList: [AttestedFile]
  }
  struct AttestedFile: Encodable {
    var requirement: String
    var requirementAnchor: String?
    var path: String
    var sha256: String
    var bytes: String
  }
  /// One part of a requirement's text, how it is proven and where it stands.
  struct Part: Encodable {
    var id: String
    var text: String
    var proof: String
    var proofLabel: String
    var checks: [String]
    var hasChecks: Bool
    var status: String
    var statusLabel: String
    var reasons: [String]
    var note: String?
  }
  struct Requirement: Encodable {
    var id: String
    var sourceId: String
    var sourceIdDiffers: Bool
    var level: String
    var levelLabel: String
    var primordial: Bool
    var category: String
    var title: String
    var statement: String
    var status: String
    var statusLabel: String
    var statusIcon: String
    var basisLabel: String
    var applicability: String?
    var parts: [Part]
    var hasParts: Bool
    var checks: [Check]
    /// Every attestation of the requirement, newest first; the invalid ones say why they do not count.
    var attestations: [Attestation]
    var derogation: String?
    var anchor: String
    var derogationAnchor: String?
    var failing: Bool
    var weight: String
    var hasChecks: Bool
    var hasFailingChecks: Bool
  }
  struct Derogation: Encodable {
    var id: String
    var requirement: String
    var justification: String
    var measures: [String]
    var approvedBy: String
    var approvedOn: String
    var expiresOn: String
    var scope: String?
    var state: String
    var stateLabel: String
    var daysToExpiry: Int
    var daysToExpiryText: String
    var flagged: Bool
    var unused: Bool
    var anchor: String
    var requirementAnchor: String?
    var expired: Bool
    var expiring: Bool
    var daysOverdue: Int
    var daysOverdueText: String
    var hasScope: Bool
  }
  struct Category: Encodable {
    var category: String
    var score: String
    var scoreWithoutDerogations: String
    var met: String
    var applicable: String
  }
  /// Requirements of one category by status, with the category's Important score.
  struct CategoryStatus: Encodable {
    var category: String
    var counts: [Count]
    var total: Int
    var score: String
    var scoreWithoutDerogations: String
  }
  struct Evidence: Encodable {
    var path: String
    var format: String
    var tool: String
    var sha256: String
    var bytes: Int
    var generatedAt: String?
    var components: String
    var anchor: String
    var bytesText: String
    var findingsTotal: Int?
    var findingsText: String?
    var coveragePercent: String?
    var testsTotal: Int?
    var testsText: String?
    var testsBroken: Int?
    var testsBrokenText: String?
    var qualityGate: String?
    var kubernetesObjects: Int?
    var kubernetesObjectsText: String?
  }
  struct Skipped: Encodable {
    var path: String
    var reason: String
  }
  struct Coverage: Encodable {
    var component: String
    var roleLabel: String
    var percent: String
    var threshold: String
    var below: Bool
    var covered: Int
    var total: Int
    var branches: String?
  }
  struct Regression: Encodable {
    var baselineAsOf: String
    var isRegression: Bool
    var reasons: [String]
    var newFindings: Int
    var newFindingsText: String
    var fixedFindings: Int
    var fixedFindingsText: String
    var scoreBefore: String
    var scoreAfter: String
    var statusChanges: [String]
    var newFindingList: [FindingRow]
    var fixedFindingList: [FindingRow]
    var coverageChanges: [CoverageChange]
    var derogationsAdded: [String]
    var derogationsExpired: [String]
    var statusChangeList: [StatusChange]
    var hasCoverageChanges: Bool
    var hasStatusChanges: Bool
    var hasDerogationChanges: Bool
    var hasNewFindings: Bool
    var hasFixedFindings: Bool
    var hasReasons: Bool
  }
  struct CoverageChange: Encodable {
    var component: String
    var before: String
    var after: String
    var dropped: Bool
  }
  struct StatusChange: Encodable {
    var requirement: String
    var anchor: String?
    var before: String
    var beforeLabel: String
    var after: String
    var afterLabel: String
    var worse: Bool
  }
  /// One finding in a table (residual risks, regression).
  struct FindingRow: Encodable {
    var severity: String
    var severityLabel: String
    var kindLabel: String
    var ruleId: String
    var title: String
    var tool: String
    var package: String?
    var installed: String?
    var fixed: String?
    var location: String?
  }
  /// Open vulnerabilities of one severity against the policy's limit.
  struct SeverityRow: Encodable {
    var severity: String
    var label: String
    var count: Int
    var limit: String
    var hasLimit: Bool
    var exceeded: Bool
  }
  /// The facts about the project that decide applicability, as labels.
  struct Context: Encodable {
    var exposure: String
    var dataSensitivity: String
    var personalData: String
    var hosting: String
    var procurement: String
    var deployment: String
    var environments: String
  }
  struct Component: Encodable {
    var name: String
    var roleLabel: String
  }

  var lang: String
  var projectName: String
  var projectVersion: String?
  var organisation: String?
  var asOf: String
  var catalogueTitle: String
  var catalogueVersion: String
  var catalogueSha256: String
  var generator: String
  var verdictStatus: String
  var verdictLabel: String
  var eliminatory: Bool
  var score: String
  var scoreWithoutDerogations: String
  var formula: String
  var counts: [Count]
  var total: Int
  var primordialFailures: [Requirement]
  /// The platform's admission rules, apart from the CCT verdicts.
  var admission: [AdmissionRuleView]
  var hasAdmission: Bool
  /// What the cluster itself reported (PolicyReports), per policy.
  var admissionReported: [ReportedPolicyView]
  var hasAdmissionReported: Bool
  var admissionRefusals: Int
  var otherFailures: [Requirement]
  var hasPrimordialFailures: Bool
  var hasOtherFailures: Bool
  var hasFailures: Bool
  var requirements: [Requirement]
  var derogations: [Derogation]
  var flaggedDerogations: [Derogation]
  var hasFlaggedDerogations: Bool
  var hasDerogations: Bool
  var categories: [Category]
  var evidence: [Evidence]
  var ignored: [Skipped]
  var unreadable: [Skipped]
  var coverage: [Coverage]
  var findingCounts: SeverityCounts
  var regression: Regression?
  var gate: String
  // Fields below serve the HTML dossier.
  var verdictExplain: String
  var primordialFailureCount: Int
  var otherFailureCount: Int
  var context: Context
  var components: [Component]
  var categoryStatus: [CategoryStatus]
  var hasCategories: Bool
  var vulnerabilities: [SeverityRow]
  var vulnerabilityTotal: Int
  var residualRisks: [FindingRow]
  var hasResidualRisks: Bool
  var acceptedVulnerabilities: [FindingRow]
  var hasAcceptedVulnerabilities: Bool
  var acceptedVulnerabilityCount: Int
  var hasCoverage: Bool
  var hasEvidence: Bool
  var attestedFiles: [AttestedFile]
  var hasAttestedFiles: Bool
  var hasIgnored: Bool
  var hasUnreadable: Bool
  var unusedDerogations: Int
  /// The proposed homologation decision (the dossier's last page); nil for dossiers written before it existed.
  var decision: DecisionView?
  /// Attestations and derogations left out because their requirement id is not in the catalogue; nil when none.
  var staleDeclarations: StaleDeclarationsView?

  // swiftlint:disable:next function_body_length
  init(_ dossier: Dossier, table: TranslationTable, escape: (String) -> String) {
    let ui = UILabels(table)
    let lang = table.lang
    let style = NumberFormatting.Style(lang: lang)
    func number(_ value: Double?) -> String { value.map { NumberFormatting.text($0, style: style) } ?? ui["score.none"] }
    func given(_ value: Double?) -> String {
      value.map { NumberFormatting.text($0, decimals: NumberFormatting.givenDecimals, style: style) } ?? ui["score.none"]
    }
    var anchors = Anchors()
    var requirementAnchors: [String: String] = [:]
    for result in dossier.requirements where requirementAnchors[result.id] == nil {
      requirementAnchors[result.id] = anchors.make("req", result.id)
    }
    var derogationAnchors: [String: String] = [:]
    for entry in dossier.derogations where derogationAnchors[entry.id] == nil {
      derogationAnchors[entry.id] = anchors.make("der", entry.id)
    }
    var evidenceAnchors: [String: String] = [:]
    for file in dossier.evidence where evidenceAnchors[file.path] == nil {
      evidenceAnchors[file.path] = anchors.make("ev", file.path)
    }
    let links = Linker(requirements: requirementAnchors, derogations: derogationAnchors, evidence: evidenceAnchors)

    self.lang = lang
    projectName = escape(dossier.project.name)
    projectVersion = dossier.project.version.map(escape)
    organisation = dossier.project.organisation.map(escape)
    asOf = dossier.asOf
    catalogueTitle = escape(dossier.catalogue.title)
    catalogueVersion = escape(dossier.catalogue.version)
    catalogueSha256 = dossier.catalogue.sha256
    generator = escape([dossier.generator.name, dossier.generator.version].compactMap { $0 }.joined(separator: " "))
    verdictStatus = dossier.verdict.status.rawValue
    verdictLabel = ui["verdict.\(dossier.verdict.status.rawValue)"]
    eliminatory = dossier.verdict.eliminatory
    score = number(dossier.score.important)
    scoreWithoutDerogations = number(dossier.score.importantWithoutDerogations)
    formula = ui["score.formula"]
    counts = Self.counts(dossier.counts, ui: ui)
    total = dossier.counts.total

    let views = dossier.requirements.map { Self.requirement($0, ui: ui, links: links, lang: lang, escape: escape) }
    requirements = views
    let failing = views.filter(\.failing)
    primordialFailures = failing.filter(\.primordial)
    otherFailures = failing.filter { !$0.primordial }
    hasPrimordialFailures = !primordialFailures.isEmpty
    hasOtherFailures = !otherFailures.isEmpty
    hasFailures = !failing.isEmpty
    primordialFailureCount = primordialFailures.count
    otherFailureCount = otherFailures.count
    verdictExplain = ui["verdict_explain.\(dossier.verdict.status.rawValue)"]

    admission = Self.admission(dossier.admission, ui: ui, links: links, escape: escape)
    hasAdmission = !admission.isEmpty
    admissionReported = Self.reported(dossier.admissionReported ?? [], ui: ui, escape: escape)
    hasAdmissionReported = dossier.admissionReported != nil
    admissionRefusals = dossier.admission.filter { $0.outcome == .refusedInProduction }.reduce(0) { $0 + $1.entries.count }
    derogations = dossier.derogations.map { Self.derogation($0, ui: ui, links: links, escape: escape) }
    flaggedDerogations = derogations.filter { $0.flagged || $0.unused }
    hasFlaggedDerogations = !flaggedDerogations.isEmpty
    hasDerogations = !derogations.isEmpty
    unusedDerogations = derogations.filter(\.unused).count
    categories = dossier.score.categories.map { category in
      Category(
        category: escape(category.category), score: number(category.important),
        scoreWithoutDerogations: number(category.importantWithoutDerogations), met: given(category.met),
        applicable: given(category.applicable))
    }
    categoryStatus = Self.categoryStatus(dossier, ui: ui, number: number, escape: escape)
    hasCategories = !categoryStatus.isEmpty
    evidence = dossier.evidence.map { Self.evidence($0, anchor: links.evidence[$0.path] ?? "", ui: ui, escape: escape) }
    hasEvidence = !evidence.isEmpty
    attestedFiles = views.flatMap { requirement in requirement.attestations.flatMap(\.fileList) }
    hasAttestedFiles = !attestedFiles.isEmpty
    ignored = dossier.ignored.map { Skipped(path: escape($0.path), reason: escape(table.reason($0))) }
    unreadable = dossier.unreadable.map { Skipped(path: escape($0.path), reason: escape(table.reason($0))) }
    hasIgnored = !ignored.isEmpty
    hasUnreadable = !unreadable.isEmpty
    coverage = dossier.coverage.map { entry in
      Coverage(
        component: escape(entry.component), roleLabel: ui["role.\(entry.role.rawValue)"],
        percent: number(NumberFormatting.percent(entry.lines.covered, of: entry.lines.total)), threshold: given(entry.threshold),
        below: entry.isBelowThreshold, covered: entry.lines.covered,
        total: entry.lines.total, branches: entry.branches.flatMap { NumberFormatting.percent($0.covered, of: $0.total) }.map(number))
    }
    hasCoverage = !coverage.isEmpty
    var counts = SeverityCounts()
    for finding in dossier.findings where finding.suppression == nil { counts.add(finding.severity) }
    findingCounts = counts
    let risks = Self.risks(dossier, ui: ui, escape: escape)
    vulnerabilities = risks.rows
    vulnerabilityTotal = risks.rows.reduce(0) { $0 + $1.count }
    residualRisks = risks.above
    hasResidualRisks = !risks.above.isEmpty
    acceptedVulnerabilities = risks.within
    hasAcceptedVulnerabilities = !risks.within.isEmpty
    acceptedVulnerabilityCount = risks.within.count
    regression = dossier.regression.map { Self.regression($0, ui: ui, links: links, number: number, escape: escape) }
    gate = escape(dossier.gate.map { table.text(GateRule.name($0)) }.joined(separator: ", "))
    let project = dossier.project.context
    func stated(_ key: String?) -> String { ui[key ?? "context.unstated"] }
    func yesNo(_ value: Bool?) -> String { stated(value.map { $0 ? "context.yes" : "context.no" }) }
    context = Context(
      exposure: stated(project.exposure.map { "context.exposure_values.\($0.rawValue)" }),
      dataSensitivity: stated(project.dataSensitivity.map { "context.sensitivity_values.\($0.rawValue)" }),
      personalData: yesNo(project.personalData),
      hosting: stated(project.hosting.map { "context.hosting_values.\($0.rawValue)" }),
      procurement: yesNo(project.procurement),
      deployment: stated(project.deployment.map { "context.deployment_values.\($0.rawValue)" }),
      environments: project.environments.map { escape($0.joined(separator: ", ")) } ?? ui["context.unstated"])
    components = dossier.project.components.map { Component(name: escape($0.name), roleLabel: ui["role.\($0.role.rawValue)"]) }
    decision = dossier.decision.map { DecisionView($0, dossier: dossier, table: table, ui: ui, links: links, escape: escape) }
    staleDeclarations = dossier.staleDeclarations.flatMap { declarations in
      declarations.isEmpty ? nil : StaleDeclarationsView(declarations, catalogue: dossier.catalogue, table: table, links: links, escape: escape)
    }
  }

  private static func counts(_ counts: StatusCounts, ui: UILabels) -> [Count] {
    RequirementStatus.allCases.map { Count(status: $0.rawValue, label: ui["status.\($0.rawValue)"], count: counts[$0]) }
  }

  /// Status counts per category, in catalogue order, joined with the category's score.
  private static func categoryStatus(
    _ dossier: Dossier, ui: UILabels, number: (Double?) -> String, escape: (String) -> String
  ) -> [CategoryStatus] {
    var order: [String] = []
    var tallies: [String: StatusCounts] = [:]
    for result in dossier.requirements {
      if tallies[result.category] == nil { order.append(result.category) }
      tallies[result.category, default: StatusCounts()].add(result.status)
    }
    return order.map { name in
      let tally = tallies[name] ?? StatusCounts()
      let score = dossier.score.categories.first { $0.category == name }
      return CategoryStatus(
        category: escape(name), counts: counts(tally, ui: ui), total: tally.total, score: number(score?.important),
        scoreWithoutDerogations: number(score?.importantWithoutDerogations))
    }
  }

  private static func derogation(_ entry: DerogationEntry, ui: UILabels, links: Linker, escape: (String) -> String) -> Derogation {
    Derogation(
      id: escape(entry.id), requirement: escape(entry.requirement), justification: escape(entry.justification),
      measures: entry.compensatingMeasures.map(escape), approvedBy: escape(entry.approvedBy), approvedOn: entry.approvedOn,
      expiresOn: entry.expiresOn, scope: entry.scope.map(escape), state: entry.state.rawValue,
      stateLabel: ui["derogation.\(entry.state.rawValue)"], daysToExpiry: entry.daysToExpiry, daysToExpiryText: ui.count(entry.daysToExpiry, "unit.days-left"),
      flagged: entry.state == .expired || entry.state == .expiring, unused: entry.unused,
      anchor: links.derogations[entry.id] ?? "", requirementAnchor: links.requirements[entry.requirement],
      expired: entry.state == .expired, expiring: entry.state == .expiring,
      daysOverdue: max(-entry.daysToExpiry, 0), daysOverdueText: ui.count(max(-entry.daysToExpiry, 0), "unit.days"), hasScope: entry.scope != nil)
  }
}

/// Flat access to the UI labels (`ui.json`) by dotted key, the key itself when missing.
struct UILabels {
  private let labels: [String: String]

  /// The table itself, for texts that agree with a figure.
  private let table: TranslationTable

  /// `count` with the noun of `key` agreeing with it (`unit.*` in the translation tables).
  func count(_ count: Int, _ key: String) -> String { table.count(count, key) }

  /// How figures are written in this language.
  var style: NumberFormatting.Style { table.style }

  init(_ table: TranslationTable) {
    self.table = table
    var flat: [String: String] = [:]
    func walk(_ value: Any, _ prefix: String) {
      if let object = value as? [String: Any] {
        for (key, child) in object { walk(child, prefix.isEmpty ? key : "\(prefix).\(key)") }
      } else if let text = value as? String {
        flat[prefix] = text
      }
    }
    walk((try? JSONSerialization.jsonObject(with: table.uiJSON)) ?? [:], "")
    labels = flat
  }

  subscript(key: String) -> String { labels[key] ?? key }
}

extension UILabels {
  /// The label at `key` with each `{name}` replaced by its value.
  /// The label with `{name}` placeholders filled in one pass (a value is never itself substituted again).
  func format(_ key: String, _ values: [String: String]) -> String {
    var output = ""
    var rest = Substring(self[key])
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      output += rest[..<open]
      let name = String(rest[rest.index(after: open)..<close])
      output += values[name] ?? String(rest[open...close])
      rest = rest[rest.index(after: close)...]
    }
    return output + rest
  }
}
