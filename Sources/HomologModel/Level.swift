/// A requirement's level in the CCT: Primordial (eliminatory) or Important (scored).
public enum Level: String, Codable, Hashable, Sendable, CaseIterable {
  /// Primordial: one failure excludes a bid and blocks homologation.
  case primordial = "P"
  /// Important: counts towards the score.
  case important = "I"
}
