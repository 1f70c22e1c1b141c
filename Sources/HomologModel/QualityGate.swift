/// The status of a quality gate (SonarQube).
public enum QualityGateStatus: String, Codable, Hashable, Sendable {
  case ok = "OK"
  case warn = "WARN"
  case error = "ERROR"
  case none = "NONE"
}

/// One condition of a quality gate.
public struct QualityGateCondition: Codable, Hashable, Sendable {
  public var metric: String
  public var status: QualityGateStatus
  public var actual: String?
  public var threshold: String?
  public init(metric: String, status: QualityGateStatus, actual: String? = nil, threshold: String? = nil) {
    self.metric = metric
    self.status = status
    self.actual = actual
    self.threshold = threshold
  }
}

/// A quality gate result with its conditions.
public struct QualityGate: Codable, Hashable, Sendable {
  public var project: String?
  public var status: QualityGateStatus
  public var conditions: [QualityGateCondition]
  public init(project: String? = nil, status: QualityGateStatus, conditions: [QualityGateCondition]) {
    self.project = project
    self.status = status
    self.conditions = conditions
  }
}
