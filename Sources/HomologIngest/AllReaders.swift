import HomologModel

/// Every reader, in detection order: the most specific formats first.
public enum AllReaders {
  /// Order matters where sniffs could overlap: Trivy before any other JSON (its keys are unique);
  /// SARIF before anything that might see `"runs"`; SBOM and scanner documents with a marker key
  /// (`bomFormat`, `spdxVersion`, `scanInfo`) before the readers of bare arrays (SonarQube,
  /// Gitleaks); coverage JSON next; OpenAPI last among JSON, as it also reads YAML.
  public static let list: [any EvidenceReader.Type] = [
    TrivyJSONReader.self,
    SARIFReader.self,
    GrypeJSONReader.self,
    CycloneDXJSONReader.self,
    SPDXJSONReader.self,
    DependencyCheckJSONReader.self,
    // Scanner reports with marker keys (tools lane): GitLab security reports, Kubernetes configuration scanners.
    GitLabDependencyScanningJSONReader.self,
    GitLabSecurityJSONReader.self,
    CheckovJSONReader.self,
    KubescapeJSONReader.self,
    KubeLinterJSONReader.self,
    PolarisJSONReader.self,
    SonarQubeJSONReader.self,
    GitleaksJSONReader.self,
    IstanbulJSONReader.self,
    IstanbulSummaryJSONReader.self,
    OpenAPIReader.self,
    CloverXMLReader.self,
    CoberturaXMLReader.self,
    JaCoCoXMLReader.self,
    JUnitXMLReader.self,
    DependencyCheckXMLReader.self,
    LCOVReader.self,
    GoCoverprofileReader.self,
    // What the platform reports (Harbor's scan, the cluster's Trivy Operator and policy reports): before manifests,
    // as reports are API objects too (their sniffs ask for the report's API group and kind).
    HarborJSONReader.self,
    TrivyOperatorReader.self,
    KyvernoPolicyReportReader.self,
    SonarQubeReportTaskReader.self,
    // Kubernetes manifests last: their sniff only asks for top-level apiVersion + kind keys.
    KubernetesJSONManifestReader.self,
    KubernetesManifestReader.self,
  ]

  /// The reader whose sniff accepts this head, if any.
  public static func detect(_ head: FileHead) -> (any EvidenceReader.Type)? {
    list.first { $0.sniff(head) }
  }

  /// The reader of a format id, if any.
  public static func reader(for format: FormatID) -> (any EvidenceReader.Type)? {
    list.first { $0.format == format }
  }
}
