import HomologModel
import XCTest

@testable import HomologEvaluate

final class ComparisonRankingTests: XCTestCase {
  typealias F = DecisionFixtures

  func bid(_ name: String, primordial: RequirementStatus, important: [RequirementStatus], version: String = "27.05.2024", sha: String? = nil)
    -> Comparison.Bid
  {
    var requirements = [F.requirement("EXI-P-1", .primordial, "Org", status: primordial), F.requirement("EXI-P-2", .primordial, "Org", status: .conforme)]
    for (index, status) in important.enumerated() {
      requirements.append(F.requirement("EXI-I-\(index + 1)", .important, index < 2 ? "Org" : "Arch", status: status))
    }
    return Comparison.Bid(
      dossier: F.dossier(name: name, requirements: requirements, catalogueVersion: version), name: name, file: "\(name).json",
      sha256: sha ?? "\(name)-sha")
  }

  func threeBids() -> [Comparison.Bid] {
    [
      bid("Alpha", primordial: .conforme, important: [.conforme, .nonConforme, .conforme, .nonEvalue]),
      bid("Beta", primordial: .nonConforme, important: [.conforme, .conforme, .conforme, .conforme]),
      bid("Gamma", primordial: .conforme, important: [.conforme, .conforme, .derogation, .nonConforme]),
    ]
  }

  func testEliminatedFirstThenByImportantScore() throws {
    let comparison = try Comparison.compare(threeBids(), commonOnly: false)
    XCTAssertEqual(comparison.bids.map(\.name), ["Beta", "Gamma", "Alpha"])
    XCTAssertEqual(comparison.bids.map(\.rank), [nil, 1, 2])
    XCTAssertEqual(comparison.bids[0].eliminating, ["EXI-P-1"])
    XCTAssertTrue(comparison.bids[0].eliminated)
    XCTAssertEqual(comparison.bids.map(\.score), [100, 75, 50])
    XCTAssertEqual(comparison.categories, ["Org", "Arch"])
    XCTAssertEqual(comparison.bids[1].categories, [CategoryMark(category: "Org", score: 100), CategoryMark(category: "Arch", score: 50)])
    XCTAssertEqual(comparison.bids[2].statuses["EXI-I-4"], .nonEvalue)
    XCTAssertEqual(comparison.requirements.count, 6)
  }

  func testScaleTwentyAndTiesShareARank() throws {
    var bids = threeBids()
    bids.append(bid("Delta", primordial: .conforme, important: [.conforme, .conforme, .conforme, .nonConforme]))
    let comparison = try Comparison.compare(bids, commonOnly: false, scale: 20)
    XCTAssertEqual(comparison.bids.map(\.name), ["Beta", "Delta", "Gamma", "Alpha"])
    XCTAssertEqual(comparison.bids.map(\.score), [20, 15, 15, 10])
    XCTAssertEqual(comparison.bids.map(\.rank), [nil, 1, 1, 3])
  }

  func testDifferentCataloguesAreRefusedUnlessCommon() throws {
    var bids = threeBids()
    bids[2] = bid("Gamma", primordial: .conforme, important: [.conforme, .conforme], version: "2025")
    XCTAssertThrowsError(try Comparison.compare(bids, commonOnly: false)) { error in
      guard case .differentCatalogues(let list) = error as? Comparison.Refusal else { return XCTFail("\(error)") }
      XCTAssertEqual(list.count, 3)
      XCTAssertEqual(list[2].file, "Gamma.json")
      XCTAssertEqual(list[2].catalogue.version, "2025")
    }
    let common = try Comparison.compare(bids, commonOnly: true)
    XCTAssertTrue(common.commonOnly)
    XCTAssertEqual(common.requirements.map(\.id), ["EXI-P-1", "EXI-P-2", "EXI-I-1", "EXI-I-2"])
    XCTAssertEqual(common.bids.map(\.name), ["Beta", "Gamma", "Alpha"])
    XCTAssertEqual(common.bids.map(\.score), [100, 100, 50])
  }

  func testAnonymousNamesFollowTheFilesHashNotTheCommandLine() throws {
    var bids = threeBids()
    bids[0].sha256 = "cc"
    bids[1].sha256 = "aa"
    bids[2].sha256 = "bb"
    XCTAssertEqual(Comparison.anonymousLabels(bids), ["Offre C", "Offre A", "Offre B"])
    XCTAssertEqual(Comparison.anonymousLabels(bids.reversed()), ["Offre B", "Offre A", "Offre C"])
    let comparison = try Comparison.compare(bids, commonOnly: false, anonymize: true)
    XCTAssertEqual(comparison.bids.map(\.name), ["Offre A", "Offre B", "Offre C"])
    XCTAssertEqual(comparison.bids.compactMap(\.file), [])
    XCTAssertEqual(Comparison.letters(25), "Z")
    XCTAssertEqual(Comparison.letters(26), "AA")
    XCTAssertEqual(Comparison.letters(27), "AB")
  }

  func testTooFewBids() {
    XCTAssertThrowsError(try Comparison.compare([threeBids()[0]], commonOnly: false)) { error in
      XCTAssertEqual(error as? Comparison.Refusal, .tooFew)
    }
  }
}
