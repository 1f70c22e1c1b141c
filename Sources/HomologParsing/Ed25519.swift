import CLibCrypto
import Foundation

/// Ed25519 signatures through OpenSSL's EVP interface (one-shot `EVP_DigestSign` / `EVP_DigestVerify`, no digest:
/// Ed25519 hashes the message itself), with keys read from PEM (PKCS#8 private key, SubjectPublicKeyInfo public key),
/// as `openssl genpkey -algorithm ed25519` and `openssl pkey -pubout` write them.
public enum Ed25519 {
  /// Why a key or a signature could not be used.
  public enum Failure: Error, Equatable {
    /// The bytes are not a PEM key of the expected kind (or an encrypted one).
    case unreadableKey
    /// A readable key of another algorithm; its OpenSSL name.
    case notEd25519(String)
    /// OpenSSL refused to sign.
    case signingFailed
  }

  /// The length of an Ed25519 signature in bytes.
  public static let signatureLength = 64

  /// The detached signature of `message` by the private key in `pem`.
  public static func sign(_ message: Data, privateKeyPEM pem: Data) throws(Failure) -> Data {
    let key = try readKey(pem, kind: .privateKey)
    defer { EVP_PKEY_free(key) }
    guard let context = EVP_MD_CTX_new() else { throw .signingFailed }
    defer { EVP_MD_CTX_free(context) }
    guard EVP_DigestSignInit(context, nil, nil, nil, key) == 1 else { throw .signingFailed }
    var signature = [UInt8](repeating: 0, count: signatureLength)
    var length = signature.count
    let bytes = [UInt8](message)
    let status = EVP_DigestSign(context, &signature, &length, bytes, bytes.count)
    guard status == 1, length == signatureLength else { throw .signingFailed }
    return Data(signature)
  }

  /// Refuses a private key `sign` could not use, before any other work.
  public static func checkPrivateKey(_ pem: Data) throws(Failure) {
    EVP_PKEY_free(try readKey(pem, kind: .privateKey))
  }

  /// True when `signature` is the public key's signature of `message`; throws only for an unusable key.
  public static func verify(_ signature: Data, of message: Data, publicKeyPEM pem: Data) throws(Failure) -> Bool {
    let key = try readKey(pem, kind: .publicKey)
    defer { EVP_PKEY_free(key) }
    guard signature.count == signatureLength, let context = EVP_MD_CTX_new() else { return false }
    defer { EVP_MD_CTX_free(context) }
    guard EVP_DigestVerifyInit(context, nil, nil, nil, key) == 1 else { return false }
    let signed = [UInt8](signature)
    let bytes = [UInt8](message)
    let status = EVP_DigestVerify(context, signed, signed.count, bytes, bytes.count)
    ERR_clear_error()
    return status == 1
  }

  private enum KeyKind {
    case privateKey
    case publicKey
  }

  /// Reads a PEM key (never prompting for a passphrase) and checks it is Ed25519.
  private static func readKey(_ pem: Data, kind: KeyKind) throws(Failure) -> OpaquePointer {
    // A passphrase callback that gives none: an encrypted key is refused instead of prompting on the terminal.
    let noPassphrase: @convention(c) (UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?) -> Int32 = { _, _, _, _ in 0 }
    let key: OpaquePointer? = pem.withUnsafeBytes { raw in
      guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
      defer { BIO_free(bio) }
      switch kind {
      case .privateKey: return PEM_read_bio_PrivateKey(bio, nil, noPassphrase, nil)
      case .publicKey: return PEM_read_bio_PUBKEY(bio, nil, noPassphrase, nil)
      }
    }
    ERR_clear_error()
    guard let key else { throw .unreadableKey }
    guard EVP_PKEY_is_a(key, "ED25519") == 1 else {
      let name = EVP_PKEY_get0_type_name(key).map { String(cString: $0) } ?? "?"
      EVP_PKEY_free(key)
      throw .notEd25519(name)
    }
    return key
  }
}
