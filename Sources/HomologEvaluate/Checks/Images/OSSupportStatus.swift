import HomologModel

/// Whether an image's operating system release has free security support at the evaluation date.
public enum OSSupportStatus: Hashable, Sendable {
  /// Supported at the date (the release whose support ends first, when several match).
  case maintained(OSTableEntry)
  /// Past its end of free security support (the release whose support ended last, when several match).
  case ended(OSTableEntry)
  /// Published after the evaluation date: the date and the evidence disagree, nothing is judged.
  case notYetReleased(OSTableEntry)
  /// Several releases match and they disagree at the date (`centos 8`: CentOS Linux 8 or CentOS Stream 8).
  case ambiguous([OSTableEntry])
  /// The family or release is not in the table.
  case unknown

  /// Judges the releases an image may be at `day`.
  public static func judge(_ entries: [OSTableEntry], at day: Day) -> OSSupportStatus {
    guard let first = entries.first else { return .unknown }
    if let future = entries.first(where: { ($0.release.released ?? day) > day }) { return .notYetReleased(future) }
    let over = entries.filter { $0.release.supportEnd.isOver(at: day) }
    if over.count == entries.count {
      return .ended(over.max { ($0.release.supportEnd.day ?? day) < ($1.release.supportEnd.day ?? day) } ?? first)
    }
    if over.isEmpty {
      let never = Day(ordinal: .max)
      return .maintained(entries.min { ($0.release.supportEnd.day ?? never) < ($1.release.supportEnd.day ?? never) } ?? first)
    }
    return .ambiguous(entries)
  }
}
