import Foundation

/// Kubernetes resource quantities (`512Mi`, `1Ti`, `1.5G`, `2e9`, `100m`) as numbers.
public enum Quantity {
  private static let suffixes: [(String, Double)] = [
    ("Ki", 0x1p10), ("Mi", 0x1p20), ("Gi", 0x1p30), ("Ti", 0x1p40), ("Pi", 0x1p50), ("Ei", 0x1p60),
    ("n", 1e-9), ("u", 1e-6), ("m", 1e-3), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18),
  ]

  /// The value of a quantity in base units (bytes, cores), or nil when it is not a quantity.
  public static func value(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return nil }
    for (suffix, factor) in suffixes where trimmed.hasSuffix(suffix) {
      guard let number = number(trimmed.dropLast(suffix.count)) else { return nil }
      return number * factor
    }
    return number(Substring(trimmed))
  }

  private static func number(_ text: Substring) -> Double? {
    guard let first = text.first, first.isNumber || first == "." || first == "+" || first == "-" else { return nil }
    guard let value = Double(text), value.isFinite else { return nil }
    return value
  }

  /// 1 Ti, in bytes.
  public static let tebibyte: Double = 0x1p40
}
