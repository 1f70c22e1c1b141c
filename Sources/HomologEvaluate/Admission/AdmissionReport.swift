import HomologModel

/// The "platform admission" section: each Kyverno rule, what the platform would do with each object breaking it.
enum AdmissionReport {
  /// One entry per platform rule, in the list's order, from the results of the checks that predict them.
  /// Only observations the rule itself matches count (`enforced`, or any problem for a mutate rule).
  static func rules(_ results: [String: CheckResult]) -> [AdmissionRule] {
    PlatformRules.list.map { rule in
      guard let result = results[rule.check], result.outcome != .noEvidence else {
        return AdmissionRule(
          policy: rule.policy, check: rule.check, action: rule.action, requirement: rule.requirement, outcome: .noEvidence,
          entries: [])
      }
      let matched = result.observations.filter { $0.problem && (rule.action == .mutate || $0.enforced == true) }
      let entries = matched.map { AdmissionEntry(observation: $0, action: rule.action) }
      let outcome: AdmissionOutcome = entries.isEmpty ? .admitted : (rule.action == .mutate ? .mutated : .refusedInProduction)
      return AdmissionRule(
        policy: rule.policy, check: rule.check, action: rule.action, requirement: rule.requirement, outcome: outcome,
        entries: entries)
    }
  }
}
