import Foundation
import HomologModel
import HomologParsing

/// Stable finding fingerprints: the same finding gets the same one across runs and tool versions.
public enum Fingerprint {
  /// A fingerprint from the parts that identify a finding (never line numbers of images, never dates).
  public static func make(_ kind: FindingKind, _ parts: [String?]) -> String {
    let text = ([kind.rawValue] + parts.map { $0 ?? "" }).joined(separator: "\u{1F}")
    return String(SHA256Hasher.hex(of: Data(text.utf8)).prefix(32))
  }
}
