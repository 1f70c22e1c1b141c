import CLibCrypto
import Foundation

/// SHA-256 through OpenSSL's EVP interface, fed in chunks.
public final class SHA256Hasher {
  private let context: OpaquePointer

  public init() {
    context = EVP_MD_CTX_new()
    EVP_DigestInit_ex(context, EVP_sha256(), nil)
  }

  deinit { EVP_MD_CTX_free(context) }

  /// Adds bytes to the digest.
  public func update(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    EVP_DigestUpdate(context, base, bytes.count)
  }

  /// Adds data to the digest.
  public func update(_ data: Data) {
    data.withUnsafeBytes { update($0) }
  }

  /// The lowercase hexadecimal digest; the hasher must not be used afterwards.
  public func finalizeHex() -> String {
    var digest = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    EVP_DigestFinal_ex(context, &digest, &length)
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(64)
    for byte in digest.prefix(Int(length)) {
      out.append(hex[Int(byte >> 4)])
      out.append(hex[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The SHA-256 of some data.
  public static func hex(of data: Data) -> String {
    let hasher = SHA256Hasher()
    hasher.update(data)
    return hasher.finalizeHex()
  }
}
