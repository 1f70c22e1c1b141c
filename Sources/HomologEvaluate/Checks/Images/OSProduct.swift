import HomologModel

/// A base operating system of the end-of-life table (one endoflife.date product file) and its releases.
public struct OSProduct: Hashable, Sendable {
  /// The endoflife.date product id, e.g. `debian`, `rhel`, `amazon-linux`.
  public let id: String
  public let title: String
  /// The copied source file under `data/eol/`.
  public let file: String
  /// The last upstream commit that changed the file, and its date.
  public let commit: String
  public let commitDate: Day
  /// The upstream column read as the end of free security support (`eol`, or `eoes` for Debian LTS).
  public let supportColumn: String
  /// What the vendor calls that support, e.g. `Debian LTS`, `Maintenance Support`.
  public let supportLabel: String
  /// What the vendor calls its paid extended support, when it has one.
  public let paidSupportLabel: String?
  public let releases: [OSRelease]

  public init(
    id: String, title: String, file: String, commit: String, commitDate: Day, supportColumn: String, supportLabel: String,
    paidSupportLabel: String?, releases: [OSRelease]
  ) {
    self.id = id
    self.title = title
    self.file = file
    self.commit = commit
    self.commitDate = commitDate
    self.supportColumn = supportColumn
    self.supportLabel = supportLabel
    self.paidSupportLabel = paidSupportLabel
    self.releases = releases
  }

  /// The release of this cycle, if the table has it.
  public func release(_ cycle: String) -> OSRelease? { releases.first { $0.cycle == cycle } }

  /// How a message cites the source: `endoflife.date debian.md @ f419953c (2026-07-14)`.
  public var citation: String { "endoflife.date \(file) @ \(commit.prefix(8)) (\(commitDate))" }
}
