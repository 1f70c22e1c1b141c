import HomologModel

/// Fills every `text` field of a dossier from its message keys, in the table's language.
public enum Localizer {
  public static func localize(_ dossier: Dossier, with table: TranslationTable) -> Dossier {
    var dossier = dossier
    dossier.lang = table.lang
    for index in dossier.requirements.indices {
      var requirement = dossier.requirements[index]
      requirement.applicabilityText = requirement.applicability.map(table.text)
      if var attestation = requirement.attestation {
        attestation.problemText = attestation.problem.map(table.text)
        requirement.attestation = attestation
      }
      for attestationIndex in requirement.attestations.indices {
        requirement.attestations[attestationIndex].problemText = requirement.attestations[attestationIndex].problem.map(table.text)
      }
      for partIndex in requirement.parts.indices {
        requirement.parts[partIndex].reasonTexts = requirement.parts[partIndex].reasons.map(table.text)
      }
      for checkIndex in requirement.checks.indices {
        requirement.checks[checkIndex].summaryText = table.text(requirement.checks[checkIndex].summary)
        for observationIndex in requirement.checks[checkIndex].observations.indices {
          let message = requirement.checks[checkIndex].observations[observationIndex].message
          requirement.checks[checkIndex].observations[observationIndex].text = table.text(message)
        }
      }
      dossier.requirements[index] = requirement
    }
    for ruleIndex in dossier.admission.indices {
      for entryIndex in dossier.admission[ruleIndex].entries.indices {
        dossier.admission[ruleIndex].entries[entryIndex].text = table.text(dossier.admission[ruleIndex].entries[entryIndex].message)
      }
    }
    for index in dossier.ignored.indices { dossier.ignored[index].reasonText = table.reason(dossier.ignored[index]) }
    for index in dossier.unreadable.indices { dossier.unreadable[index].reasonText = table.reason(dossier.unreadable[index]) }
    if var regression = dossier.regression {
      regression.reasonTexts = regression.reasons.map(table.text)
      dossier.regression = regression
    }
    return dossier
  }
}
