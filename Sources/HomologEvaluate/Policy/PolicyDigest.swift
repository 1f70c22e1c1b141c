import Foundation
import HomologModel
import HomologParsing

/// The policy's fingerprint: SHA-256 of its canonical JSON (keys sorted, snake_case as in the dossier, no
/// whitespace, slashes unescaped, a limit that is not set left out), so two dossiers judged under the same
/// thresholds carry the same hash.
public enum PolicyDigest {
  /// The canonical JSON the hash is computed on.
  public static func canonicalJSON(_ policy: Policy) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    // Encoding a Policy (strings, numbers, enums) cannot fail; an empty document would still hash deterministically.
    return (try? encoder.encode(policy)) ?? Data()
  }

  /// Lowercase hexadecimal SHA-256 of the canonical JSON.
  public static func sha256(_ policy: Policy) -> String {
    SHA256Hasher.hex(of: canonicalJSON(policy))
  }
}
