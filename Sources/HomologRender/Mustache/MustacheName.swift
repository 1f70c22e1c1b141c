/// A tag's name: `.` (the current context) or keys separated by dots.
struct MustacheName: Sendable {
  /// The keys, empty for `.`.
  let keys: [String]
  /// The name as written, whitespace trimmed.
  let text: String
}
