import HomologModel

/// Finds the end-of-life table releases an image's operating system is, from what the scanner reports.
public enum OSReleaseResolver {
  /// What the resolver found for one image.
  public struct Resolution: Hashable, Sendable {
    /// The matching table releases: none (unknown), one, or several (`centos 8`: CentOS Linux or Stream).
    public var entries: [OSTableEntry]
    /// The Debian release read from a distroless image name, when the scanner gave no version.
    public var releaseFromImageName: String?
  }

  /// Scanner family names (Trivy `Metadata.OS.Family`, Grype `distro.name`, lower-cased) → table products.
  /// Red Hat UBI images report `redhat`: they follow the RHEL release they are built from.
  static let products: [String: [String]] = [
    "debian": ["debian"], "debian gnu/linux": ["debian"],
    "ubuntu": ["ubuntu"],
    "alpine": ["alpine-linux"], "alpine linux": ["alpine-linux"],
    "redhat": ["rhel"], "rhel": ["rhel"],
    "rocky": ["rocky-linux"], "rockylinux": ["rocky-linux"],
    "alma": ["almalinux"], "almalinux": ["almalinux"],
    "centos": ["centos", "centos-stream"], "centos-stream": ["centos-stream"],
    "amazon": ["amazon-linux"], "amazonlinux": ["amazon-linux"], "amzn": ["amazon-linux"], "amazon linux": ["amazon-linux"],
    "fedora": ["fedora"],
    "oracle": ["oracle-linux"], "oraclelinux": ["oracle-linux"], "ol": ["oracle-linux"],
    "sles": ["sles"], "suse linux enterprise server": ["sles"],
    "opensuse": ["opensuse"], "opensuse-leap": ["opensuse"], "opensuse.leap": ["opensuse"], "opensuseleap": ["opensuse"],
  ]

  /// The table releases of an image's operating system, in `table`'s products.
  public static func resolve(_ image: ImageInfo, in table: [OSProduct] = OSEndOfLifeTable.products) -> Resolution {
    let family = (image.osFamily ?? "").lowercased()
    guard let ids = products[family] else { return Resolution(entries: []) }
    var version = image.osName.flatMap(versionToken)
    var fromName: String?
    if version == nil, ids == ["debian"], let release = distrolessDebianRelease(image.name) {
      version = release
      fromName = release
    }
    guard let version else { return Resolution(entries: []) }
    let entries = ids.compactMap { id -> OSTableEntry? in
      guard let product = table.first(where: { $0.id == id }), let release = release(version, of: product) else { return nil }
      return OSTableEntry(product: product, release: release)
    }
    return Resolution(entries: entries, releaseFromImageName: entries.isEmpty ? nil : fromName)
  }

  /// The first whitespace-separated token made only of dot-separated numbers: `10.8`, `2` in `2 (Karoo)`,
  /// `2018.03` in `AMI release 2018.03`; none in `bookworm/sid` or `3.21.0_alpha20240807`.
  static func versionToken(_ text: String) -> String? {
    text.split(whereSeparator: \.isWhitespace).map(String.init).first { token in
      let parts = token.split(separator: ".", omittingEmptySubsequences: false)
      return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
  }

  /// The release whose cycle is the longest dot-separated prefix of the version: `10.8` → `10`, `3.10.2` → `3.10`.
  static func release(_ version: String, of product: OSProduct) -> OSRelease? {
    let parts = version.split(separator: ".")
    for count in stride(from: parts.count, to: 0, by: -1) {
      if let release = product.release(parts.prefix(count).joined(separator: ".")) { return release }
    }
    return nil
  }

  /// `N` in a distroless image name `…/distroless/<name>-debianN[:tag|@digest]`, e.g. `gcr.io/distroless/static-debian12:nonroot`.
  static func distrolessDebianRelease(_ name: String) -> String? {
    let path = name.split(separator: "@").first.map(String.init) ?? name
    let segments = path.split(separator: "/")
    guard let distroless = segments.firstIndex(of: "distroless"), distroless < segments.count - 1,
      let last = segments.last
    else { return nil }
    let repository = last.split(separator: ":").first.map(String.init) ?? String(last)
    guard repository.contains("-"), let suffix = repository.split(separator: "-").last, suffix.hasPrefix("debian") else {
      return nil
    }
    let number = suffix.dropFirst("debian".count)
    return !number.isEmpty && number.allSatisfy({ $0.isASCII && $0.isNumber }) ? String(number) : nil
  }
}
