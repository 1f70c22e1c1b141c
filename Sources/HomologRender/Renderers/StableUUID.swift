import Foundation
import HomologParsing

/// Deterministic UUIDs (version 5 layout, SHA-256 instead of SHA-1): the same stable strings give the same
/// UUID on every run, so outputs that need UUIDs (OSCAL) stay byte-identical for identical inputs.
enum StableUUID {
  /// The UUID of a subject named by stable parts, e.g. `("observation", project, requirement, check)`.
  static func make(_ parts: String...) -> String { make(parts) }

  /// The UUID of a subject named by stable parts.
  static func make(_ parts: [String]) -> String {
    let digest = Array(SHA256Hasher.hex(of: Data((["homolog"] + parts).joined(separator: "\u{1F}").utf8)).prefix(32))
    var hex = digest
    hex[12] = "5"  // version 5 layout
    let variantNibble = Int(String(hex[16]), radix: 16) ?? 0
    hex[16] = Array("89ab")[variantNibble & 0x3]  // RFC 4122 variant
    let text = String(hex)
    let cuts = [8, 4, 4, 4, 12]
    var groups: [String] = []
    var index = text.startIndex
    for length in cuts {
      let end = text.index(index, offsetBy: length)
      groups.append(String(text[index..<end]))
      index = end
    }
    return groups.joined(separator: "-")
  }
}
