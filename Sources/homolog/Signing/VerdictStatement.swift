import Foundation
import HomologModel

/// `verdict.intoto.json`, written by `homolog sign` beside the manifest (and signed through it): an in-toto Statement
/// v1 whose subjects are the dossier's output files (SHA-256 digests) and whose predicate is the compliance verdict,
/// for supply-chain tools that read in-toto attestations (wrap it in a DSSE envelope to sign it on its own).
struct VerdictStatement: Encodable {
  /// The statement's file name in the dossier folder.
  static let fileName = "verdict.intoto.json"
  /// The in-toto Statement layer, version 1.
  static let statementType = "https://in-toto.io/Statement/v1"
  /// The type of homolog's predicate: a compliance verdict against a requirements catalogue.
  static let predicateTypeURI = "urn:homolog:predicate:compliance-verdict:v1"

  /// A signed artifact: its name and digests.
  struct Subject: Encodable {
    var name: String
    var digest: [String: String]
  }

  /// The catalogue the verdict is against.
  struct CatalogueReference: Encodable {
    var id: String
    var version: String
    var sha256: String
  }

  /// The verdict, its score, what it was judged against and the decision proposed.
  struct Predicate: Encodable {
    var project: String
    var projectVersion: String?
    var asOf: String
    var verdict: VerdictStatus
    var eliminatory: Bool
    var eliminating: [String]
    /// The Important score in percent, nil when no Important requirement applies.
    var score: Double?
    var catalogue: CatalogueReference
    var policySha256: String?
    /// The decision proposed to the homologation authority (dossier.json's `decision.proposal`), when proposed.
    var proposal: DecisionProposal?
    /// The last day of the proposed validity, `YYYY-MM-DD`, when the proposal grants one.
    var validUntil: String?
    var generator: ToolInfo
  }

  var type = statementType
  var subject: [Subject]
  var predicateType = predicateTypeURI
  var predicate: Predicate

  private enum CodingKeys: String, CodingKey {
    case type = "_type"
    case subject
    case predicateType
    case predicate
  }

  init(dossier: Dossier, outputs: [SignedManifest.Entry]) {
    subject = outputs.sorted { $0.path < $1.path }.map { Subject(name: $0.path, digest: ["sha256": $0.sha256]) }
    predicate = Predicate(
      project: dossier.project.name, projectVersion: dossier.project.version, asOf: dossier.asOf, verdict: dossier.verdict.status,
      eliminatory: dossier.verdict.eliminatory, eliminating: dossier.verdict.eliminating, score: dossier.score.important,
      catalogue: CatalogueReference(id: dossier.catalogue.id, version: dossier.catalogue.version, sha256: dossier.catalogue.sha256),
      policySha256: dossier.policySha256, proposal: dossier.decision?.proposal, validUntil: dossier.decision?.validUntil,
      generator: dossier.generator)
  }

  /// The statement's bytes: keys sorted, in-toto's own key names (`_type`, `predicateType`), a final newline.
  var data: Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
  }
}
