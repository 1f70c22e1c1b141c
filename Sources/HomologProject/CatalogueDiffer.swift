import HomologModel

/// Compares two versions of a catalogue: ids paired as they are, then by statement similarity (renamed).
public enum CatalogueDiffer {
  /// The changes from `old` to `new`, each catalogue named by the path the user gave.
  public static func compare(_ old: Catalogue, path oldPath: String, with new: Catalogue, path newPath: String) -> CatalogueDiff {
    var diff = CatalogueDiff(
      old: CatalogueDiff.Side(path: oldPath, catalogue: old), new: CatalogueDiff.Side(path: newPath, catalogue: new),
      renameThreshold: TextSimilarity.thresholdPercent)
    let newIds = Set(new.requirements.map(\.id))
    let oldIds = Set(old.requirements.map(\.id))
    let gone = old.requirements.filter { !newIds.contains($0.id) }
    let arrived = new.requirements.filter { !oldIds.contains($0.id) }
    let renames = renamedPairs(gone, arrived)
    let renamedOld = Set(renames.keys)
    let renamedNew = Set(renames.values)
    let oldByNewId = Dictionary(uniqueKeysWithValues: renames.map { ($1, $0) })

    diff.removed = gone.filter { !renamedOld.contains($0.id) }.map(CatalogueDiff.Entry.init)
    diff.added = arrived.filter { !renamedNew.contains($0.id) }.map(CatalogueDiff.Entry.init)
    diff.renamed = gone.compactMap { requirement in
      renames[requirement.id].flatMap { newId in
        new.requirement(newId).map {
          CatalogueDiff.Rename(oldId: requirement.id, newId: newId, similarity: TextSimilarity.score(requirement.statement, $0.statement).percent)
        }
      }
    }
    for requirement in new.requirements {
      let renamedFrom = oldByNewId[requirement.id]
      guard let before = old.requirement(renamedFrom ?? requirement.id) else { continue }
      record(before, requirement, renamedFrom: renamedFrom, in: &diff)
    }
    return diff
  }

  /// Removed ids paired one-to-one with added ids (old id → new id): every pair whose statements are similar, best
  /// first; ties go to the pair whose old requirement comes first in OLD, then whose new one comes first in NEW.
  public static func renamedPairs(_ removed: [Requirement], _ added: [Requirement]) -> [String: String] {
    let addedWords = added.map { TextSimilarity.words($0.statement) }
    var candidates: [(score: TextSimilarity.Score, old: Int, new: Int)] = []
    for (oldIndex, requirement) in removed.enumerated() {
      let words = TextSimilarity.words(requirement.statement)
      for (newIndex, other) in addedWords.enumerated() {
        let score = TextSimilarity.score(words, other)
        if score.isSimilar { candidates.append((score, oldIndex, newIndex)) }
      }
    }
    candidates.sort { first, second in
      // Scores compare as exact fractions (1/2 and 2/4 are equal): the better one first.
      if second.score < first.score || first.score < second.score { return second.score < first.score }
      return first.old != second.old ? first.old < second.old : first.new < second.new
    }
    var pairs: [String: String] = [:]
    var takenNew = Set<Int>()
    for candidate in candidates where pairs[removed[candidate.old].id] == nil && !takenNew.contains(candidate.new) {
      pairs[removed[candidate.old].id] = added[candidate.new].id
      takenNew.insert(candidate.new)
    }
    return pairs
  }

  /// The changes between two versions of one requirement.
  private static func record(_ before: Requirement, _ after: Requirement, renamedFrom: String?, in diff: inout CatalogueDiff) {
    if CatalogueLoader.collapsed(before.statement) != CatalogueLoader.collapsed(after.statement) {
      diff.reworded.append(
        CatalogueDiff.Reword(id: after.id, oldId: renamedFrom, similarity: TextSimilarity.score(before.statement, after.statement).percent))
    }
    if before.level != after.level {
      diff.relevelled.append(CatalogueDiff.Change(id: after.id, oldId: renamedFrom, old: before.level, new: after.level))
    }
    if before.category != after.category {
      diff.recategorized.append(CatalogueDiff.Change(id: after.id, oldId: renamedFrom, old: before.category, new: after.category))
    }
    let oldParts = Dictionary(before.parts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let newParts = Dictionary(after.parts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let added = after.parts.map(\.id).filter { oldParts[$0] == nil }
    let removed = before.parts.map(\.id).filter { newParts[$0] == nil }
    let changed = after.parts.filter { part in
      oldParts[part.id].map { $0.proof != part.proof || $0.checks != part.checks } ?? false
    }.map(\.id)
    if !added.isEmpty || !removed.isEmpty || !changed.isEmpty {
      diff.parts.append(CatalogueDiff.PartsChange(id: after.id, oldId: renamedFrom, added: added, removed: removed, changed: changed))
    }
  }
}
