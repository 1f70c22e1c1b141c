import Foundation
import HomologModel
import HomologParsing

/// Reads attestations.yaml and derogations.yaml, checked against the catalogue.
public enum DeclarationsLoader {
  /// Loads attestations; each evidence file is hashed (SHA-256) so the dossier pins what was attested.
  public static func attestations(
    _ url: URL, displayPath: String, catalogue: Catalogue, baseDirectory: URL, display: (URL) -> String
  ) throws(InputError) -> [Attestation] {
    var stale: [StaleReference] = []
    return try attestations(url, displayPath: displayPath, catalogue: catalogue, history: nil, stale: &stale, baseDirectory: baseDirectory, display: display)
  }

  /// Loads attestations; one naming an id `history` says is stale is left out and added to `stale` (any other
  /// unknown id is an error).
  public static func attestations(
    _ url: URL, displayPath: String, catalogue: Catalogue, history: RequirementHistory?, stale: inout [StaleReference], baseDirectory: URL,
    display: (URL) -> String
  ) throws(InputError) -> [Attestation] {
    let data = try FileInput.readWhole(url, displayPath: displayPath, limit: 16 << 20)
    let documents = try YAMLParser().parseDocuments(data, file: displayPath)
    guard let root = documents.first else { return [] }
    let top = try YAMLFields(root, file: displayPath, context: "attestations.yaml", isRoot: true)
    try top.rejectUnknown(["attestations"])
    var result: [Attestation] = []
    for (index, node) in (try top.list("attestations") ?? []).enumerated() {
      let fields = try YAMLFields(node, file: displayPath, context: "attestations[\(index)]")
      try fields.rejectUnknown(["requirement", "statement", "author", "date", "evidence", "links", "parts"])
      let id = try fields.requiredString("requirement")
      if let history, history.isStale(id) {
        stale.append(StaleReference(kind: .attestation, id: id, location: YAMLFields.location(node["requirement"] ?? node, displayPath), successor: history.successor(of: id)))
        continue
      }
      guard let requirement = catalogue.requirement(id) else {
        throw fields.error(
          Message(
            "declarations.unknown-requirement",
            [MessageArg("context", "attestations[\(index)]"), MessageArg("id", id), MessageArg("catalogue", catalogue.id)]
              + YAMLFields.hint(id, in: catalogue.requirements.map(\.id))),
          "attestations[\(index)]: unknown requirement '\(id)' in catalogue \(catalogue.id)\(Suggestion.phrase(id, in: catalogue.requirements.map(\.id)))",
          at: node["requirement"])
      }
      guard requirement.attestable else {
        throw fields.error(
          Message("attestation.not-attestable", [MessageArg("context", "attestations[\(index)]"), MessageArg("id", id)]),
          "attestations[\(index)]: \(id) cannot be proven by an attestation (the catalogue requires technical evidence)",
          at: node["requirement"])
      }
      let parts = try fields.stringList("parts")
      if parts?.isEmpty == true {
        throw fields.error(
          Message("attestation.parts-empty", [MessageArg("context", "attestations[\(index)]")]),
          "attestations[\(index)]: 'parts' is empty: it would cover nothing (omit it to cover every part)", at: node["parts"])
      }
      for (position, part) in (parts ?? []).enumerated() {
        guard let declared = requirement.parts.first(where: { $0.id == part }) else {
          let known = requirement.parts.map(\.id).joined(separator: ", ")
          throw fields.error(
            Message(
              "attestation.unknown-part",
              [MessageArg("field", "attestations[\(index)].parts[\(position)]"), MessageArg("id", id), MessageArg("part", part), MessageArg("known", known)]
                + YAMLFields.hint(part, in: requirement.parts.map(\.id))),
            "attestations[\(index)].parts[\(position)]: \(id) has no part '\(part)'"
              + "\(Suggestion.phrase(part, in: requirement.parts.map(\.id))) (its parts: \(known))",
            at: node["parts"]?.items?[position])
        }
        guard declared.proof.acceptsAttestation else {
          throw fields.error(
            Message(
              "attestation.part-checks-only", [MessageArg("field", "attestations[\(index)].parts[\(position)]"), MessageArg("id", id), MessageArg("part", part)]),
            "attestations[\(index)].parts[\(position)]: part '\(part)' of \(id) is proven by checks only, not by an attestation",
            at: node["parts"]?.items?[position])
        }
      }
      var files: [AttestedFile] = []
      for (position, path) in (try fields.stringList("evidence") ?? []).enumerated() {
        let file = path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)
        let shown = display(file)
        do throws(InputError) {
          try PathConfinement.check(file, inside: baseDirectory, shown: path, declaredIn: displayPath, what: "attested file")
        } catch {
          throw fields.error("attestations[\(index)].evidence[\(position)]: " + error.message, at: node["evidence"]?.items?[position])
        }
        do throws(InputError) {
          let digest = try FileInput.digest(file, displayPath: shown)
          files.append(AttestedFile(path: shown, sha256: digest.sha256, bytes: digest.bytes))
        } catch {
          throw fields.error(
            Message("attestation.unreadable-file", [MessageArg("field", "attestations[\(index)].evidence[\(position)]"), MessageArg("path", path)]),
            "attestations[\(index)].evidence[\(position)]: cannot read '\(path)' (attested files are hashed into the dossier)",
            at: node["evidence"]?.items?[position])
        }
      }
      result.append(
        Attestation(
          requirement: id, statement: try fields.requiredString("statement"), author: try fields.requiredString("author"),
          date: try fields.requiredDay("date"), evidence: files, links: try fields.stringList("links") ?? [], parts: parts,
          line: node.line))
    }
    return result
  }

  /// Loads derogations; ids must be unique and requirements known.
  public static func derogations(_ url: URL, displayPath: String, catalogue: Catalogue) throws(InputError) -> [Derogation] {
    var stale: [StaleReference] = []
    return try derogations(url, displayPath: displayPath, catalogue: catalogue, history: nil, stale: &stale)
  }

  /// Loads derogations; one naming an id `history` says is stale is left out and added to `stale` (any other unknown
  /// id is an error).
  public static func derogations(
    _ url: URL, displayPath: String, catalogue: Catalogue, history: RequirementHistory?, stale: inout [StaleReference]
  ) throws(InputError) -> [Derogation] {
    let data = try FileInput.readWhole(url, displayPath: displayPath, limit: 16 << 20)
    let documents = try YAMLParser().parseDocuments(data, file: displayPath)
    guard let root = documents.first else { return [] }
    let top = try YAMLFields(root, file: displayPath, context: "derogations.yaml", isRoot: true)
    try top.rejectUnknown(["derogations"])
    var result: [Derogation] = []
    var ids = Set<String>()
    for (index, node) in (try top.list("derogations") ?? []).enumerated() {
      let fields = try YAMLFields(node, file: displayPath, context: "derogations[\(index)]")
      try fields.rejectUnknown([
        "id", "requirement", "justification", "compensating_measures", "approved_by", "approved_on", "expires_on", "scope", "owner",
      ])
      let id = try fields.requiredString("id")
      guard ids.insert(id).inserted else { throw fields.error(
          Message("derogation.duplicate-id", [MessageArg("context", "derogations[\(index)]"), MessageArg("id", id)]), "derogations[\(index)]: duplicate derogation id '\(id)'") }
      let requirement = try fields.requiredString("requirement")
      if let history, history.isStale(requirement) {
        stale.append(
          StaleReference(
            kind: .derogation, id: requirement, location: YAMLFields.location(node["requirement"] ?? node, displayPath),
            successor: history.successor(of: requirement), declaration: id))
        continue
      }
      guard catalogue.requirement(requirement) != nil else {
        throw fields.error(
          Message(
            "declarations.unknown-requirement",
            [MessageArg("context", "derogations[\(index)]"), MessageArg("id", requirement), MessageArg("catalogue", catalogue.id)]
              + YAMLFields.hint(requirement, in: catalogue.requirements.map(\.id))),
          "derogations[\(index)]: unknown requirement '\(requirement)' in catalogue \(catalogue.id)\(Suggestion.phrase(requirement, in: catalogue.requirements.map(\.id)))",
          at: node["requirement"])
      }
      let approvedOn = try fields.requiredDay("approved_on")
      let expiresOn = try fields.requiredDay("expires_on")
      guard approvedOn <= expiresOn else {
        throw fields.error(
          Message(
            "derogation.expires-before",
            [MessageArg("context", "derogations[\(index)]"), MessageArg("expires", "\(expiresOn)"), MessageArg("approved", "\(approvedOn)")]),
          "derogations[\(index)]: expires_on \(expiresOn) is before approved_on \(approvedOn)", at: node["expires_on"])
      }
      result.append(
        Derogation(
          id: id, requirement: requirement, justification: try fields.requiredString("justification"),
          compensatingMeasures: try fields.stringList("compensating_measures") ?? [],
          approvedBy: try fields.requiredString("approved_by"), approvedOn: approvedOn, expiresOn: expiresOn,
          scope: try fields.string("scope"), owner: try fields.string("owner"), line: node.line))
    }
    return result
  }
}
