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
