import HomologModel

extension DossierView {
  /// One row of the provenance table: the file, its hash and what was read from it (zero counts left out).
  static func evidence(_ file: EvidenceSummary, anchor: String, ui: UILabels, escape: (String) -> String) -> Evidence {
    let style = ui.style
    return Evidence(
      path: escape(file.path), format: escape(file.format.rawValue),
      tool: escape([file.tool?.name, file.tool?.version].compactMap { $0 }.joined(separator: " ")), sha256: file.sha256,
      bytes: file.bytes, generatedAt: file.generatedAt.map(escape), components: escape(file.components.joined(separator: ", ")),
      anchor: anchor, bytesText: NumberFormatting.grouped(file.bytes, style: style), findingsTotal: file.findings?.total,
      findingsText: file.findings.flatMap { $0.total > 0 ? ui.count($0.total, "unit.findings") : nil },
      coveragePercent: file.coverage.flatMap { NumberFormatting.percent($0.lines.covered, of: $0.lines.total) }.map {
        NumberFormatting.text($0, style: style)
      },
      testsTotal: file.tests?.total, testsText: file.tests.flatMap { $0.total > 0 ? ui.count($0.total, "unit.tests") : nil },
      testsBroken: file.tests.map { $0.failed + $0.errored }, testsBrokenText: file.tests.map { ui.count($0.failed + $0.errored, "unit.tests-broken") },
      qualityGate: file.qualityGate.map { escape($0.rawValue) }, kubernetesObjects: file.kubernetesObjects,
      kubernetesObjectsText: file.kubernetesObjects.flatMap { $0 > 0 ? ui.count($0, "unit.kubernetes-objects") : nil })
  }

  /// The changes against the baseline dossier.
  static func regression(
    _ regression: HomologModel.Regression, ui: UILabels, links: Linker, number: (Double?) -> String,
    escape: (String) -> String
  ) -> Regression {
    let changes = regression.statusChanges.map { change in
      StatusChange(
        requirement: escape(change.requirement), anchor: links.requirements[change.requirement],
        before: change.before.rawValue, beforeLabel: ui["status.\(change.before.rawValue)"], after: change.after.rawValue,
        afterLabel: ui["status.\(change.after.rawValue)"], worse: change.before.isMetWithDerogations && change.after.isNotMet)
    }
    let coverage = regression.coverageChanges.map { change in
      CoverageChange(
        component: escape(change.component), before: number(change.before), after: number(change.after),
        dropped: change.isDown)
    }
    return Regression(
      baselineAsOf: escape(regression.baselineAsOf), isRegression: regression.isRegression, reasons: regression.reasonTexts.map(escape),
      newFindings: regression.newFindings.count, newFindingsText: ui.count(regression.newFindings.count, "unit.new-findings"),
      fixedFindings: regression.fixedFindings.count, fixedFindingsText: ui.count(regression.fixedFindings.count, "unit.fixed-findings"),
      scoreBefore: number(regression.scoreBefore), scoreAfter: number(regression.scoreAfter),
      statusChanges: regression.statusChanges.map {
        escape("\($0.requirement): \(ui["status.\($0.before.rawValue)"]) → \(ui["status.\($0.after.rawValue)"])")
      },
      newFindingList: regression.newFindings.map { findingRow($0, ui: ui, escape: escape) },
      fixedFindingList: regression.fixedFindings.map { findingRow($0, ui: ui, escape: escape) },
      coverageChanges: coverage, derogationsAdded: regression.derogationsAdded.map(escape),
      derogationsExpired: regression.derogationsExpired.map(escape), statusChangeList: changes,
      hasCoverageChanges: !coverage.isEmpty, hasStatusChanges: !changes.isEmpty,
      hasDerogationChanges: !regression.derogationsAdded.isEmpty || !regression.derogationsExpired.isEmpty,
      hasNewFindings: !regression.newFindings.isEmpty, hasFixedFindings: !regression.fixedFindings.isEmpty,
      hasReasons: !regression.reasonTexts.isEmpty)
  }
}
