import Foundation

/// Converts the epoch timestamps coverage tools write (seconds or milliseconds) to ISO 8601.
enum EpochTimestamp {
  /// `"1625931527713"` (ms) or `"1625931527"` (s) → `2021-07-10T15:38:47Z`; nil when not a positive number.
  static func iso8601(_ text: String?) -> String? {
    iso8601(text.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) })
  }

  /// The same from a number already parsed.
  static func iso8601(_ value: Double?) -> String? {
    guard let value, value > 0, value.isFinite else { return nil }
    let seconds = value > 1e11 ? value / 1000 : value
    return ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: seconds.rounded(.down)))
  }
}
