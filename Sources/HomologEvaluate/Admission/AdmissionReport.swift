import HomologModel

/// The "platform admission" section: each Kyverno rule, what the platform would do with each object breaking it.
enum AdmissionReport {
  /// One entry per platform rule, in the list's order, from the results of the checks that predict them.
  /// Only observations the rule itself matches count (`enforced`, or any problem for a mutate rule). A rule whose
  /// check reads the project's policy (`restrict-image-registry`) is judged under the platform's own list, not the
  /// project's: what the cluster admits does not depend on homolog.yaml; `need-liveness-readiness` judges Jobs' and
  /// CronJobs' containers too, as the rule does.
  static func rules(_ results: [String: CheckResult], evidence: EvidenceSet) -> [AdmissionRule] {
    // Refusals happen in production: not when the stated environments hold none (unstated: assumed deployed there).
    let inProduction = evidence.context.environments.map { $0.contains(where: isProduction) } ?? true
    var platform = evidence
    platform.policy.allowedRegistries = Policy.platformRegistries
    let registries = AllowedRegistriesCheck().evaluate(platform)
    // Kyverno's need-liveness-readiness asks every container for a probe, Jobs' and CronJobs' included, where the
    // CCT check judges long-running workloads only.
    let probes = ProbesCheck(judgesBatch: true).evaluate(evidence)
    return PlatformRules.list.map { rule in
      let result = rule.check == registries.id ? registries : (rule.check == probes.id ? probes : results[rule.check])
      guard let result, result.outcome != .noEvidence else {
        return AdmissionRule(
          policy: rule.policy, check: rule.check, action: rule.action, requirement: rule.requirement, outcome: .noEvidence,
          entries: [])
      }
      let matched = result.observations.filter { $0.problem && (rule.action == .mutate || $0.enforced == true) }
      let entries = matched.map { AdmissionEntry(observation: $0, action: rule.action, inProduction: inProduction) }
      let outcome: AdmissionOutcome =
        entries.isEmpty ? .admitted : (rule.action == .mutate ? .mutated : (inProduction ? .refusedInProduction : .audited))
      return AdmissionRule(
        policy: rule.policy, check: rule.check, action: rule.action, requirement: rule.requirement, outcome: outcome,
        entries: entries)
    }
  }

  /// An environment name that means production (`prod`, `production`, `prd`, and suffixed forms like `prod-eu`).
  static func isProduction(_ name: String) -> Bool {
    let lowered = name.lowercased()
    return ["prod", "production", "prd"].contains { lowered == $0 || lowered.hasPrefix($0 + "-") || lowered.hasPrefix($0 + "_") }
  }
}
