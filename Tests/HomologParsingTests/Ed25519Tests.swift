import Foundation
import HomologParsing
import XCTest

/// Ed25519 through libcrypto against RFC 8032's test vectors (section 7.1), and the keys it refuses.
final class Ed25519Tests: XCTestCase {
  /// RFC 8032 7.1 TEST 1: secret key 9d61b1…7f60 as PKCS#8 PEM, its public key d75a98…511a, the empty message.
  private let test1Key = Data(
    """
    -----BEGIN PRIVATE KEY-----
    MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g
    -----END PRIVATE KEY-----

    """.utf8)
  private let test1Public = Data(
    """
    -----BEGIN PUBLIC KEY-----
    MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=
    -----END PUBLIC KEY-----

    """.utf8)
  private let test1Signature =
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"

  /// RFC 8032 7.1 TEST 2: secret key 4ccd08…a6fb, public key 3d4017…660c, the one-byte message 0x72.
  private let test2Key = Data(
    """
    -----BEGIN PRIVATE KEY-----
    MC4CAQAwBQYDK2VwBCIEIEzNCJso/5banbbDRuwRTg9bijGfNaumJNqM9u1PuKb7
    -----END PRIVATE KEY-----

    """.utf8)
  private let test2Public = Data(
    """
    -----BEGIN PUBLIC KEY-----
    MCowBQYDK2VwAyEAPUAXw+hDiVqStwqnTRt+vJyYLM8uxJaMwM1V8Sr0Zgw=
    -----END PUBLIC KEY-----

    """.utf8)
  private let test2Signature =
    "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"

  private func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }

  func testSignaturesAreRFC8032s() throws {
    XCTAssertEqual(hex(try Ed25519.sign(Data(), privateKeyPEM: test1Key)), test1Signature)
    XCTAssertEqual(hex(try Ed25519.sign(Data([0x72]), privateKeyPEM: test2Key)), test2Signature)
  }

  func testVerifyAcceptsTheSignatureAndNothingElse() throws {
    let signature = try Ed25519.sign(Data([0x72]), privateKeyPEM: test2Key)
    XCTAssertTrue(try Ed25519.verify(signature, of: Data([0x72]), publicKeyPEM: test2Public))
    XCTAssertFalse(try Ed25519.verify(signature, of: Data([0x73]), publicKeyPEM: test2Public), "another message")
    XCTAssertFalse(try Ed25519.verify(signature, of: Data([0x72]), publicKeyPEM: test1Public), "another key")
    var altered = signature
    altered[0] ^= 1
    XCTAssertFalse(try Ed25519.verify(altered, of: Data([0x72]), publicKeyPEM: test2Public), "an altered signature")
    XCTAssertFalse(try Ed25519.verify(signature.prefix(63), of: Data([0x72]), publicKeyPEM: test2Public), "a short signature")
    XCTAssertTrue(try Ed25519.verify(try Ed25519.sign(Data(), privateKeyPEM: test1Key), of: Data(), publicKeyPEM: test1Public))
  }

  func testKeysOfAnotherAlgorithmAreNamed() {
    let ecKey = Data(
      """
      -----BEGIN PRIVATE KEY-----
      MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgnX+MMViQ1MJglzFu
      XKVG3jmuHY6P9BEtYIdGUEJ9qX+hRANCAATyb+a8RnPgAMbSI2Fp8Nw+cPVwIPbh
      uCHDPxRcXjANH2Gk0ryF7Fn93CWPJWQIGzGjC+4xzYiMncJBq39nXA1b
      -----END PRIVATE KEY-----

      """.utf8)
    XCTAssertThrowsError(try Ed25519.sign(Data(), privateKeyPEM: ecKey)) { error in
      XCTAssertEqual(error as? Ed25519.Failure, .notEd25519("EC"))
    }
  }

  func testUnreadableKeysAreRefusedWithoutPrompting() {
    // An encrypted key (passphrase "homolog"): refused, never a passphrase prompt.
    let encrypted = Data(
      """
      -----BEGIN ENCRYPTED PRIVATE KEY-----
      MIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAgoGKDGvh5PfAICCAAw
      DAYIKoZIhvcNAgkFADAdBglghkgBZQMEAQIEEIyh1Mtfc1jtJZjN1camK2oEQDJZ
      VYk244jHWGzjaDWoy6lA7NMz8j1bvXQQFZiyFXVvCagdyb5U2bpdvVo5Gtssp22r
      2a7D6PwCuxYVy82T9D4=
      -----END ENCRYPTED PRIVATE KEY-----

      """.utf8)
    for (name, pem) in [("encrypted", encrypted), ("garbage", Data("not a key\n".utf8)), ("empty", Data()), ("public", test1Public)] {
      XCTAssertThrowsError(try Ed25519.checkPrivateKey(pem), name) { error in
        XCTAssertEqual(error as? Ed25519.Failure, .unreadableKey, name)
      }
    }
    XCTAssertThrowsError(try Ed25519.verify(Data(count: 64), of: Data(), publicKeyPEM: test1Key), "a private key as the public one") { error in
      XCTAssertEqual(error as? Ed25519.Failure, .unreadableKey)
    }
  }
}
