import HomologModel

/// The verdict and the Important score.
///
/// Score = Σ weight of Important requirements met / Σ weight of applicable Important requirements × 100,
/// rounded to one decimal; "met" counts dérogation as met in `important` and not in
/// `importantWithoutDerogations`. Non applicable requirements are left out; non évalué count as not met.
enum Scoring {
  static let formula = "score = 100 × Σ weight(Important met) / Σ weight(Important applicable), one decimal"

  static func verdict(_ requirements: [RequirementResult]) -> Verdict {
    let eliminating = requirements.filter {
      $0.level == .primordial && ($0.status == .nonConforme || $0.status == .nonEvalue)
    }.map(\.id)
    if !eliminating.isEmpty { return Verdict(eliminatory: true, status: .eliminatoire, eliminating: eliminating) }
    let derogated = requirements.contains { $0.status == .derogation }
    return Verdict(eliminatory: false, status: derogated ? .conformeAvecDerogations : .conforme, eliminating: [])
  }

  static func score(_ requirements: [RequirementResult]) -> Score {
    let important = requirements.filter { $0.level == .important && $0.status != .nonApplicable }
    let overall = tally(important)
    var categories: [CategoryScore] = []
    var order: [String] = []
    for requirement in requirements where !order.contains(requirement.category) { order.append(requirement.category) }
    for category in order {
      let members = important.filter { $0.category == category }
      guard !members.isEmpty else { continue }
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

  private static func tally(_ requirements: [RequirementResult]) -> (met: Double, metStrict: Double, applicable: Double) {
    var met = 0.0
    var strict = 0.0
    var applicable = 0.0
    for requirement in requirements {
      applicable += requirement.weight
      if requirement.status.isMetWithDerogations { met += requirement.weight }
      if requirement.status == .conforme { strict += requirement.weight }
    }
    return (met, strict, applicable)
  }

  /// met / applicable × 100 rounded half away from zero to one decimal; nil when nothing applies.
  static func percent(_ met: Double, _ applicable: Double) -> Double? {
    guard applicable > 0 else { return nil }
    return ((met * 1000 / applicable).rounded()) / 10
  }
}
