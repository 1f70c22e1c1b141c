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

  /// The first `length` lowercase hexadecimal digits of the SHA-256 of some bytes, in one call (no hasher kept).
  public static func hexPrefix(of bytes: UnsafeRawBufferPointer, length: Int = 64) -> String {
    var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
    return withUnsafeMutableBytes(of: &digest) { raw -> String in
      var size: UInt32 = 0
      let digestBytes = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
      EVP_Digest(bytes.baseAddress, bytes.count, digestBytes, &size, EVP_sha256(), nil)
      let hex: StaticString = "0123456789abcdef"
      let count = min(length, Int(size) * 2)
      return String(unsafeUninitializedCapacity: count) { out in
        for index in 0..<count {
          let byte = digestBytes[index / 2]
          out[index] = hex.utf8Start[Int(index % 2 == 0 ? byte >> 4 : byte & 0x0F)]
        }
        return count
      }
    }
  }

  /// The SHA-256 of some data.
  public static func hex(of data: Data) -> String {
    let hasher = SHA256Hasher()
    hasher.update(data)
    return hasher.finalizeHex()
  }
}
