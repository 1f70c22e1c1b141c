import Foundation
import HomologModel
import HomologParsing

/// Stable finding fingerprints: the same finding gets the same one across runs and tool versions.
public enum Fingerprint {
  /// A fingerprint from the parts that identify a finding (never line numbers of images, never dates).
  public static func make(_ kind: FindingKind, _ parts: [String?]) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(128)
    bytes.append(contentsOf: kind.rawValue.utf8)
    for part in parts {
      bytes.append(0x1F)
      if let part { bytes.append(contentsOf: part.utf8) }
    }
    return bytes.withUnsafeBytes { SHA256Hasher.hexPrefix(of: $0, length: 32) }
  }
}
