/// Unique HTML fragment ids built from arbitrary text: letters, digits, `-` and `_` kept, the rest
/// replaced, a numeric suffix added on collision, so links inside the page never break or inject.
struct Anchors {
  private var used: Set<String> = []

  /// A new id `prefix-slug`, unique among those this instance gave.
  mutating func make(_ prefix: String, _ text: String) -> String {
    var slug = ""
    for scalar in text.unicodeScalars {
      let ascii = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) || scalar == "-" || scalar == "_")
      slug.append(ascii ? String(scalar).lowercased() : "_")
    }
    var candidate = "\(prefix)-\(slug.prefix(60))"
    var suffix = 2
    while used.contains(candidate) {
      candidate = "\(prefix)-\(slug.prefix(60))-\(suffix)"
      suffix += 1
    }
    used.insert(candidate)
    return candidate
  }
}
