import HomologModel

/// Turns loaded inputs into the dossier model: runs the checks, judges every requirement, scores, registers derogations.
public enum Evaluator {
  public static func evaluate(_ input: EvaluationInput) -> Dossier {
    let wanted = Set(input.catalogue.requirements.flatMap(\.checks)).union(PlatformRules.checks)
    var results: [String: CheckResult] = [:]
    for check in AllChecks.list where wanted.contains(check.id) {
      results[check.id] = check.evaluate(input.evidence)
    }
    let choice = AttestationChoice(
      attestations: input.attestations, asOf: input.asOf, maxAgeDays: input.evidence.policy.attestationMaxAgeDays)
    let judge = RequirementJudge(context: input.evidence.context, results: results, derogations: input.derogations, asOf: input.asOf)
    let requirements = input.catalogue.requirements.map { judge.judge($0, attestations: choice) }
    var counts = StatusCounts()
    for requirement in requirements { counts.add(requirement.status) }

    let catalogue = CatalogueSummary(
      id: input.catalogue.id, title: input.catalogue.title, version: input.catalogue.version, sha256: input.catalogue.sha256)
    var dossier = Dossier(
      generator: input.generator, asOf: input.asOf.description, lang: input.lang, project: input.project,
      catalogue: catalogue, verdict: Scoring.verdict(requirements), score: Scoring.score(requirements), counts: counts,
      requirements: requirements,
      derogations: DerogationRegister.entries(
        input.derogations, requirements: requirements, asOf: input.asOf,
        warningDays: input.evidence.policy.derogationWarningDays),
      evidence: EvidenceDigest.summaries(input.evidence), ignored: input.ignored, unreadable: input.unreadable,
      findings: EvidenceDigest.findings(input.evidence, requirements: requirements), coverage: EvidenceDigest.coverage(input.evidence),
      tests: EvidenceDigest.tests(input.evidence), policy: input.evidence.policy, admission: AdmissionReport.rules(results, evidence: input.evidence))
    dossier.policySha256 = PolicyDigest.sha256(input.evidence.policy)
    dossier.admissionReported = AdmissionReport.reported(input.evidence)
    dossier.decision = HomologationDecider.decide(dossier, policy: input.decision, asOf: input.asOf)
    dossier.staleDeclarations = input.staleDeclarations.isEmpty ? nil : input.staleDeclarations
    return dossier
  }
}
