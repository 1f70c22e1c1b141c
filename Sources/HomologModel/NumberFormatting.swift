/// The one way homolog reduces and prints figures (coverage, scores, marks, thresholds, weights, sizes).
///
/// Rule: a computed figure is **truncated toward zero** to its decimals (one for percentages and scores, two for
/// marks on another scale), never rounded. A value a person gave (threshold, weight, scale, tolerance) is printed
/// as given (`givenDecimals`). Coverage tools truncate their own figures (JaCoCo floors its percentages,
/// Istanbul floors to two decimals), and a figure compared with a threshold must never be shown at or above a
/// threshold it does not reach: with rounding, 79.96 % would print "80" beside "below the 80 % minimum". Truncation
/// keeps every printed figure at or below the exact ratio, so what is printed and what is judged agree.
/// A value already reduced (a score read back from `dossier.json`) prints unchanged: binary noise below 10⁻⁶ of
/// the last decimal is ignored (81.8 stored as 81.79999… prints 81.8, not 81.7).
///
/// Output: no trailing zeros (`72`, `72.5`); French uses the decimal comma and a narrow no-break space to group
/// thousands (`72,5`, `24 983`); English a point and a comma; `plain` (CSV, OSCAL properties, JSON-side text
/// and messages read by machines) a point and no grouping. The terminal follows the run's language, like the
/// dossier. A percent sign follows a normal space (`81,8 %`), as the templates and translation tables write it
/// in both languages.
public enum NumberFormatting {
  /// The conventions of one output.
  public enum Style: Sendable, Hashable {
    /// Decimal comma, narrow no-break space between thousands.
    case french
    /// Decimal point, comma between thousands.
    case english
    /// Decimal point, no grouping: CSV, OSCAL properties and machine-read text.
    case plain

    /// The style of a dossier language (`fr` → French, anything else → English).
    public init(lang: String) { self = lang == "fr" ? .french : .english }
  }

  /// Decimals of a value a person gave (threshold, weight, scale, tolerance): enough to print it as written.
  public static let givenDecimals = 6

  /// What separates a figure from its `%` sign, as the templates write it.
  public static let percentSeparator = " "

  /// Tolerance for binary noise, as a fraction of the last kept decimal.
  private static let noise = 1e-6

  /// The value truncated toward zero to `decimals` decimals (noise below 10⁻⁶ of the last decimal ignored).
  public static func truncated(_ value: Double, decimals: Int = 1) -> Double {
    guard value.isFinite else { return value }
    let scale = power(decimals)
    let scaled = value * scale
    let whole = scaled >= 0 ? (scaled + noise).rounded(.down) : (scaled - noise).rounded(.up)
    return whole / scale
  }

  /// `part / whole × 100` truncated to one decimal, exactly (integer arithmetic); nil when `whole` is 0.
  public static func percent(_ part: Int, of whole: Int) -> Double? {
    guard whole > 0 else { return nil }
    let (product, overflow) = part.multipliedReportingOverflow(by: 1000)
    guard !overflow else { return percent(Double(part), of: Double(whole)) }
    return Double(product / whole) / 10
  }

  /// `part / whole × 100` truncated to one decimal; nil when `whole` is not positive.
  public static func percent(_ part: Double, of whole: Double) -> Double? {
    guard whole > 0 else { return nil }
    return truncated(part * 100 / whole)
  }

  /// The figure truncated to `decimals`, without trailing zeros, in the style's conventions.
  public static func text(_ value: Double, decimals: Int = 1, style: Style) -> String {
    let scale = power(decimals)
    guard value.isFinite, abs(value) * scale < 1e15 else { return String(value) }
    let units = Int((truncated(value, decimals: decimals) * scale).rounded())
    var fraction = String(units.magnitude % UInt(scale))
    fraction = String(repeating: "0", count: max(decimals - fraction.count, 0)) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let integer = grouped(units.magnitude / UInt(scale), style: style)
    let sign = units < 0 ? "-" : ""
    guard !fraction.isEmpty else { return sign + integer }
    return sign + integer + (style == .french ? "," : ".") + fraction
  }

  /// The figure followed by `%` (`81,8 %`).
  public static func percentText(_ value: Double, style: Style) -> String {
    text(value, style: style) + percentSeparator + "%"
  }

  /// An integer with the style's thousands separator (`24 983`, `24,983`, `24983`).
  public static func grouped(_ value: Int, style: Style) -> String {
    let digits = grouped(value.magnitude, style: style)
    return value < 0 ? "-" + digits : digits
  }

  private static func grouped(_ value: UInt, style: Style) -> String {
    let digits = String(value)
    let separator: String
    switch style {
    case .french: separator = "\u{202F}"
    case .english: separator = ","
    case .plain: return digits
    }
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out += separator }
      out.append(digit)
    }
    return out
  }

  private static func power(_ decimals: Int) -> Double {
    var scale = 1.0
    for _ in 0..<max(decimals, 0) { scale *= 10 }
    return scale
  }
}
