/// What a policy-sensitive check measured, before any threshold: kept in its result so the dossier alone can be
/// judged again under another policy (`compare --policy`).
///
/// JSON: `{"kind": "vulnerabilities" | "static_analysis" | "coverage", "<kind>": {…}}`.
public enum CheckMeasurement: Codable, Hashable, Sendable {
  /// Open vulnerabilities per severity (`vuln.thresholds`, `deps.vulnerabilities`).
  case vulnerabilities(FindingMeasurement)
  /// Open static-analysis findings per severity (`sast.no-blocking`).
  case staticAnalysis(FindingMeasurement)
  /// Covered/total lines per component of a role (`coverage.backend`, `coverage.frontend`).
  case coverage(CoverageMeasurement)

  private enum CodingKeys: String, CodingKey {
    case kind, vulnerabilities, staticAnalysis, coverage
  }

  private enum Kind: String, Codable {
    case vulnerabilities
    case staticAnalysis = "static_analysis"
    case coverage
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    switch try container.decode(Kind.self, forKey: .kind) {
    case .vulnerabilities: self = .vulnerabilities(try container.decode(FindingMeasurement.self, forKey: .vulnerabilities))
    case .staticAnalysis: self = .staticAnalysis(try container.decode(FindingMeasurement.self, forKey: .staticAnalysis))
    case .coverage: self = .coverage(try container.decode(CoverageMeasurement.self, forKey: .coverage))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .vulnerabilities(let measurement):
      try container.encode(Kind.vulnerabilities, forKey: .kind)
      try container.encode(measurement, forKey: .vulnerabilities)
    case .staticAnalysis(let measurement):
      try container.encode(Kind.staticAnalysis, forKey: .kind)
      try container.encode(measurement, forKey: .staticAnalysis)
    case .coverage(let measurement):
      try container.encode(Kind.coverage, forKey: .kind)
      try container.encode(measurement, forKey: .coverage)
    }
  }
}
