/// Which form of a noun agrees with a figure, by language (CLDR's cardinal rules for French and English).
public struct PluralRule: Sendable, Hashable {
  public let lang: String

  public init(lang: String) { self.lang = lang }

  /// True when the figure takes the singular: in French 0 and 1 and every figure below 2 (« 0 problème »,
  /// « 1,5 jour »); in English exactly 1 (“0 problems”, “1 problem”).
  public func isOne(_ figure: Double) -> Bool {
    lang == "fr" ? abs(figure) < 2 : figure == 1
  }
}
