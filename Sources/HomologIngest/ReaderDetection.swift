// What in the content identifies each format, for `homolog formats` (detection never uses file names alone).

extension TrivyJSONReader: DetectionDescribing {
  public static let detection = "JSON object with SchemaVersion and ArtifactName/Results; `trivy k8s` ClusterName; or the old top-level array of results with Target"
}
extension SARIFReader: DetectionDescribing {
  public static let detection = "JSON object with a `runs` array and a SARIF `$schema` or `version: 2.1.0`"
}
extension GrypeJSONReader: DetectionDescribing {
  public static let detection = "JSON object with `matches` carrying `matchDetails` / `relatedVulnerabilities`"
}
extension CycloneDXJSONReader: DetectionDescribing {
  public static let detection = "JSON object with `bomFormat: CycloneDX`"
}
extension SPDXJSONReader: DetectionDescribing {
  public static let detection = "JSON object with `spdxVersion`"
}
extension DependencyCheckJSONReader: DetectionDescribing {
  public static let detection = "JSON object with `scanInfo` and `dependencies`"
}
extension GitLabSecurityJSONReader: DetectionDescribing {
  public static let detection = "JSON object with `vulnerabilities` carrying `identifiers`/`location`/`scanner`, or a `scan` block (GitLab SAST, container scanning, secret detection reports)"
}
extension GitLabDependencyScanningJSONReader: DetectionDescribing {
  public static let detection = "a GitLab security report of type `dependency_scanning` (or whose locations name package dependencies and no image)"
}
extension CheckovJSONReader: DetectionDescribing {
  public static let detection = "JSON object (or array of them) with `check_type` and `results.failed_checks` / `summary.checkov_version`"
}
extension KubescapeJSONReader: DetectionDescribing {
  public static let detection = "JSON object with `summaryDetails` and `controlID`/`resourceID` (kubescape scan --format json)"
}
extension KubeLinterJSONReader: DetectionDescribing {
  public static let detection = "JSON object with `Reports` of `K8sObject`s, or `Summary.KubeLinterVersion`"
}
extension PolarisJSONReader: DetectionDescribing {
  public static let detection = "JSON object with `PolarisOutputVersion`, or `ClusterInfo` and `PodResult`"
}
extension SonarQubeReportTaskReader: DetectionDescribing {
  public static let detection = "text of `key=value` lines with `projectKey`, `serverUrl` and `ceTaskId` (sonar-scanner's report-task.txt)"
}
extension SonarQubeJSONReader: DetectionDescribing {
  public static let detection = "JSON with `projectStatus` (quality gate), `issues`, `hotspots`, or a sonar-report document embedding them"
}
extension GitleaksJSONReader: DetectionDescribing {
  public static let detection = "JSON array of leaks with RuleID/Secret (v8) or rule/offender (v4–v7) keys"
}
extension IstanbulJSONReader: DetectionDescribing {
  public static let detection = "JSON object of files with `statementMap`, `s`, `branchMap` (coverage-final.json)"
}
extension IstanbulSummaryJSONReader: DetectionDescribing {
  public static let detection = "JSON object with `total` holding lines/statements/branches pct (coverage-summary.json)"
}
extension OpenAPIReader: DetectionDescribing {
  public static let detection = "YAML or JSON document with a top-level `openapi:` or `swagger:` key"
}
extension CloverXMLReader: DetectionDescribing {
  public static let detection = "XML root <coverage> with a `clover` attribute or a <project> child"
}
extension CoberturaXMLReader: DetectionDescribing {
  public static let detection = "XML root <coverage> with `line-rate` or <packages>"
}
extension JaCoCoXMLReader: DetectionDescribing {
  public static let detection = "XML root <report> with the JaCoCo DOCTYPE, <sessioninfo> or counters"
}
extension JUnitXMLReader: DetectionDescribing {
  public static let detection = "XML root <testsuites> or <testsuite>"
}
extension DependencyCheckXMLReader: DetectionDescribing {
  public static let detection = "XML root <analysis> from dependency-check"
}
extension LCOVReader: DetectionDescribing {
  public static let detection = "text whose first records are `TN:` or `SF:` lines"
}
extension GoCoverprofileReader: DetectionDescribing {
  public static let detection = "text whose first line is `mode: set|count|atomic`"
}
extension HarborJSONReader: DetectionDescribing {
  public static let detection = "JSON object keyed by a Harbor vulnerability report mime type, or with `generated_at`, `scanner` and `vulnerabilities`"
}
extension TrivyOperatorReader: DetectionDescribing {
  public static let detection = "YAML or JSON objects with `apiVersion: aquasecurity.github.io/…` and a report kind (VulnerabilityReport, ConfigAuditReport, ExposedSecretReport…), single, `List`, array or keyed by CRD"
}
extension KyvernoPolicyReportReader: DetectionDescribing {
  public static let detection = "YAML or JSON objects with `apiVersion: wgpolicyk8s.io/…` and kind PolicyReport or ClusterPolicyReport, single or `List`"
}
extension KubernetesJSONManifestReader: DetectionDescribing {
  public static let detection = "JSON object with top-level `apiVersion` and `kind` (or `items`)"
}
extension KubernetesManifestReader: DetectionDescribing {
  public static let detection = "YAML documents with top-level `apiVersion:` and `kind:` keys (multi-document, Helm `# Source:` kept)"
}
