import Foundation

/// Chromium (Skia) writes the time of printing into the PDF's document information dictionary, as
/// `/CreationDate (D:YYYYMMDDHHMMSS+00'00')` and `/ModDate (…)`: the only bytes that differ between two prints of the
/// same page. They are replaced by the dossier's evaluation date at midnight, digit for digit (the same length, so the
/// cross-reference table's byte offsets stay true), which makes the PDF as reproducible as the HTML it prints.
enum PDFDates {
  /// The dictionary keys whose date is pinned.
  static let keys = ["/CreationDate (D:", "/ModDate (D:"]

  /// The PDF with each date of `keys` (14 digits) set to `day` (`YYYY-MM-DD`) at 00:00:00; unchanged when a key is absent
  /// or not followed by 14 digits.
  static func pin(_ pdf: Data, to day: String) -> Data {
    let digits = Array(day.replacingOccurrences(of: "-", with: "").utf8) + Array("000000".utf8)
    guard digits.count == 14, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return pdf }
    var bytes = [UInt8](pdf)
    for key in keys {
      let pattern = Array(key.utf8)
      guard let start = firstIndex(of: pattern, in: bytes) else { continue }
      let from = start + pattern.count
      guard from + 14 <= bytes.count, bytes[from..<from + 14].allSatisfy({ (0x30...0x39).contains($0) }) else { continue }
      bytes.replaceSubrange(from..<from + 14, with: digits)
    }
    return Data(bytes)
  }

  /// Where `pattern` first starts in `bytes`.
  private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
    guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
    var index = 0
    while index <= bytes.count - pattern.count {
      if bytes[index] == first && bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
      index += 1
    }
    return nil
  }
}
