/// A ranking of bids (dossiers of the same catalogue) for a procurement evaluator (`homolog compare`).
public struct BidComparison: Codable, Hashable, Sendable {
  /// Schema identifier of the JSON shape.
  public static let schemaID = "homolog-comparison/1"

  public var schema: String
  /// The catalogue the bids were evaluated against (the first bid's, when compared on common requirements).
  public var catalogue: CatalogueSummary
  /// True when only the requirements every bid was evaluated on are compared (`--common`).
  public var commonOnly: Bool
  /// Scores are marks out of this (100 by default, 20 with `--scale 20`).
  public var scale: Double

  /// Decimals of a mark on `scale`: one out of 100 (the dossier's score), two on another scale.
  public static func markDecimals(scale: Double) -> Int { scale == 100 ? 1 : 2 }
  /// True when bids are named Offre A, B, C… (`--anonymize`).
  public var anonymized: Bool
  /// The compared requirements, in catalogue order.
  public var requirements: [ComparedRequirement]
  /// The categories of Important requirements, in catalogue order.
  public var categories: [String]
  /// Eliminated bids first, then the others by Important score, best first.
  public var bids: [RankedBid]
  /// Whether the bids share a policy, were judged again under the evaluator's, or are compared as judged.
  public var policyBasis: ComparisonPolicyBasis
  /// SHA-256 of the policy every bid is ranked under (the common one or the evaluator's); nil when mixed.
  public var policySha256: String?

  public init(
    catalogue: CatalogueSummary, commonOnly: Bool, scale: Double, anonymized: Bool,
    requirements: [ComparedRequirement], categories: [String], bids: [RankedBid],
    policyBasis: ComparisonPolicyBasis = .common, policySha256: String? = nil
  ) {
    self.policyBasis = policyBasis
    self.policySha256 = policySha256
    schema = Self.schemaID
    self.catalogue = catalogue
    self.commonOnly = commonOnly
    self.scale = scale
    self.anonymized = anonymized
    self.requirements = requirements
    self.categories = categories
    self.bids = bids
  }
}

/// A requirement as the comparison lists it.
public struct ComparedRequirement: Codable, Hashable, Sendable {
  public var id: String
  public var level: Level
  public var category: String
  public var title: String
  public init(id: String, level: Level, category: String, title: String) {
    self.id = id
    self.level = level
    self.category = category
    self.title = title
  }
}

/// One category's mark for a bid.
public struct CategoryMark: Codable, Hashable, Sendable {
  public var category: String
  /// On the comparison's scale; nil when no Important requirement of the category applies to the bid.
  public var score: Double?
  public init(category: String, score: Double?) {
    self.category = category
    self.score = score
  }
}

/// One bid's place in the ranking.
public struct RankedBid: Codable, Hashable, Sendable {
  /// The project's name, or `Offre A`… when anonymized.
  public var name: String
  /// The dossier file (left out when anonymized).
  public var file: String?
  /// 1 for the best bid not eliminated (ties share a rank); nil for eliminated bids.
  public var rank: Int?
  public var eliminated: Bool
  /// The Primordial requirements not met that eliminate the bid.
  public var eliminating: [String]
  /// Important score on the comparison's scale (derogations counted as met); nil when nothing applies.
  public var score: Double?
  public var categories: [CategoryMark]
  /// Each compared requirement's status for this bid, by requirement id (absent when the bid lacks it).
  public var statuses: [String: RequirementStatus]
  /// SHA-256 of the policy the bid's own dossier was judged under.
  public var ownPolicySha256: String = ""
  /// Thresholds of the bid's own policy that differ from the evaluator's (`--policy`) or, otherwise, from the
  /// CCT defaults.
  public var policyDifferences: [ThresholdDifference] = []
  /// Re-judged under the evaluator's policy: the requirements whose status changed.
  public var statusChanges: [StatusChange] = []
  /// Re-judged: policy-sensitive checks kept as the bid's dossier judged them (`k8s.allowed-registries`).
  public var notRejudged: [String] = []
  public init(
    name: String, file: String?, rank: Int?, eliminated: Bool, eliminating: [String], score: Double?,
    categories: [CategoryMark], statuses: [String: RequirementStatus]
  ) {
    self.name = name
    self.file = file
    self.rank = rank
    self.eliminated = eliminated
    self.eliminating = eliminating
    self.score = score
    self.categories = categories
    self.statuses = statuses
  }
}

/// Which policy the bids of a comparison were ranked under.
public enum ComparisonPolicyBasis: String, Codable, Hashable, Sendable {
  /// Every bid was judged under the same policy (same hash).
  case common
  /// Every bid was judged again under the evaluator's policy (`--policy`).
  case evaluator
  /// Bids judged under different policies, compared as they are (`--allow-mixed-policies`).
  case mixed
}
