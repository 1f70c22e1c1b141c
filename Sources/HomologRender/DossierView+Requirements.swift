import HomologModel

/// Fragment ids of the page's link targets, by requirement id, derogation id and evidence path.
struct Linker {
  var requirements: [String: String]
  var derogations: [String: String]
  var evidence: [String: String]
}

extension DossierView {
  static func requirement(
    _ result: RequirementResult, ui: UILabels, links: Linker, lang: String, escape: (String) -> String
  ) -> Requirement {
    let attestations = result.attestations.map { attestation in
      Attestation(
        statement: escape(attestation.statement), author: escape(attestation.author), date: attestation.date,
        valid: attestation.valid, problem: attestation.problemText.map(escape),
        files: attestation.evidence.map { escape("\($0.path) (sha256 \($0.sha256))") }, links: attestation.links.map(escape),
        fileList: attestation.evidence.map { file in
          AttestedFile(
            requirement: escape(result.id), requirementAnchor: links.requirements[result.id], path: escape(file.path),
            sha256: file.sha256, bytes: NumberFormatting.grouped(file.bytes, style: NumberFormatting.Style(lang: lang)))
        })
    }
    return Requirement(
      id: escape(result.id), sourceId: escape(result.sourceId), sourceIdDiffers: result.sourceId != result.id,
      level: result.level.rawValue, levelLabel: ui["level.\(result.level.rawValue)"], primordial: result.level == .primordial,
      category: escape(result.category), title: escape(result.title), statement: escape(result.statement),
      status: result.status.rawValue, statusLabel: ui["status.\(result.status.rawValue)"], statusIcon: ui["icon.\(result.status.rawValue)"],
      basisLabel: ui["basis.\(result.basis.rawValue)"], applicability: result.applicabilityText.map(escape),
      parts: result.parts.map { part in
        Part(
          id: escape(part.id), text: escape(part.text), proof: part.proof.rawValue, proofLabel: ui["proof.\(part.proof.rawValue)"],
          checks: part.checks.map(escape), hasChecks: !part.checks.isEmpty, status: part.status.rawValue, statusLabel: ui["part_status.\(part.status.rawValue)"],
          reasons: part.reasonTexts.map(escape), note: part.note.map(escape))
      }, hasParts: !result.parts.isEmpty,
      checks: result.checks.map { check($0, ui: ui, links: links, escape: escape) },
      attestations: attestations, derogation: result.derogation.map(escape), anchor: links.requirements[result.id] ?? "",
      derogationAnchor: result.derogation.flatMap { links.derogations[$0] },
      failing: result.status.isNotMet, weight: NumberFormatting.text(
        result.weight, decimals: NumberFormatting.givenDecimals, style: NumberFormatting.Style(lang: lang)),
      hasChecks: !result.checks.isEmpty,
      hasFailingChecks: result.checks.contains { $0.outcome == .fail || $0.outcome == .noEvidence })
  }


  private static func check(_ check: CheckResult, ui: UILabels, links: Linker, escape: (String) -> String) -> Check {
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
      evidence: check.evidence.map(escape),
      evidenceLinks: check.evidence.map { Link(text: escape($0), anchor: links.evidence[$0] ?? "") },
      hasEvidence: !check.evidence.isEmpty, failing: check.outcome == .fail || check.outcome == .noEvidence)
  }
}
