/// Matchers for the identifiers readers recognise in rule ids and tags, written by hand: Foundation's
/// regular expressions compile on every call and cost more than the whole JSON decoding of a result.
enum IdentifierPatterns {
  /// `CVE-YYYY-N…` at the start of `text` (what `^CVE-\d{4}-\d+` matches), or nil.
  static func cvePrefix(_ text: String) -> String? {
    var iterator = text.utf8.makeIterator()
    var matched: [UInt8] = []
    for expected in "CVE-".utf8 {
      guard iterator.next() == expected else { return nil }
      matched.append(expected)
    }
    for _ in 0..<4 {
      guard let byte = iterator.next(), isDigit(byte) else { return nil }
      matched.append(byte)
    }
    guard iterator.next() == UInt8(ascii: "-") else { return nil }
    matched.append(UInt8(ascii: "-"))
    var digits = 0
    while let byte = iterator.next(), isDigit(byte) {
      matched.append(byte)
      digits += 1
    }
    return digits > 0 ? String(decoding: matched, as: UTF8.self) : nil
  }

  /// True when `lowercased` starts with one of the prefixes, a dash and a digit (`^(cve|ghsa|…)-\d`).
  static func startsWithAdvisoryPrefix(_ lowercased: String, prefixes: [String]) -> Bool {
    let bytes = Array(lowercased.utf8.prefix(16))
    for prefix in prefixes {
      let head = Array(prefix.utf8)
      guard bytes.count > head.count + 1, bytes.starts(with: head) else { continue }
      if bytes[head.count] == UInt8(ascii: "-") && isDigit(bytes[head.count + 1]) { return true }
    }
    return false
  }

  /// The number of the first `cwe-N` or `cwe/N` in a lowercased tag (what `cwe[-/](\d+)` finds), or nil.
  static func cweNumber(_ lowercased: String) -> Int? {
    let bytes = Array(lowercased.utf8)
    var index = 0
    while index + 4 < bytes.count {
      if bytes[index] == UInt8(ascii: "c") && bytes[index + 1] == UInt8(ascii: "w") && bytes[index + 2] == UInt8(ascii: "e")
        && (bytes[index + 3] == UInt8(ascii: "-") || bytes[index + 3] == UInt8(ascii: "/")) && isDigit(bytes[index + 4])
      {
        var end = index + 4
        var number = 0
        while end < bytes.count && isDigit(bytes[end]) {
          number = number &* 10 &+ Int(bytes[end] - UInt8(ascii: "0"))
          end += 1
          if end - index > 24 { return nil }
        }
        return number
      }
      index += 1
    }
    return nil
  }

  /// True when `text` contains `fragment`, comparing bytes (Foundation's `contains` goes through CFString).
  static func contains(_ text: String, _ fragment: String) -> Bool {
    let needle = Array(fragment.utf8)
    guard let first = needle.first else { return true }
    let haystack = Array(text.utf8)
    guard haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == first {
      if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
