import HomologModel

/// When a support period of an OS release ends, as the end-of-life table states it.
public enum SupportEnd: Hashable, Sendable {
  /// Ends on this day (the day itself is still covered).
  case on(Day)
  /// Already ended; the source gives no date.
  case ended
  /// Not announced yet: the release is supported and no end date is set.
  case notAnnounced

  /// True when the support is over at `day`.
  public func isOver(at day: Day) -> Bool {
    switch self {
    case .on(let end): end < day
    case .ended: true
    case .notAnnounced: false
    }
  }

  /// The end date, when the source gives one.
  public var day: Day? {
    if case .on(let end) = self { return end }
    return nil
  }
}
