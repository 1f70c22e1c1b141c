import Foundation
import HomologModel

/// The dossier prepared for templates: localized labels, formatted figures and pre-sorted lists,
/// because Mustache templates have no logic. Every evidence string goes through `escape`
/// (Markdown escaping for `dossier.md`; identity for HTML, where Mustache escapes).
struct DossierView: Encodable {
  struct Count: Encodable {
    var status: String
    var label: String
    var count: Int
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
  }
  struct Attestation: Encodable {
    var statement: String
    var author: String
    var date: String
    var valid: Bool
    var problem: String?
    var files: [String]
    var links: [String]
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
    var checks: [Check]
    var attestation: Attestation?
    var derogation: String?
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
    var flagged: Bool
    var unused: Bool
  }
  struct Category: Encodable {
    var category: String
    var score: String
    var scoreWithoutDerogations: String
    var met: String
    var applicable: String
  }
  struct Evidence: Encodable {
    var path: String
    var format: String
    var tool: String
    var sha256: String
    var bytes: Int
    var generatedAt: String?
    var components: String
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
  }
  struct Regression: Encodable {
    var baselineAsOf: String
    var isRegression: Bool
    var reasons: [String]
    var newFindings: Int
    var fixedFindings: Int
    var scoreBefore: String
    var scoreAfter: String
    var statusChanges: [String]
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

  // swiftlint:disable:next function_body_length
  init(_ dossier: Dossier, table: TranslationTable, escape: (String) -> String) {
    let ui = UILabels(table)
    func number(_ value: Double?) -> String { value.map { Self.decimal($0, lang: table.lang) } ?? ui["score.none"] }
    lang = table.lang
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
    counts = RequirementStatus.allCases.map { Count(status: $0.rawValue, label: ui["status.\($0.rawValue)"], count: dossier.counts[$0]) }
    total = dossier.counts.total

    let views = dossier.requirements.map { Self.requirement($0, ui: ui, escape: escape) }
    requirements = views
    let failing = views.filter { $0.status == RequirementStatus.nonConforme.rawValue || $0.status == RequirementStatus.nonEvalue.rawValue }
    primordialFailures = failing.filter(\.primordial)
    otherFailures = failing.filter { !$0.primordial }
    hasPrimordialFailures = !primordialFailures.isEmpty
    hasOtherFailures = !otherFailures.isEmpty
    hasFailures = !failing.isEmpty

    derogations = dossier.derogations.map { entry in
      Derogation(
        id: escape(entry.id), requirement: escape(entry.requirement), justification: escape(entry.justification),
        measures: entry.compensatingMeasures.map(escape), approvedBy: escape(entry.approvedBy), approvedOn: entry.approvedOn,
        expiresOn: entry.expiresOn, scope: entry.scope.map(escape), state: entry.state.rawValue,
        stateLabel: ui["derogation.\(entry.state.rawValue)"], daysToExpiry: entry.daysToExpiry,
        flagged: entry.state == .expired || entry.state == .expiring, unused: entry.unused)
    }
    flaggedDerogations = derogations.filter { $0.flagged || $0.unused }
    hasFlaggedDerogations = !flaggedDerogations.isEmpty
    hasDerogations = !derogations.isEmpty
    categories = dossier.score.categories.map { category in
      Category(
        category: escape(category.category), score: number(category.important),
        scoreWithoutDerogations: number(category.importantWithoutDerogations), met: Self.decimal(category.met, lang: table.lang),
        applicable: Self.decimal(category.applicable, lang: table.lang))
    }
    evidence = dossier.evidence.map { file in
      Evidence(
        path: escape(file.path), format: escape(file.format.rawValue),
        tool: escape([file.tool?.name, file.tool?.version].compactMap { $0 }.joined(separator: " ")), sha256: file.sha256,
        bytes: file.bytes, generatedAt: file.generatedAt.map(escape), components: escape(file.components.joined(separator: ", ")))
    }
    ignored = dossier.ignored.map { Skipped(path: escape($0.path), reason: escape($0.reason)) }
    unreadable = dossier.unreadable.map { Skipped(path: escape($0.path), reason: escape($0.reason)) }
    coverage = dossier.coverage.map { entry in
      Coverage(
        component: escape(entry.component), roleLabel: ui["role.\(entry.role.rawValue)"], percent: number(entry.percent),
        threshold: number(entry.threshold), below: (entry.percent ?? 0) < (entry.threshold ?? 0), covered: entry.lines.covered,
        total: entry.lines.total)
    }
    var counts = SeverityCounts()
    for finding in dossier.findings where finding.suppression == nil { counts.add(finding.severity) }
    findingCounts = counts
    regression = dossier.regression.map { regression in
      Regression(
        baselineAsOf: regression.baselineAsOf, isRegression: regression.isRegression, reasons: regression.reasonTexts.map(escape),
        newFindings: regression.newFindings.count, fixedFindings: regression.fixedFindings.count,
        scoreBefore: number(regression.scoreBefore), scoreAfter: number(regression.scoreAfter),
        statusChanges: regression.statusChanges.map {
          escape("\($0.requirement): \(ui["status.\($0.before.rawValue)"]) → \(ui["status.\($0.after.rawValue)"])")
        })
    }
    gate = escape(dossier.gate.joined(separator: ", "))
  }

  private static func requirement(_ result: RequirementResult, ui: UILabels, escape: (String) -> String) -> Requirement {
    Requirement(
      id: escape(result.id), sourceId: escape(result.sourceId), sourceIdDiffers: result.sourceId != result.id,
      level: result.level.rawValue, levelLabel: ui["level.\(result.level.rawValue)"], primordial: result.level == .primordial,
      category: escape(result.category), title: escape(result.title), statement: escape(result.statement),
      status: result.status.rawValue, statusLabel: ui["status.\(result.status.rawValue)"], statusIcon: ui["icon.\(result.status.rawValue)"],
      basisLabel: ui["basis.\(result.basis.rawValue)"], applicability: result.applicabilityText.map(escape),
      checks: result.checks.map { check in
        let observations = check.observations.map { observation in
          Observation(
            text: escape(observation.text), problem: observation.problem, severity: observation.severity?.rawValue,
            severityLabel: observation.severity.map { ui["severity.\($0.rawValue)"] },
            place: observation.location.map { escape($0.description) } ?? observation.evidence.map(escape),
            object: observation.object.map { object in
              escape(
                [object.kind, object.namespace, object.name].compactMap { $0 }.joined(separator: "/")
                  + (object.container.map { " [\($0)]" } ?? "") + (object.helmSource.map { " (\($0))" } ?? ""))
            }, enforced: observation.enforced ?? false)
        }
        return Check(
          id: escape(check.id), outcome: check.outcome.rawValue, outcomeLabel: ui["outcome.\(check.outcome.rawValue)"],
          summary: escape(check.summaryText), observations: observations, hasObservations: !observations.isEmpty,
          evidence: check.evidence.map(escape))
      },
      attestation: result.attestation.map { attestation in
        Attestation(
          statement: escape(attestation.statement), author: escape(attestation.author), date: attestation.date,
          valid: attestation.valid, problem: attestation.problemText.map(escape),
          files: attestation.evidence.map { escape("\($0.path) (sha256 \($0.sha256))") }, links: attestation.links.map(escape))
      }, derogation: result.derogation.map(escape))
  }

  /// A figure with one decimal and the language's decimal separator (`72,5` in French).
  static func decimal(_ value: Double, lang: String) -> String {
    let text = value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    return lang == "fr" ? text.replacingOccurrences(of: ".", with: ",") : text
  }
}

/// Flat access to the UI labels (`ui.json`) by dotted key, the key itself when missing.
struct UILabels {
  private let labels: [String: String]

  init(_ table: TranslationTable) {
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
