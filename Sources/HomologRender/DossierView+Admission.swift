import HomologModel

extension DossierView {
  /// One platform rule as the admission section shows it.
  struct AdmissionRuleView: Encodable {
    var policy: String
    var check: String
    var action: String
    var actionLabel: String
    var outcome: String
    var outcomeLabel: String
    var requirement: String?
    var requirementAnchor: String?
    var entries: [AdmissionEntryView]
    var hasEntries: Bool
  }

  /// One object breaking a platform rule.
  struct AdmissionEntryView: Encodable {
    var text: String
    var object: String?
    var place: String?
    var productionLabel: String
    var otherLabel: String
  }

  static func admission(
    _ rules: [AdmissionRule], ui: UILabels, links: Linker, escape: (String) -> String
  ) -> [AdmissionRuleView] {
    rules.map { rule in
      let entries = rule.entries.map { entry in
        AdmissionEntryView(
          text: escape(entry.text),
          object: entry.object.map { escape([$0.kind, $0.namespace, $0.name].compactMap { $0 }.joined(separator: "/")) },
          place: entry.location.map { escape($0.description) } ?? entry.evidence.map(escape),
          productionLabel: ui["admission.outcome.\(entry.production.rawValue)"],
          otherLabel: ui["admission.outcome.\(entry.otherEnvironments.rawValue)"])
      }
      return AdmissionRuleView(
        policy: escape(rule.policy), check: escape(rule.check), action: rule.action.rawValue,
        actionLabel: ui["admission.action.\(rule.action.rawValue)"], outcome: rule.outcome.rawValue,
        outcomeLabel: ui["admission.outcome.\(rule.outcome.rawValue)"], requirement: rule.requirement.map(escape),
        requirementAnchor: rule.requirement.flatMap { links.requirements[$0] }, entries: entries, hasEntries: !entries.isEmpty)
    }
  }
}

extension DossierView {
  /// How many failed results of one policy the admission section lists.
  static let reportedListed = 25

  /// One policy as the cluster reported it (PolicyReports), beside the predicted rules.
  struct ReportedPolicyView: Encodable {
    var policy: String
    var check: String?
    var counts: String
    var results: [ReportedResultView]
    var hasResults: Bool
    var more: Int?
  }

  /// One failed result the cluster reported.
  struct ReportedResultView: Encodable {
    var status: String
    var statusLabel: String
    var rule: String?
    var object: String?
    var message: String?
    var place: String?
  }

  static func reported(_ policies: [ReportedPolicy], ui: UILabels, escape: (String) -> String) -> [ReportedPolicyView] {
    policies.map { policy in
      let counts = policy.counts
      let figures: [(PolicyResultStatus, Int)] = [
        (.pass, counts.pass), (.fail, counts.fail), (.warn, counts.warn), (.error, counts.error), (.skip, counts.skip),
      ]
      let text = figures.filter { $0.1 > 0 }.map { "\(ui["admission.reported.status.\($0.0.rawValue)"]) \($0.1)" }.joined(separator: " · ")
      let results = policy.results.prefix(reportedListed).map { result in
        ReportedResultView(
          status: result.status.rawValue, statusLabel: ui["admission.reported.status.\(result.status.rawValue)"],
          rule: result.rule.map(escape),
          object: result.object.map { escape([$0.kind, $0.namespace, $0.name].compactMap { $0 }.joined(separator: "/")) },
          message: result.message.map(escape),
          place: result.location.map { escape($0.description) } ?? result.evidence.map(escape))
      }
      let more = policy.results.count - results.count
      return ReportedPolicyView(
        policy: escape(policy.policy), check: policy.check.map(escape), counts: text, results: results,
        hasResults: !results.isEmpty, more: more > 0 ? more : nil)
    }
  }
}
