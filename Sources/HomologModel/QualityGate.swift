/// The status of a quality gate (SonarQube).
public enum QualityGateStatus: String, Codable, Hashable, Sendable, CaseIterable {
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
  /// The analysis it belongs to, when the file names one (sonar-scanner's `report-task.txt`, status `NONE`).
  public var analysis: SonarAnalysis?
  public init(
    project: String? = nil, status: QualityGateStatus, conditions: [QualityGateCondition], analysis: SonarAnalysis? = nil
  ) {
    self.project = project
    self.status = status
    self.conditions = conditions
    self.analysis = analysis
  }
}

/// A SonarQube analysis as sonar-scanner names it in `report-task.txt`: enough to fetch its quality gate
/// status from the server's Web API, which the file itself does not hold.
public struct SonarAnalysis: Codable, Hashable, Sendable {
  public var projectKey: String
  public var serverUrl: String?
  public var serverVersion: String?
  /// The Compute Engine task that processes the analysis (`api/ce/task?id=…` gives its `analysisId`).
  public var ceTaskId: String?
  public var ceTaskUrl: String?
  public var dashboardUrl: String?
  public init(
    projectKey: String, serverUrl: String? = nil, serverVersion: String? = nil, ceTaskId: String? = nil,
    ceTaskUrl: String? = nil, dashboardUrl: String? = nil
  ) {
    self.projectKey = projectKey
    self.serverUrl = serverUrl
    self.serverVersion = serverVersion
    self.ceTaskId = ceTaskId
    self.ceTaskUrl = ceTaskUrl
    self.dashboardUrl = dashboardUrl
  }
}
