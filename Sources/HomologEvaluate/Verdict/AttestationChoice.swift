import HomologModel

/// Every attestation judged on the evaluation date: the valid ones prove, the others are shown with their problem.
///
/// A valid attestation is dated, not in the future and not older than the policy's maximum age. The newest valid
/// one is used; one dated in the future never hides an older valid one.
struct AttestationChoice {
  let attestations: [Attestation]
  let asOf: Day
  let maxAgeDays: Int

  /// The requirement's attestations, newest first, and the valid ones among them (newest first).
  func records(for requirement: String) -> (all: [AttestationRecord], valid: [AttestationRecord]) {
    let all = attestations.filter { $0.requirement == requirement }
      .sorted { $0.date != $1.date ? $0.date > $1.date : $0.line < $1.line }
      .map(record)
    return (all, all.filter(\.valid))
  }

  private func record(_ attestation: Attestation) -> AttestationRecord {
    let age = attestation.date.days(to: asOf)
    var problem: Message?
    if age < 0 {
      problem = Message("attestation.future", [MessageArg("date", attestation.date.description)])
    } else if age > maxAgeDays {
      problem = Message("attestation.stale", [MessageArg("days", "\(age)"), MessageArg("max", "\(maxAgeDays)")])
    }
    var record = AttestationRecord(
      requirement: attestation.requirement, statement: attestation.statement, author: attestation.author,
      date: attestation.date.description, evidence: attestation.evidence, links: attestation.links, valid: problem == nil,
      problem: problem)
    record.parts = attestation.parts
    return record
  }
}
