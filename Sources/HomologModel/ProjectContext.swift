/// How the application is exposed.
public enum Exposure: String, Codable, Hashable, Sendable, CaseIterable {
  case internet, rie, `internal`
}

/// Sensitivity of the data handled: usual, or Diffusion Restreinte.
public enum DataSensitivity: String, Codable, Hashable, Sendable, CaseIterable {
  case usual, dr
}

/// Where the application is hosted.
public enum Hosting: String, Codable, Hashable, Sendable, CaseIterable {
  case cloudPi = "cloud-pi"
  case publicCloud = "public-cloud"
  case dedicated, mixed
}

/// What a component is, so coverage and tests are judged per role (EXI-ORG-10, EXI-ORG-11).
public enum ComponentRole: String, Codable, Hashable, Sendable, CaseIterable {
  case backend, frontend, worker, batch, data, other
}

/// How the application is deployed (EXI-ORG-8, EXI-ARCH-8, EXI-ARCH-9).
public enum DeploymentMethod: String, Codable, Hashable, Sendable, CaseIterable {
  /// Through the Argo CD Applications the Cloud Pi Native console creates.
  case consoleArgoCD = "console-argocd"
  /// Through another GitOps tool (e.g. Flux): GitOps, but not the console's Argo CD.
  case gitops
  /// By hand (`kubectl apply`, `helm install` from a workstation): what EXI-ORG-8 forbids.
  case manual
}

/// The facts about a project that decide which requirements apply; nil means `homolog.yaml` does not state it,
/// and a requirement whose applicability depends on an unstated fact is non évalué, never non applicable.
public struct ProjectContext: Codable, Hashable, Sendable {
  public var exposure: Exposure?
  public var dataSensitivity: DataSensitivity?
  public var personalData: Bool?
  public var hosting: Hosting?
  /// True when the dossier supports a bid in a call for tenders.
  public var procurement: Bool?
  /// The roles of the project's declared components; nil when no component is declared.
  public var roles: [ComponentRole]?
  /// How the application is deployed, when stated.
  public var deployment: DeploymentMethod?
  /// The environments the application is deployed to (`dev`, `prod`…), when stated.
  public var environments: [String]?

  public init(
    exposure: Exposure? = nil, dataSensitivity: DataSensitivity? = nil, personalData: Bool? = nil,
    hosting: Hosting? = nil, procurement: Bool? = nil, roles: [ComponentRole]? = nil,
    deployment: DeploymentMethod? = nil, environments: [String]? = nil
  ) {
    self.exposure = exposure
    self.dataSensitivity = dataSensitivity
    self.personalData = personalData
    self.hosting = hosting
    self.procurement = procurement
    self.roles = roles
    self.deployment = deployment
    self.environments = environments
  }
}
