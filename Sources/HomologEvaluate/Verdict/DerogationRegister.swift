import HomologModel

/// The derogation register: each derogation's state on the evaluation date and whether it is used.
enum DerogationRegister {
  /// True when approved on or before `day` and expiring on or after it.
  static func isInForce(_ derogation: Derogation, on day: Day) -> Bool {
    derogation.approvedOn <= day && day <= derogation.expiresOn
  }

  static func entries(_ derogations: [Derogation], requirements: [RequirementResult], asOf: Day, warningDays: Int) -> [DerogationEntry] {
    derogations.sorted { ($0.expiresOn, $0.id) < ($1.expiresOn, $1.id) }.map { derogation in
      let days = asOf.days(to: derogation.expiresOn)
      let state: DerogationState =
        derogation.approvedOn > asOf ? .notYetValid : days < 0 ? .expired : days <= warningDays ? .expiring : .active
      let used = requirements.contains { $0.derogation == derogation.id }
      return DerogationEntry(
        id: derogation.id, requirement: derogation.requirement, justification: derogation.justification,
        compensatingMeasures: derogation.compensatingMeasures, approvedBy: derogation.approvedBy,
        approvedOn: derogation.approvedOn.description, expiresOn: derogation.expiresOn.description, scope: derogation.scope,
        state: state, daysToExpiry: days, unused: (state == .active || state == .expiring) && !used, owner: derogation.owner)
    }
  }
}
