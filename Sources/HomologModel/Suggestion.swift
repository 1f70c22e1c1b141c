/// "Did you mean" for mistyped names: the closest known name by edit distance.
public enum Suggestion {
  /// The candidate closest to `text`, when close enough to be a likely typo (or one is a prefix of the other); never
  /// `text` itself.
  public static func closest(to text: String, in candidates: [String]) -> String? {
    let lowered = text.lowercased()
    var best: (name: String, distance: Int)?
    let others = candidates.filter { $0 != text }
    for candidate in others {
      let distance = editDistance(lowered, candidate.lowercased())
      if best == nil || distance < best!.distance { best = (candidate, distance) }
    }
    guard let best else { return nil }
    let limit = max(2, lowered.count / 3)
    if best.distance <= limit { return best.name }
    let core = { (name: String) in name.drop { $0 == "-" } }
    let prefixed = others.filter { candidate in
      let (a, b) = (core(candidate.lowercased()), core(lowered))
      return min(a.count, b.count) >= 3 && (a.hasPrefix(b) || b.hasPrefix(a))
    }
    return prefixed.count == 1 ? prefixed[0] : nil
  }

  /// `; did you mean 'NAME'?` or nothing.
  public static func phrase(_ text: String, in candidates: [String]) -> String {
    closest(to: text, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
  }

  /// Levenshtein distance (insertions, deletions, substitutions).
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
