import Foundation
import HomologModel
import HomologParsing

/// Reading the key files of `sign` and `verify`, and their refusals (exit 2).
enum SigningKeys {
  /// The largest key file read (a PEM Ed25519 key is about 120 bytes).
  static let sizeLimit = 1 << 16

  /// The bytes of a key file given on the command line.
  static func read(_ path: String) throws(InputError) -> Data {
    try FileInput.readWhole(Pipeline.url(path), displayPath: path, limit: sizeLimit)
  }

  /// A refused key or a failed signature, located at the key file.
  static func error(_ failure: Ed25519.Failure, path: String, publicKey: Bool) -> InputError {
    let location = SourceLocation(file: path)
    switch failure {
    case .unreadableKey:
      return Terminal.inputError(publicKey ? "sign.public-key-unreadable" : "sign.private-key-unreadable", at: location)
    case .notEd25519(let algorithm):
      return Terminal.inputError("sign.key-not-ed25519", [MessageArg("algorithm", algorithm)], at: location)
    case .signingFailed:
      return Terminal.inputError("sign.failed", at: location)
    }
  }
}
