import Foundation
import HomologModel

/// How alike two requirement statements are: the Jaccard index of their word sets (shared words over all words),
/// words compared with accents folded and case ignored, punctuation and one-character words (`l’`, `d’`) left out.
public enum TextSimilarity {
  /// Two statements whose shared words are at least half of all their distinct words (Jaccard ≥ 50 %) are taken for
  /// the same requirement. The closest two distinct statements of the built-in CCT catalogue share 24 % (EXI-ORG-1 and
  /// EXI-ORG-3).
  public static let thresholdPercent = 50

  /// A similarity as the exact fraction it is: `shared` words over `total` distinct words of both texts.
  public struct Score: Hashable, Sendable, Comparable {
    public var shared: Int
    public var total: Int

    public init(shared: Int, total: Int) {
      self.shared = shared
      self.total = total
    }

    /// The index as a percentage truncated to one decimal (0 when neither text has a word).
    public var percent: Double { NumberFormatting.percent(shared, of: total) ?? 0 }

    /// True when the index reaches `thresholdPercent` (exact, integer arithmetic).
    public var isSimilar: Bool { total > 0 && shared * 100 >= thresholdPercent * total }

    /// Ordered by the exact value of the fraction (cross-multiplied; 0 when `total` is 0).
    public static func < (lhs: Score, rhs: Score) -> Bool {
      lhs.shared * max(rhs.total, 1) < rhs.shared * max(lhs.total, 1)
    }
  }

  /// The words of a text: decomposed, combining marks removed (é → e), `œ`/`æ` spelled out, lowercased, split at
  /// every character that is neither a letter nor a digit; words of one character dropped.
  public static func words(_ text: String) -> Set<String> {
    let scalars = text.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
    let folded = String(String.UnicodeScalarView(scalars)).lowercased()
      .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
    return Set(folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { $0.count > 1 }.map(String.init))
  }

  /// The Jaccard index of two texts' words.
  public static func score(_ first: String, _ second: String) -> Score {
    score(words(first), words(second))
  }

  /// The Jaccard index of two word sets.
  public static func score(_ first: Set<String>, _ second: Set<String>) -> Score {
    Score(shared: first.intersection(second).count, total: first.union(second).count)
  }
}
