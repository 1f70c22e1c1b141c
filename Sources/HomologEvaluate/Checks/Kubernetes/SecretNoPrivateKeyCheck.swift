import Foundation
import HomologKubernetes
import HomologModel

/// No Secret manifest holds a private key in clear (EXI-ARCH-22).
public struct SecretNoPrivateKeyCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.secret-no-private-key", title: "No private key committed in a Secret manifest",
    rationale: """
      EXI-ARCH-22: on Cloud Pi Native secrets never go to Git in clear (SOPS or Vault), and base64 is an \
      encoding, not encryption. Fails on a `Secret` whose `data` (decoded) or `stringData` holds a private key: a \
      non-empty `tls.key` or `ssh-privatekey` (the keys of the `kubernetes.io/tls` and `kubernetes.io/ssh-auth` \
      types), or any value holding a `-----BEGIN … PRIVATE KEY-----` block. Secrets encrypted with \
      SOPS (a `sops` section, `ENC[…]` values) are noted, not failed; empty values and references (`{{ … }}`, \
      `${…}`) hold nothing. Messages name the key, never its value. No Secret gives no evidence. No Kyverno rule \
      counterpart: not enforced.
      """,
    reads: [.kubernetes])

  /// Keys of the Kubernetes Secret types that hold a private key.
  static let privateKeyKeys: Set<String> = ["tls.key", "ssh-privatekey"]

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for secret in judgement.manifests.objects("Secret") where secret.apiVersion == "v1" {
      judgement.checked += 1
      if secret.body["sops"] != nil {
        judgement.note("k8s.secret-no-private-key.sops", secret, at: secret.body.key("sops"))
        continue
      }
      for section in ["data", "stringData"] {
        for pair in secret.body[section]?.pairs ?? [] {
          guard let key = pair.key.string, let raw = pair.value.string else { continue }
          let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
          guard !trimmed.isEmpty, !SecretPatterns.isReference(trimmed) else { continue }
          if trimmed.hasPrefix("ENC[") {
            judgement.note("k8s.secret-no-private-key.sops", secret, at: pair.key)
            continue
          }
          let text = section == "data" ? Self.decoded(trimmed) : raw
          let block = SecretPatterns.scan(text).contains { $0.what == "private key" }
          if block || Self.privateKeyKeys.contains(key) {
            judgement.fail(
              "k8s.secret-no-private-key.private-key", secret, at: pair.key, enforced: false,
              [MessageArg("key", key), MessageArg("section", section)])
          }
        }
      }
    }
    return judgement.result(of: self)
  }

  /// The text of a base64 `data` value, or the value itself when it is not base64.
  static func decoded(_ value: String) -> String {
    guard let data = Data(base64Encoded: value, options: .ignoreUnknownCharacters) else { return value }
    return String(decoding: data, as: UTF8.self)
  }
}
