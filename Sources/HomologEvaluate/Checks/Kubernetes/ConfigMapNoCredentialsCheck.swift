import Foundation
import HomologKubernetes
import HomologModel

/// ConfigMaps hold configuration, never credentials (EXI-ARCH-22).
public struct ConfigMapNoCredentialsCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.configmap-no-credentials", title: "No credentials in ConfigMaps",
    rationale: """
      EXI-ARCH-22: configuration comes from the environment and is never hard-coded; credentials belong in Secrets. \
      Fails on ConfigMap `data` or `binaryData` keys containing `password`, `passwd` or `secret_key` (enforced: \
      Kyverno `cm-no-credentials` is ENFORCE in production), on other credential-like keys (`api_key`, \
      `access_token`, `private_key`, `client_secret`…) and on values holding obvious secrets: a private key block, \
      an AWS access key id, a `password=` / `password:` assignment with a literal value, credentials in a URL (not \
      enforced). Values that are references (`${VAR}`, `$(VAR)`, `{{ … }}`) are not secrets. Lines inside a \
      multi-line value are counted from the line of its block indicator.
      """,
    reads: [.kubernetes])

  /// Key fragments of the platform's Kyverno rule.
  static let kyvernoKeys = ["password", "passwd", "secret_key"]
  /// Other key fragments that name credentials.
  static let credentialKeys = [
    "secretkey", "secret-key", "api_key", "apikey", "api-key", "access_token", "access-token", "private_key",
    "private-key", "privatekey", "client_secret", "client-secret", "auth_token", "auth-token",
  ]

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for configMap in judgement.manifests.objects("ConfigMap") {
      judgement.checked += 1
      for section in ["data", "binaryData"] {
        for pair in configMap.body[section]?.pairs ?? [] {
          guard let key = pair.key.string else { continue }
          let lowered = key.lowercased()
          let keyArgs = [MessageArg("key", key)]
          if Self.kyvernoKeys.contains(where: lowered.contains) {
            judgement.fail("k8s.configmap-no-credentials.forbidden-key", configMap, at: pair.key, enforced: true, keyArgs)
            continue
          }
          if Self.credentialKeys.contains(where: lowered.contains), let value = pair.value.string, !SecretPatterns.isReference(value) {
            judgement.fail("k8s.configmap-no-credentials.credential-key", configMap, at: pair.key, enforced: false, keyArgs)
            continue
          }
          guard section == "data", let value = pair.value.string else { continue }
          for hit in SecretPatterns.scan(value) {
            judgement.fail(
              "k8s.configmap-no-credentials.secret-value", configMap, at: Self.node(of: hit, in: pair.value), enforced: false,
              keyArgs + [MessageArg("what", hit.what)])
          }
        }
      }
    }
    return judgement.result(of: self)
  }

  /// A node placed on the line of a hit: a block scalar's content starts on the line after its indicator.
  private static func node(of hit: SecretPatterns.Hit, in value: Node) -> Node {
    guard case .scalar(let scalar) = value.value, scalar.isQuoted, scalar.text.contains("\n") else { return value }
    return Node(value.value, line: value.line + 1 + hit.line, column: 1)
  }
}

/// Obvious secrets in configuration text.
enum SecretPatterns {
  /// One secret found: what it looks like, and the 0-based line of the value it is on.
  struct Hit {
    var what: String
    var line: Int
  }

  private static let privateKey = try! NSRegularExpression(pattern: "-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----")
  private static let awsKey = try! NSRegularExpression(pattern: "\\b(AKIA|ASIA)[0-9A-Z]{16}\\b")
  private static let assignment = try! NSRegularExpression(
    pattern: "(?i)(password|passwd|pwd)[\"']?\\s*[=:]\\s*[\"']?([^\\s\"',;]+)")
  private static let urlCredentials = try! NSRegularExpression(pattern: "[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]+:([^/\\s@]+)@")

  /// Secrets found in a value, one per line at most.
  static func scan(_ value: String) -> [Hit] {
    var hits: [Hit] = []
    for (index, line) in value.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let text = String(line)
      if matches(privateKey, text) {
        hits.append(Hit(what: "private key", line: index))
      } else if matches(awsKey, text) {
        hits.append(Hit(what: "AWS access key id", line: index))
      } else if let secret = firstCapture(urlCredentials, text, group: 1), !isReference(secret) {
        hits.append(Hit(what: "credentials in a URL", line: index))
      } else if let secret = firstCapture(assignment, text, group: 2), !isReference(secret),
        !notSecrets.contains(secret.lowercased())
      {
        hits.append(Hit(what: "password assignment", line: index))
      }
    }
    return hits
  }

  /// Assigned values that are switches or placeholders rather than passwords.
  private static let notSecrets: Set<String> = ["true", "false", "yes", "no", "null", "none", "~", "required", "optional"]

  /// True for values that refer to something else instead of holding a secret.
  static func isReference(_ value: String) -> Bool {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty || trimmed.hasPrefix("${") || trimmed.hasPrefix("$(") || trimmed.hasPrefix("{{")
      || trimmed.hasPrefix("%(") || trimmed.hasPrefix("#{")
  }

  private static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
    expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }

  private static func firstCapture(_ expression: NSRegularExpression, _ text: String, group: Int) -> String? {
    guard let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
      let range = Range(match.range(at: group), in: text)
    else { return nil }
    return String(text[range])
  }
}
