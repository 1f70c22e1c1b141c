import HomologEvaluate
import HomologModel
import HomologRender

/// What `init` prints after writing the starters: which evidence to add for which requirements, how to attest; in the
/// run's language (`templates/i18n/<lang>/cli.json`, keys `next.*`).
enum NextSteps {
  /// The requirements each kind of evidence lets the built-in checks judge, in catalogue order.
  static func requirements(_ catalogue: Catalogue) -> [(kind: EvidenceKind, requirements: [String])] {
    EvidenceKind.allCases.compactMap { kind in
      let checks = AllChecks.list.map { type(of: $0).doc }.filter { $0.reads.contains(kind) }.map(\.id)
      let judged = Set(checks.flatMap { CatalogueMapping.judged(by: $0, in: catalogue) })
      let ordered = catalogue.requirements.map(\.id).filter(judged.contains)
      return ordered.isEmpty ? nil : (kind, ordered)
    }
  }

  /// The text, numbered steps.
  static func text(_ catalogue: Catalogue, folder: String, pipeline: PipelineEvidence?, table: TranslationTable) -> String {
    let attestable = catalogue.requirements.filter(\.attestable).count
    var steps: [String] = []
    steps.append(
      table.text("next.evaluate", [MessageArg("where", folder.isEmpty ? "none" : "some"), MessageArg("folder", folder)]))
    var evidence = table.text("next.evidence", [MessageArg("folder", Starters.reportsFolder)])
    for (kind, ids) in requirements(catalogue) {
      evidence += "\n     - " + table.text("next.evidence-kind", [MessageArg("kind", kind.rawValue), MessageArg("ids", ids.joined(separator: ", "))])
    }
    steps.append(evidence)
    if let pipeline, !pipeline.notes.isEmpty || !(pipeline.components.isEmpty && pipeline.shared.isEmpty) {
      var ci = table.text("next.pipeline")
      for note in pipeline.notes { ci += "\n     - " + table.text(note) }
      steps.append(ci)
    }
    let components = (pipeline?.components.isEmpty ?? true) ? "declare" : "check"
    steps.append(table.text("next.context", [MessageArg("components", components)]))
    steps.append(table.text("next.attest", [.number("count", Double(attestable), decimals: 0)]))
    steps.append(table.text("next.inspect"))
    return "\n" + table.text("next.title") + "\n" + steps.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n")
  }
}
