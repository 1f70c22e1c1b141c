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

  /// Why an attestation of this date is not valid on `asOf` (dated in the future, older than `maxAgeDays`); nil when valid.
  static func problem(date: Day, asOf: Day, maxAgeDays: Int) -> Message? {
    let age = date.days(to: asOf)
    if age < 0 { return Message("attestation.future", [MessageArg("date", date.description)]) }
    if age > maxAgeDays { return Message("attestation.stale", [MessageArg("days", "\(age)"), MessageArg("max", "\(maxAgeDays)")]) }
    return nil
  }

  /// A recorded attestation judged again on `asOf` with another maximum age; invalid when its date does not read.
  static func revalidate(_ record: AttestationRecord, asOf: Day, maxAgeDays: Int) -> AttestationRecord {
    let problem = Day(record.date).map { Self.problem(date: $0, asOf: asOf, maxAgeDays: maxAgeDays) }
      ?? Message("attestation.unreadable-date", [MessageArg("date", record.date)])
    var revalidated = record
    if problem != record.problem { revalidated.problemText = nil }
    revalidated.problem = problem
    revalidated.valid = problem == nil
    return revalidated
  }

  private func record(_ attestation: Attestation) -> AttestationRecord {
    let problem = Self.problem(date: attestation.date, asOf: asOf, maxAgeDays: maxAgeDays)
    var record = AttestationRecord(
      requirement: attestation.requirement, statement: attestation.statement, author: attestation.author,
      date: attestation.date.description, evidence: attestation.evidence, links: attestation.links, valid: problem == nil,
      problem: problem)
    record.parts = attestation.parts
    return record
  }
}
