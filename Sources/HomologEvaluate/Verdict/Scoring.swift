import HomologModel

/// The verdict, the Important score and marks: the one place that decides what counts as met or not met and
/// computes a score from requirements (the dossier, `compare` and the regression analysis all call it).
///
/// Score = Σ weight of Important requirements met / Σ weight of applicable Important requirements × 100,
/// truncated to one decimal (`NumberFormatting`'s rule); "met" counts dérogation as met in `important` and not in
/// `importantWithoutDerogations`. Non applicable requirements are left out; non évalué count as not met
/// (`RequirementStatus.isNotMet`).
enum Scoring {
  static let formula = "score = 100 × Σ weight(Important met) / Σ weight(Important applicable), one decimal"

  /// Summed weights of the applicable Important requirements among some results.
  struct Tally: Equatable {
    /// Σ weight met, derogations counted as met.
    var met = 0.0
    /// Σ weight conforme (derogations counted as not met).
    var metStrict = 0.0
    /// Σ weight applicable.
    var applicable = 0.0
  }

  static func verdict(_ requirements: [RequirementResult]) -> Verdict {
    let eliminating = eliminating(requirements)
    if !eliminating.isEmpty { return Verdict(eliminatory: true, status: .eliminatoire, eliminating: eliminating) }
    let derogated = requirements.contains { $0.status == .derogation }
    return Verdict(eliminatory: false, status: derogated ? .conformeAvecDerogations : .conforme, eliminating: [])
  }

  /// Ids of the Primordial requirements not met (non conforme or non évalué, without a valid derogation).
  static func eliminating(_ requirements: [RequirementResult]) -> [String] {
    requirements.filter { $0.level == .primordial && $0.status.isNotMet }.map(\.id)
  }

  static func score(_ requirements: [RequirementResult]) -> Score {
    let overall = tally(requirements)
    var categories: [CategoryScore] = []
    var order: [String] = []
    for requirement in requirements where !order.contains(requirement.category) { order.append(requirement.category) }
    for category in order {
      let members = requirements.filter { $0.category == category }
      guard members.contains(where: counts) else { continue }
      let figures = tally(members)
      categories.append(
        CategoryScore(
          category: category, important: percent(figures.met, figures.applicable),
          importantWithoutDerogations: percent(figures.metStrict, figures.applicable), met: figures.met,
          metWithoutDerogations: figures.metStrict, applicable: figures.applicable))
    }
    return Score(
      important: percent(overall.met, overall.applicable),
      importantWithoutDerogations: percent(overall.metStrict, overall.applicable), met: overall.met,
      metWithoutDerogations: overall.metStrict, applicable: overall.applicable, formula: formula, categories: categories)
  }

  /// Whether a requirement enters the score: Important and applicable.
  static func counts(_ requirement: RequirementResult) -> Bool {
    requirement.level == .important && requirement.status != .nonApplicable
  }

  /// The weights of the requirements that enter the score.
  static func tally(_ requirements: [RequirementResult]) -> Tally {
    var figures = Tally()
    for requirement in requirements where counts(requirement) {
      figures.applicable += requirement.weight
      if requirement.status.isMetWithDerogations { figures.met += requirement.weight }
      if requirement.status == .conforme { figures.metStrict += requirement.weight }
    }
    return figures
  }

  /// met / applicable × 100 truncated to one decimal; nil when nothing applies.
  static func percent(_ met: Double, _ applicable: Double) -> Double? {
    NumberFormatting.percent(met, of: applicable)
  }

  /// The Important score (derogations as met) on another scale: the one-decimal score × scale / 100, truncated to
  /// `BidComparison.markDecimals`; out of 100 it is the dossier's score itself. Nil when nothing applies.
  static func mark(_ requirements: [RequirementResult], scale: Double) -> Double? {
    let figures = tally(requirements)
    guard let score = percent(figures.met, figures.applicable) else { return nil }
    if scale == 100 { return score }
    return NumberFormatting.truncated(score * scale / 100, decimals: BidComparison.markDecimals(scale: scale))
  }
}
