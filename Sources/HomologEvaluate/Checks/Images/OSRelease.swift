import HomologModel

/// One release cycle of a base operating system in the end-of-life table, e.g. Debian 10.
public struct OSRelease: Hashable, Sendable {
  /// The release cycle as the source names it: `10`, `22.04`, `3.19`, `15.6`, `2023`.
  public let cycle: String
  public let codename: String?
  public let released: Day?
  /// End of free security support: the date `image.base-supported` judges by.
  public let supportEnd: SupportEnd
  /// End of paid extended support (Ubuntu ESM, RHEL ELS, SLES LTSS…): reported, never judged by.
  public let paidSupportEnd: SupportEnd?

  public init(cycle: String, codename: String?, released: Day?, supportEnd: SupportEnd, paidSupportEnd: SupportEnd?) {
    self.cycle = cycle
    self.codename = codename
    self.released = released
    self.supportEnd = supportEnd
    self.paidSupportEnd = paidSupportEnd
  }
}
