/// Many applications' dossiers in one table, for a ministry following hundreds of them (`homolog portfolio`).
public struct Portfolio: Codable, Hashable, Sendable {
  /// Schema identifier of the JSON shape.
  public static let schemaID = "homolog-portfolio/1"

  public var schema: String
  public var totals: PortfolioTotals
  /// One row per dossier, sorted by application name, then file.
  public var rows: [PortfolioRow]
  /// Files that looked like dossiers but could not be read, with why.
  public var unreadable: [IgnoredFile]

  public init(totals: PortfolioTotals, rows: [PortfolioRow], unreadable: [IgnoredFile]) {
    schema = Self.schemaID
    self.totals = totals
    self.rows = rows
    self.unreadable = unreadable
  }
}

/// Counts over the whole portfolio.
public struct PortfolioTotals: Codable, Hashable, Sendable {
  public var applications = 0
  public var eliminatoire = 0
  public var conformeAvecDerogations = 0
  public var conforme = 0
  /// Derogations in force that expire within the warning period, over all applications.
  public var expiringDerogations = 0
  public var expiredDerogations = 0
  /// Open critical vulnerabilities, over all applications.
  public var criticalVulnerabilities = 0
  public init() {}
}

/// One application's line in the portfolio.
public struct PortfolioRow: Codable, Hashable, Sendable {
  public var application: String
  public var version: String?
  public var organisation: String?
  /// The dossier file, relative to the portfolio folder.
  public var file: String
  public var asOf: String
  public var catalogueVersion: String
  public var verdict: VerdictStatus
  /// Primordial requirements not met.
  public var eliminating: [String]
  /// Important score, derogations counted as met.
  public var score: Double?
  public var nonEvalue: Int
  /// Ids of derogations in force expiring within the dossier's warning period, soonest first.
  public var expiringDerogations: [String]
  /// The earliest expiry among them, `YYYY-MM-DD`.
  public var nextExpiry: String?
  public var expiredDerogations: [String]
  /// Open (not suppressed) vulnerabilities of critical severity.
  public var criticalVulnerabilities: Int
  /// Open vulnerabilities of high severity.
  public var highVulnerabilities: Int
  public init(
    application: String, version: String?, organisation: String?, file: String, asOf: String, catalogueVersion: String,
    verdict: VerdictStatus, eliminating: [String], score: Double?, nonEvalue: Int, expiringDerogations: [String],
    nextExpiry: String?, expiredDerogations: [String], criticalVulnerabilities: Int, highVulnerabilities: Int
  ) {
    self.application = application
    self.version = version
    self.organisation = organisation
    self.file = file
    self.asOf = asOf
    self.catalogueVersion = catalogueVersion
    self.verdict = verdict
    self.eliminating = eliminating
    self.score = score
    self.nonEvalue = nonEvalue
    self.expiringDerogations = expiringDerogations
    self.nextExpiry = nextExpiry
    self.expiredDerogations = expiredDerogations
    self.criticalVulnerabilities = criticalVulnerabilities
    self.highVulnerabilities = highVulnerabilities
  }
}
