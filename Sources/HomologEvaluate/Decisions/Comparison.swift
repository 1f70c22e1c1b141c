import HomologModel

/// Ranks bids for a procurement evaluator: eliminated bids first (a Primordial requirement not met, without a
/// valid derogation), flagged with the requirements that eliminate them; then the others by Important score,
/// best first (ties share a rank and are listed by name). Scores are recomputed on the compared requirements
/// with the dossier's formula, so `--common` compares like with like.
public enum Comparison {
  /// One bid to compare: its dossier, a display name, its file and the file's SHA-256 (for anonymization).
  public struct Bid: Sendable {
    public var dossier: Dossier
    public var name: String
    public var file: String
    public var sha256: String
    public init(dossier: Dossier, name: String, file: String, sha256: String) {
      self.dossier = dossier
      self.name = name
      self.file = file
      self.sha256 = sha256
    }
  }

  /// Which policy rules the ranking.
  public enum PolicyRule: Sendable {
    /// Every bid must have been judged under the same policy; bids of different policies are refused.
    case uniform
    /// Bids judged under different policies are compared as they are, each flagged with its differences.
    case allowMixed
    /// Every bid is judged again under the evaluator's policy before ranking.
    case evaluator(Policy)
  }

  /// Why bids cannot be compared.
  public enum Refusal: Error, Equatable, Sendable {
    /// Bids judged under different policies, without `--policy` or `--allow-mixed-policies`: each bid's file,
    /// policy hash and the thresholds it sets differently from the CCT defaults.
    case differentPolicies([MixedPolicy])
    /// A bid that cannot be judged again under the evaluator's policy (its file and why).
    case notRejudgeable(String, Rejudgement.Failure)
    /// Fewer than two bids.
    case tooFew
    /// Bids from different catalogues (id, version or content): each bid's file and catalogue.
    case differentCatalogues([BidCatalogue])
    /// `--common` left no requirement in common.
    case nothingInCommon
  }

  /// One bid's catalogue, for the refusal of different catalogues.
  public struct BidCatalogue: Equatable, Sendable {
    public var file: String
    public var catalogue: CatalogueSummary
  }

  /// One bid's policy, for the refusal of mixed policies.
  public struct MixedPolicy: Equatable, Sendable {
    public var file: String
    public var sha256: String
    /// Thresholds it sets differently from the CCT defaults.
    public var differences: [ThresholdDifference]
  }

  /// The ranking, or why it cannot be made. `scale` is 100 or 20 (marks out of 20). Under `.evaluator(policy)`
  /// every bid is first judged again under that policy (`Rejudgement`).
  public static func compare(
    _ bids: [Bid], commonOnly: Bool, scale: Double = 100, anonymize: Bool = false, policy rule: PolicyRule = .uniform
  ) throws(Refusal) -> BidComparison {
    guard bids.count >= 2 else { throw .tooFew }
    let own = bids.map { PolicyDigest.sha256($0.dossier.policy) }
    var bids = bids
    var changes: [[StatusChange]] = Array(repeating: [], count: bids.count)
    var kept: [[String]] = Array(repeating: [], count: bids.count)
    var differences = bids.map { PolicyDifference.list($0.dossier.policy, from: Policy()) }
    let basis: ComparisonPolicyBasis
    var policySha256: String?
    switch rule {
    case .evaluator(let policy):
      basis = .evaluator
      policySha256 = PolicyDigest.sha256(policy)
      for index in bids.indices {
        let before = bids[index].dossier
        do {
          bids[index].dossier = try Rejudgement.rejudge(before, under: policy)
        } catch {
          throw .notRejudgeable(bids[index].file, error)
        }
        changes[index] = Rejudgement.statusChanges(from: before, to: bids[index].dossier)
        kept[index] = Rejudgement.notRejudged(before, under: policy)
        differences[index] = PolicyDifference.list(before.policy, from: policy)
      }
    case .uniform, .allowMixed:
      if Set(own).count == 1 {
        basis = .common
        policySha256 = own.first
      } else if case .allowMixed = rule {
        basis = .mixed
      } else {
        throw .differentPolicies(
          bids.indices.map { MixedPolicy(file: bids[$0].file, sha256: own[$0], differences: differences[$0]) })
      }
    }
    guard let first = bids.first else { throw .tooFew }
    let catalogues = bids.map { BidCatalogue(file: $0.file, catalogue: $0.dossier.catalogue) }
    if !commonOnly && Set(catalogues.map { [$0.catalogue.id, $0.catalogue.version, $0.catalogue.sha256] }).count > 1 {
      throw .differentCatalogues(catalogues)
    }
    // Requirements every bid has, at the same level, in the first bid's order.
    var ids = first.dossier.requirements.map(\.id)
    for bid in bids.dropFirst() {
      let levels = Dictionary(bid.dossier.requirements.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a })
      ids = ids.filter { id in levels[id] == first.dossier.requirements.first { $0.id == id }?.level }
    }
    guard !ids.isEmpty else { throw .nothingInCommon }
    let compared = Set(ids)
    let requirements = first.dossier.requirements.filter { compared.contains($0.id) }.map {
      ComparedRequirement(id: $0.id, level: $0.level, category: $0.category, title: $0.title)
    }
    var categories: [String] = []
    for requirement in requirements where requirement.level == .important && !categories.contains(requirement.category) {
      categories.append(requirement.category)
    }
    let labels = anonymize ? anonymousLabels(bids) : bids.map(\.name)

    var ranked: [RankedBid] = bids.indices.map { index in
      let bid = bids[index]
      let label = labels[index]
      let results = bid.dossier.requirements.filter { compared.contains($0.id) }
      let eliminating = Scoring.eliminating(results)
      let marks = categories.map { category in
        CategoryMark(category: category, score: Scoring.mark(results.filter { $0.category == category }, scale: scale))
      }
      var ranked = RankedBid(
        name: label, file: anonymize ? nil : bid.file, rank: nil, eliminated: !eliminating.isEmpty, eliminating: eliminating,
        score: Scoring.mark(results, scale: scale), categories: marks,
        statuses: Dictionary(results.map { ($0.id, $0.status) }, uniquingKeysWith: { a, _ in a }))
      ranked.ownPolicySha256 = own[index]
      ranked.policyDifferences = differences[index]
      ranked.statusChanges = changes[index].filter { compared.contains($0.requirement) }
      ranked.notRejudged = kept[index]
      return ranked
    }
    ranked.sort { a, b in
      if a.eliminated != b.eliminated { return a.eliminated }
      if !a.eliminated, (a.score ?? -1) != (b.score ?? -1) { return (a.score ?? -1) > (b.score ?? -1) }
      return a.name < b.name
    }
    var previous: (score: Double?, rank: Int)?
    var position = 0
    for index in ranked.indices where !ranked[index].eliminated {
      position += 1
      let rank = previous.map { $0.score == ranked[index].score ? $0.rank : position } ?? position
      ranked[index].rank = rank
      previous = (ranked[index].score, rank)
    }
    return BidComparison(
      catalogue: first.dossier.catalogue, commonOnly: commonOnly, scale: scale, anonymized: anonymize,
      requirements: requirements, categories: categories, bids: ranked, policyBasis: basis, policySha256: policySha256)
  }

  /// `Offre A`, `Offre B`… given in the order of the dossier files' SHA-256, so the names do not depend on
  /// the order of the command line and reveal nothing of the bidders. Past 26 bids: `Offre AA`, `Offre AB`…
  public static func anonymousLabels(_ bids: [Bid]) -> [String] {
    let order = bids.indices.sorted { (bids[$0].sha256, bids[$0].file) < (bids[$1].sha256, bids[$1].file) }
    var labels = Array(repeating: "", count: bids.count)
    for (position, index) in order.enumerated() { labels[index] = "Offre \(letters(position))" }
    return labels
  }

  /// 0 → A, 25 → Z, 26 → AA.
  static func letters(_ number: Int) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    var value = number
    var text = ""
    repeat {
      text = String(alphabet[value % 26]) + text
      value = value / 26 - 1
    } while value >= 0
    return text
  }
}
