/// Every built-in check, in the order `homolog checks` lists them.
public enum AllChecks {
  public static let list: [any Check] = [
    VulnThresholdsCheck(),
    ImageBaseSupportedCheck(),
    CoverageBackendCheck(),
    CoverageFrontendCheck(),
    DepsVulnerabilitiesCheck(),
    SastNoBlockingCheck(),
    SecretsNoneCheck(),
    SonarQualityGateCheck(),
    TestsPassingCheck(),
    TestsFrontendFunctionalCheck(),
    ApiOpenAPIValidCheck(),
    // Kubernetes manifests: CCT requirements, then the platform's Kyverno rules.
    UnprivilegedPortsCheck(),
    NoPrivilegedCheck(),
    RunAsNonRootCheck(),
    ReadOnlyRootFilesystemCheck(),
    SecurityContextUnsetCheck(),
    NoHostAccessCheck(),
    ImageTagPinnedCheck(),
    ImagePullPolicyCheck(),
    ProbesCheck(),
    HealthEndpointsCheck(),
    NoSessionAffinityCheck(),
    StatelessWorkloadsCheck(),
    HighAvailabilityCheck(),
    ArgoCDApplicationCheck(),
    ConfigMapNoCredentialsCheck(),
    EnvNoCredentialsCheck(),
    SecretNoPrivateKeyCheck(),
    ResourcesCheck(),
    LabelsCheck(),
    AllowedRegistriesCheck(),
    NoNodePortCheck(),
    PVCSizeCheck(),
    CronJobHistoryCheck(),
  ]

  /// The ids of every built-in check.
  public static var ids: Set<String> { Set(list.map(\.id)) }

  /// The check with this id.
  public static func check(_ id: String) -> (any Check)? { list.first { $0.id == id } }
}
