import Foundation
import HomologModel
import HomologProject
import XCTest

final class CatalogueDifferTests: XCTestCase {
  private func requirement(_ id: String, _ statement: String, level: Level = .important, category: String = "Cat", checks: [String] = [])
    -> Requirement
  {
    Requirement(id: id, sourceId: id, level: level, category: category, title: "T", statement: statement, checks: checks, attestable: checks.isEmpty)
  }

  private func catalogue(_ requirements: [Requirement]) -> Catalogue {
    Catalogue(id: "c", title: "C", version: "1", source: nil, requirements: requirements, sha256: String(repeating: "0", count: 64))
  }

  func testARenamedRequirementCarriesItsOldIdInTheOtherChanges() {
    let old = catalogue([requirement("R-1", "aa bb cc dd ee ff", category: "Une"), requirement("R-2", "gg hh", checks: ["x.a"])])
    let new = catalogue([
      requirement("R-10", "aa bb cc dd ee zz", level: .primordial, category: "Deux"), requirement("R-2", "gg hh", checks: ["x.b"]),
    ])
    let diff = CatalogueDiffer.compare(old, path: "old.yaml", with: new, path: "new.yaml")
    XCTAssertEqual(diff.added, [])
    XCTAssertEqual(diff.removed, [])
    // 5 words shared of 7.
    XCTAssertEqual(diff.renamed, [CatalogueDiff.Rename(oldId: "R-1", newId: "R-10", similarity: 71.4)])
    XCTAssertEqual(diff.reworded, [CatalogueDiff.Reword(id: "R-10", oldId: "R-1", similarity: 71.4)])
    XCTAssertEqual(diff.relevelled, [CatalogueDiff.Change(id: "R-10", oldId: "R-1", old: .important, new: .primordial)])
    XCTAssertEqual(diff.recategorized, [CatalogueDiff.Change(id: "R-10", oldId: "R-1", old: "Une", new: "Deux")])
    XCTAssertEqual(diff.parts, [CatalogueDiff.PartsChange(id: "R-2", oldId: nil, added: [], removed: [], changed: ["all"])])
  }

  func testPairsAreOneToOneBestFirstTiesInCatalogueOrder() {
    // R-B is 4/4 alike with N-1 and N-2, R-A 3/4 with each: R-B takes N-1 (first in NEW), R-A gets N-2.
    let removed = [requirement("R-A", "aa bb cc"), requirement("R-B", "aa bb cc dd")]
    let added = [requirement("N-1", "aa bb cc dd"), requirement("N-2", "aa bb cc dd")]
    XCTAssertEqual(CatalogueDiffer.renamedPairs(removed, added), ["R-B": "N-1", "R-A": "N-2"])
    // Two removed equally like one added: the first in OLD's order takes it, the other stays removed.
    let twins = [requirement("R-A", "aa bb cc"), requirement("R-B", "aa bb cc")]
    XCTAssertEqual(CatalogueDiffer.renamedPairs(twins, [requirement("N-1", "aa bb cc")]), ["R-A": "N-1"])
    // Below 50 %: no pair.
    XCTAssertEqual(CatalogueDiffer.renamedPairs([requirement("R-A", "aa bb cc")], [requirement("N-1", "aa dd ee")]), [:])
  }

  func testHistoryNamesTheRenamedIdElseTheMostSimilarElseNone() {
    let reference = catalogue([
      requirement("R-1", "aa bb cc dd"), requirement("R-2", "ee ff gg hh"), requirement("R-3", "ii jj kk ll"), requirement("R-4", "mm nn"),
    ])
    // R-1 renamed N-1; R-2 merged into R-4 (which kept its id); R-3 removed.
    let current = catalogue([requirement("N-1", "aa bb cc dd"), requirement("R-4", "mm nn ee ff gg hh")])
    let history = RequirementHistory(reference: reference, current: current)
    XCTAssertEqual(["R-1", "R-2", "R-3", "R-4", "R-9"].map(history.isStale), [true, true, true, false, false])
    XCTAssertEqual(history.successor(of: "R-1"), "N-1")
    XCTAssertEqual(history.successor(of: "R-2"), "R-4")
    XCTAssertNil(history.successor(of: "R-3"))
  }
}
