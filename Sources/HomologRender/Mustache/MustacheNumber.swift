/// A JSON number, kept as an integer when it is one so large values stay exact.
public enum MustacheNumber: Sendable, Hashable, CustomStringConvertible {
  /// A whole number that fits `Int`.
  case integer(Int)
  /// Any other number.
  case real(Double)

  /// Integral reals below this magnitude print without exponent or fraction.
  private static let plainIntegralLimit = 1e16

  /// False for zero and NaN, as in JavaScript, whose truthiness the spec borrows.
  public var isTruthy: Bool {
    switch self {
    case .integer(let value): return value != 0
    case .real(let value): return value != 0 && !value.isNaN
    }
  }

  /// The shortest text reading back as the same number: `85`, `1.21`; `1e-07` or `1e+16` only for extremes.
  public var description: String {
    switch self {
    case .integer(let value):
      return String(value)
    case .real(let value):
      if value.isFinite, value.rounded() == value, abs(value) < Self.plainIntegralLimit {
        return String(Int64(value))
      }
      return value.description
    }
  }
}
