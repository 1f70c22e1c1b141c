/// Literal template text as UTF-8, with the offsets where a template line starts.
struct MustacheText: Sendable {
  let bytes: [UInt8]
  /// Offsets into `bytes` where a line of the template begins, for partial indentation.
  let lineStarts: [Int]
}
