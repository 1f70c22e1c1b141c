/// One release of the end-of-life table with the product it belongs to.
public struct OSTableEntry: Hashable, Sendable {
  public let product: OSProduct
  public let release: OSRelease

  public init(product: OSProduct, release: OSRelease) {
    self.product = product
    self.release = release
  }

  /// `debian 10`, `rhel 8`, `centos-stream 8`.
  public var name: String { "\(product.id) \(release.cycle)" }
}
