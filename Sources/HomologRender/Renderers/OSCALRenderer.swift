import Foundation
import HomologModel

/// `oscal-assessment-results.json`: OSCAL 1.1 assessment results. Each requirement is an objective (local
/// definitions) and a reviewed control; each check result (or attestation, or the lack of either) an
/// observation; each requirement not met (non conforme, non évalué, dérogation) a finding targeting its
/// objective; each derogation a risk (`deviation-approved` while in force, `open` once expired,
/// `deviation-requested` before its approval date) with the expiry as deadline. UUIDs derive from stable
/// strings (`StableUUID`) and the only date is the dossier's `as_of`, so outputs are byte-identical.
public struct OSCALRenderer: Renderer {
  public static let format = "oscal"
  public static let fileName = "oscal-assessment-results.json"
  static let oscalVersion = "1.1.2"
  static let namespace = "urn:x-homolog:oscal"

  public init() {}

  public func render(_ dossier: Dossier, context: RenderContext) throws(InputError) -> Data {
    let document = Self.document(dossier, table: context.table)
    do {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      var data = try encoder.encode(document)
      data.append(0x0A)
      return data
    } catch {
      throw InputError("cannot encode oscal-assessment-results.json: \(error)")
    }
  }

  // swiftlint:disable:next function_body_length
  static func document(_ dossier: Dossier, table: TranslationTable) -> Document {
    let key = [dossier.project.name, dossier.project.version ?? "", dossier.catalogue.id, dossier.catalogue.version, dossier.asOf]
    func uuid(_ parts: String...) -> String { StableUUID.make(key + parts) }
    let timestamp = "\(dossier.asOf)T00:00:00Z"
    let derogations = Dictionary(dossier.derogations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    var objectives: [LocalObjective] = []
    var observations: [Observation] = []
    var findings: [OSCALFinding] = []
    var risks: [Risk] = []
    for requirement in dossier.requirements {
      let control = token(requirement.id)
      objectives.append(
        LocalObjective(
          controlId: control, description: line(requirement.title),
          props: props([
            ("level", requirement.level.rawValue), ("category", requirement.category), ("source-id", requirement.sourceId),
            ("weight", NumberFormatting.text(requirement.weight, decimals: NumberFormatting.givenDecimals, style: .plain)),
          ]),
          parts: [Part(name: "objective", prose: requirement.statement.isEmpty ? requirement.title : requirement.statement)]))

      var related: [String] = []
      for check in requirement.checks {
        let id = uuid("observation", requirement.id, check.id)
        related.append(id)
        var lines = [
          table.text(
            "oscal.check", [MessageArg("check", check.id), MessageArg("outcome", check.outcome.rawValue), MessageArg("summary", check.summaryText)])
        ]
        lines += check.observations.map { observation in
          "- \(observation.text)" + (observation.location.map { " (\($0))" } ?? observation.evidence.map { " (\($0))" } ?? "")
        }
        observations.append(
          Observation(
            uuid: id, title: line("\(requirement.id) · \(check.id)"), description: lines.joined(separator: "\n"),
            props: props([("check", check.id), ("outcome", check.outcome.rawValue)]), methods: ["TEST"], types: ["control-objective"],
            relevantEvidence: check.evidence.isEmpty ? nil : check.evidence.map { RelevantEvidence(href: $0, description: $0) },
            collected: timestamp))
      }
      for (position, attestation) in requirement.attestations.enumerated() {
        let id = uuid("observation", requirement.id, "attestation", "\(position)")
        related.append(id)
        observations.append(
          Observation(
            uuid: id, title: line("\(requirement.id) · attestation"),
            description: "\(attestation.statement)\n— \(attestation.author), \(attestation.date)"
              + (attestation.problemText.map { "\n\($0)" } ?? ""),
            props: props([("author", attestation.author), ("valid", attestation.valid ? "true" : "false")]), methods: ["EXAMINE"],
            types: ["control-objective"],
            relevantEvidence: attestation.evidence.isEmpty && attestation.links.isEmpty
              ? nil
              : attestation.evidence.map { RelevantEvidence(href: $0.path, description: "\($0.path) (sha256 \($0.sha256))") }
                + attestation.links.map { RelevantEvidence(href: $0, description: $0) },
            collected: timestamp))
      }
      if related.isEmpty {
        let id = uuid("observation", requirement.id, "status")
        related.append(id)
        let text = requirement.applicabilityText ?? table.text(Message("oscal.no-evidence"))
        observations.append(
          Observation(
            uuid: id, title: line("\(requirement.id) · \(table.text(Message("decision.status.\(requirement.status.rawValue)")))"), description: text,
            props: props([("status", requirement.status.rawValue)]), methods: ["EXAMINE"], types: ["control-objective"],
            relevantEvidence: nil, collected: timestamp))
      }

      var riskIds: [String] = []
      if let derogationId = requirement.derogation ?? dossier.derogations.first(where: { $0.requirement == requirement.id })?.id,
        let derogation = derogations[derogationId]
      {
        let id = uuid("risk", derogation.id)
        riskIds.append(id)
        risks.append(risk(derogation, uuid: id, mitigation: { uuid("mitigation", derogation.id, String($0)) }, related: related))
      }
      guard requirement.status.isNotMet || requirement.status == .derogation else { continue }
      let statusText = table.text(Message("decision.status.\(requirement.status.rawValue)"))
      findings.append(
        OSCALFinding(
          uuid: uuid("finding", requirement.id), title: line("\(requirement.id): \(requirement.title)"),
          description: line("\(statusText) — \(requirement.title)"),
          props: props([("status", requirement.status.rawValue), ("level", requirement.level.rawValue)]),
          target: Target(
            type: "objective-id", targetId: control, title: line(requirement.title),
            status: ObjectiveStatus(state: "not-satisfied", reason: requirement.status == .derogation ? "other" : "fail")),
          relatedObservations: related.map { RelatedObservation(observationUuid: $0) },
          relatedRisks: riskIds.isEmpty ? nil : riskIds.map { RelatedRisk(riskUuid: $0) }))
    }
    // Derogations whose requirement is not in the dossier still belong in the register.
    for derogation in dossier.derogations where !dossier.requirements.contains(where: { $0.id == derogation.requirement }) {
      risks.append(risk(derogation, uuid: uuid("risk", derogation.id), mitigation: { uuid("mitigation", derogation.id, String($0)) }, related: []))
    }

    let result = Result(
      uuid: uuid("result"), title: line("\(dossier.catalogue.title) — \(dossier.project.name)"),
      description: line(
        table.text(
          "oscal.result",
          [
            MessageArg("verdict", dossier.verdict.status.rawValue),
            dossier.score.important.map { .number("score", $0) } ?? MessageArg("score", table.text("summary.no-score")),
          ])),
      start: timestamp, end: timestamp,
      props: props([
        ("verdict", dossier.verdict.status.rawValue), ("important-score", dossier.score.important.map(Self.score) ?? "n/a"),
        ("eliminating", dossier.verdict.eliminating.joined(separator: " ")),
      ]),
      reviewedControls: ReviewedControls(
        controlSelections: [ControlSelection(includeControls: dossier.requirements.map { SelectControl(controlId: token($0.id)) })]),
      observations: observations.isEmpty ? nil : observations, risks: risks.isEmpty ? nil : risks,
      findings: findings.isEmpty ? nil : findings)
    let metadata = Metadata(
      title: line("\(table.text(Message("oscal.title"))) — \(dossier.project.name)"), lastModified: timestamp,
      version: dossier.project.version.map(line) ?? dossier.asOf, oscalVersion: oscalVersion,
      props: props([
        ("catalogue", dossier.catalogue.id), ("catalogue-version", dossier.catalogue.version), ("catalogue-sha256", dossier.catalogue.sha256),
        ("generator", "\(dossier.generator.name) \(dossier.generator.version ?? "")"), ("organisation", dossier.project.organisation ?? ""),
      ]))
    return Document(
      assessmentResults: AssessmentResults(
        uuid: uuid("assessment-results"), metadata: metadata,
        importAp: ImportAp(
          href: "#assessment-plan",
          remarks: table.text(
            "oscal.no-plan",
            [
              MessageArg("catalogue", dossier.catalogue.id), MessageArg("version", dossier.catalogue.version),
              MessageArg("sha256", dossier.catalogue.sha256),
            ])),
        localDefinitions: LocalDefinitions(objectivesAndMethods: objectives.isEmpty ? nil : objectives), results: [result]))
  }

  static func risk(_ derogation: DerogationEntry, uuid: String, mitigation: (Int) -> String, related: [String]) -> Risk {
    let status: String
    switch derogation.state {
    case .active, .expiring: status = "deviation-approved"
    case .expired: status = "open"
    case .notYetValid: status = "deviation-requested"
    }
    let measures = derogation.compensatingMeasures.enumerated().map { MitigatingFactor(uuid: mitigation($0.offset), description: $0.element) }
    return Risk(
      uuid: uuid, title: line("\(derogation.id) — \(derogation.requirement)"), description: derogation.justification,
      statement: derogation.justification,
      props: props([
        ("derogation", derogation.id), ("requirement", derogation.requirement), ("approved-by", derogation.approvedBy),
        ("approved-on", derogation.approvedOn), ("state", derogation.state.rawValue), ("scope", derogation.scope ?? ""),
      ]),
      status: status, mitigatingFactors: measures.isEmpty ? nil : measures, deadline: "\(derogation.expiresOn)T00:00:00Z",
      relatedObservations: related.isEmpty ? nil : related.map { RelatedObservation(observationUuid: $0) })
  }

  /// Properties with homolog's namespace; empty values left out (OSCAL values have no surrounding blanks).
  static func props(_ pairs: [(String, String)]) -> [Property]? {
    let list = pairs.compactMap { name, value -> Property? in
      let text = line(value)
      return text.isEmpty ? nil : Property(name: name, value: text, ns: namespace)
    }
    return list.isEmpty ? nil : list
  }

  /// One line, blanks collapsed and trimmed (OSCAL titles and property values are single-line).
  static func line(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
  }

  /// An OSCAL token: letters, digits, `_`, `-`, `.`, starting with a letter or `_`.
  static func token(_ text: String) -> String {
    var out = String(text.unicodeScalars.map { scalar -> Character in
      CharacterSet.alphanumerics.contains(scalar) || "_-.".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
    })
    if let first = out.unicodeScalars.first, !(CharacterSet.letters.contains(first) || first == "_") { out = "_" + out }
    return out.isEmpty ? "_" : out
  }

  /// A score in the plain style (a point, no trailing zero), as OSCAL properties are read by machines.
  static func score(_ value: Double) -> String { NumberFormatting.text(value, style: .plain) }
}
