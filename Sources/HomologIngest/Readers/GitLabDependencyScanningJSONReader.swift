import HomologModel

/// GitLab dependency scanning reports (`gl-dependency-scanning-report.json`, Gemnasium and others): read as every
/// GitLab security report (`GitLabSecurityJSONReader`), under their own format so that `deps.vulnerabilities` judges
/// them with the other dependency scanners (Dependency-Check, CycloneDX) and `vuln.thresholds` does not.
public enum GitLabDependencyScanningJSONReader: EvidenceReader {
  public static let format: FormatID = "gitlab-dependency-scanning-json"
  public static let formatName = "GitLab dependency scanning report JSON"

  public static func sniff(_ head: FileHead) -> Bool {
    GitLabSecurityJSONReader.isReport(head) && GitLabSecurityJSONReader.isDependencyScanning(head)
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    try GitLabSecurityJSONReader.read(input)
  }
}
