import HomologModel

/// What an id that left the catalogue became: a reference catalogue (the built-in one, when a project uses its own)
/// holds the ids attestations and derogations were written against, and their statements.
///
/// An id the catalogue in use lacks but the reference has is stale. Its likely new id is the one `catalogue diff`
/// pairs it with (renamed), else the requirement of the catalogue in use whose statement is most similar to the
/// reference's (at least `TextSimilarity.thresholdPercent`, first in catalogue order on a tie: merged or split),
/// else none (removed).
public struct RequirementHistory: Sendable {
  /// The catalogue the ids come from.
  public let reference: Catalogue
  /// The catalogue in use.
  public let current: Catalogue
  private let renamed: [String: String]

  public init(reference: Catalogue, current: Catalogue) {
    self.reference = reference
    self.current = current
    let currentIds = Set(current.requirements.map(\.id))
    let referenceIds = Set(reference.requirements.map(\.id))
    renamed = CatalogueDiffer.renamedPairs(
      reference.requirements.filter { !currentIds.contains($0.id) }, current.requirements.filter { !referenceIds.contains($0.id) })
  }

  /// True when `id` is not in the catalogue in use but is in the reference.
  public func isStale(_ id: String) -> Bool {
    current.requirement(id) == nil && reference.requirement(id) != nil
  }

  /// The likely id in the catalogue in use of the reference's requirement `id`, when one is similar enough.
  public func successor(of id: String) -> String? {
    if let renamed = renamed[id] { return renamed }
    guard let old = reference.requirement(id) else { return nil }
    let words = TextSimilarity.words(old.statement)
    var best: (id: String, score: TextSimilarity.Score)?
    for requirement in current.requirements {
      let score = TextSimilarity.score(words, TextSimilarity.words(requirement.statement))
      if score.isSimilar && (best.map { $0.score < score } ?? true) { best = (requirement.id, score) }
    }
    return best?.id
  }
}

/// An attestation or derogation naming an id the catalogue in use no longer has: left out of the evaluation.
public struct StaleReference: Hashable, Sendable {
  /// Which declaration file named it.
  public typealias Kind = StaleDeclaration.Kind

  public var kind: Kind
  /// The id written in the declaration.
  public var id: String
  /// Where: the declarations file, line and column of its `requirement:` value.
  public var location: SourceLocation
  /// The likely id in the catalogue in use (`RequirementHistory.successor(of:)`).
  public var successor: String?
  /// The declaration's own id (a derogation's `id`); nil for an attestation.
  public var declaration: String?

  public init(kind: Kind, id: String, location: SourceLocation, successor: String?, declaration: String? = nil) {
    self.kind = kind
    self.id = id
    self.location = location
    self.successor = successor
    self.declaration = declaration
  }

  /// The entry recorded in the dossier.
  public var record: StaleDeclaration {
    StaleDeclaration(file: location.file, line: location.line, kind: kind, id: declaration, requirement: id, likely: successor)
  }
}
