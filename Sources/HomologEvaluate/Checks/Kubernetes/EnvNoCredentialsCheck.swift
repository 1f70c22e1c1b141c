import HomologKubernetes
import HomologModel

/// No container carries a credential written in clear in its environment (EXI-ARCH-22).
public struct EnvNoCredentialsCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.env-no-credentials", title: "No credentials written in clear in container environments",
    rationale: """
      EXI-ARCH-22: configuration comes from the environment and is never hard-coded; on Cloud Pi Native secrets \
      never go to Git in clear (SOPS or Vault). Fails on a container `env` variable whose name says it holds a \
      credential (`*PASSWORD*`, `*PASSWD*`, `*SECRET*`, `*TOKEN*`, `*API_KEY*`, `*APIKEY*`, `*PRIVATE_KEY*`) with a \
      literal `value:`, and on any variable whose literal value holds an obvious secret (a private key block, an \
      AWS access key id, credentials in a URL). `valueFrom` (a Secret or ConfigMap reference), references \
      (`$(VAR)`, `${VAR}`, `{{ … }}`), empty values, numbers, booleans and names that hold a location rather \
      than the secret (`*_FILE`, `*_PATH`, `*_NAME`, `*_URL`, `*_REF`…) are not credentials. Messages name the \
      variable, never its value. Every regular, init and ephemeral container is checked; no container gives no \
      evidence. No Kyverno rule counterpart: not enforced.
      """,
    reads: [.kubernetes])

  /// Name fragments (upper-cased, `-` read as `_`) that say a variable holds a credential.
  static let credentialNames = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY"]
  /// Name endings that say a variable holds where a credential is, or a setting about it, not the credential.
  static let locationSuffixes = [
    "_FILE", "_PATH", "_DIR", "_NAME", "_URL", "_URI", "_ENDPOINT", "_REF", "_KEY_REF", "_HEADER", "_TTL", "_EXPIRY",
    "_EXPIRATION", "_TIMEOUT", "_LENGTH", "_TYPE", "_ENABLED", "_REQUIRED",
  ]
  /// Literal values that are switches or placeholders rather than credentials.
  static let notSecrets: Set<String> = ["true", "false", "yes", "no", "null", "none", "~", "required", "optional"]

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for workload in judgement.manifests.workloads {
      for container in workload.containers {
        judgement.checked += 1
        for variable in (container["env"]?.items ?? []) where variable.pairs != nil {
          guard let name = variable["name"]?.string, variable["valueFrom"] == nil, let valueNode = variable["value"],
            let value = valueNode.string
          else { continue }
          let args = [MessageArg("variable", name)]
          if Self.namesCredential(name), Self.isLiteralSecret(valueNode, value) {
            judgement.fail(
              "k8s.env-no-credentials.literal", workload.object, container: container, at: valueNode, enforced: false, args)
          } else if let hit = SecretPatterns.scan(value).first {
            judgement.fail(
              "k8s.env-no-credentials.secret-value", workload.object, container: container, at: valueNode, enforced: false,
              args + [MessageArg("what", hit.what)])
          }
        }
      }
    }
    return judgement.result(of: self)
  }

  /// True when a variable name says it holds a credential itself.
  static func namesCredential(_ name: String) -> Bool {
    let upper = name.uppercased().replacingOccurrences(of: "-", with: "_")
    guard credentialNames.contains(where: upper.contains) else { return false }
    return !locationSuffixes.contains(where: upper.hasSuffix)
  }

  /// True for a literal value that can be a credential: not empty, a reference, a number or a switch
  /// (Kubernetes takes env values as strings, so a number is a setting such as a lifetime, not a secret).
  static func isLiteralSecret(_ node: Node, _ value: String) -> Bool {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty, !SecretPatterns.isReference(trimmed), !notSecrets.contains(trimmed.lowercased()) else { return false }
    if node.int != nil || node.double != nil || node.bool != nil { return false }
    return Double(trimmed) == nil
  }
}
