/// A scanned container image or filesystem: its name and operating system.
public struct ImageInfo: Codable, Hashable, Sendable {
  /// The artifact name as the scanner states it, e.g. `alpine:3.10`.
  public var name: String
  public var osFamily: String?
  public var osName: String?
  /// True when the scanner says the OS is end of service life (as of its scan; false also when it says nothing, as Grype).
  /// Reported only: `image.base-supported` judges by its dated end-of-life table.
  public var endOfLife: Bool
  public init(name: String, osFamily: String? = nil, osName: String? = nil, endOfLife: Bool = false) {
    self.name = name
    self.osFamily = osFamily
    self.osName = osName
    self.endOfLife = endOfLife
  }
}
