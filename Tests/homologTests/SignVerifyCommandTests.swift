import Foundation
import XCTest

/// `homolog sign` and `homolog verify` on the demo's dossier, through the built binary, with keys openssl generates.
final class SignVerifyCommandTests: XCTestCase {
  /// The demo project (a copy), its dossier in `out/`, and an Ed25519 key pair beside it.
  private struct Signed {
    var project: URL
    var keys: URL
    var key: String { keys.appendingPathComponent("key.pem").path }
    var pub: String { keys.appendingPathComponent("pub.pem").path }
    var out: URL { project.appendingPathComponent("out") }
  }

  private func openssl(_ arguments: [String]) throws -> ChildProcess.Result {
    let result = ChildProcess.run(["openssl"] + arguments)
    guard result.status != 127 else { throw XCTSkip("openssl is not installed") }
    return result
  }

  /// A key pair of `algorithm` (openssl genpkey) named NAME.pem and NAME.pub.pem.
  private func keyPair(_ folder: URL, name: String, algorithm: [String] = ["-algorithm", "ed25519"]) throws {
    let key = folder.appendingPathComponent("\(name).pem").path
    XCTAssertEqual(try openssl(["genpkey"] + algorithm + ["-out", key]).status, 0)
    XCTAssertEqual(try openssl(["pkey", "-in", key, "-pubout", "-out", folder.appendingPathComponent("\(name).pub.pem").path]).status, 0)
  }

  /// The demo evaluated (all formats) then signed with a fresh key.
  private func signedDemo() throws -> Signed {
    let project = try CLI.demoCopy()
    let keys = try CLI.temporaryDirectory()
    try keyPair(keys, name: "key")
    try FileManager.default.moveItem(at: keys.appendingPathComponent("key.pub.pem"), to: keys.appendingPathComponent("pub.pem"))
    let evaluated = try CLI.run(["evaluate", "--out", "out", "--as-of", "2026-03-01", "--quiet"], in: project)
    XCTAssertEqual(evaluated.status, 1, evaluated.stderr)  // the demo is éliminatoire
    let signed = Signed(project: project, keys: keys)
    let result = try CLI.run(["sign", "out", "--key", signed.key, "--lang", "en"], in: project)
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "out/manifest.json: 8 output files and 16 evidence files, signed (Ed25519) → out/manifest.json.sig\n")
    return signed
  }

  private func verify(_ signed: Signed, pubkey: String? = nil, lang: String = "en") throws -> CLI.Output {
    try CLI.run(["verify", "out", "--pubkey", pubkey ?? signed.pub, "--lang", lang], in: signed.project)
  }

  /// Replaces the byte at `offset` of a file by another (same size).
  private func flipByte(_ url: URL, at offset: Int = 100) throws {
    var data = try Data(contentsOf: url)
    data[offset] = data[offset] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
    try data.write(to: url)
  }

  func testSignThenVerifyPasses() throws {
    let signed = try signedDemo()
    let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: signed.out.appendingPathComponent("manifest.json"))) as? [String: Any]
    XCTAssertEqual(manifest?["schema"] as? String, "homolog-manifest/1")
    XCTAssertEqual(manifest?["as_of"] as? String, "2026-03-01")
    XCTAssertEqual(manifest?["project"] as? String, "Registre des habilitations (RHab)")
    let outputs = try XCTUnwrap(manifest?["outputs"] as? [[String: Any]])
    XCTAssertEqual(
      outputs.compactMap { $0["path"] as? String },
      ["dossier.html", "dossier.json", "dossier.md", "findings.sarif", "gl-code-quality.json", "junit.xml", "oscal-assessment-results.json",
        "verdict.intoto.json",
      ])
    let evidence = try XCTUnwrap(manifest?["evidence"] as? [[String: Any]])
    XCTAssertEqual(evidence.count, 16)
    // The attested documents (attestations.yaml) and the declarations are signed with the dossier's evidence list.
    let paths = evidence.compactMap { $0["path"] as? String }
    XCTAssertEqual(Array(paths.prefix(6)), [
      "attestations.yaml", "derogations.yaml", "docs/convention-cloud-pi-native.md", "docs/modele-donnees-rgpd.md", "docs/plan-sauvegarde.md",
      "homolog.yaml",
    ])
    XCTAssertTrue(paths.contains("docs/plan-sauvegarde.md"), "\(paths)")
    XCTAssertTrue(paths.contains("manifests/rendered.yaml"), "\(paths)")
    let bom = try XCTUnwrap(evidence.first { $0["path"] as? String == "reports/api/bom.json" })
    let bomData = try Data(contentsOf: signed.project.appendingPathComponent("reports/api/bom.json"))
    XCTAssertEqual(bom["sha256"] as? String, try CLI.sha256(bomData))
    XCTAssertEqual(bom["bytes"] as? Int, bomData.count)
    let html = try XCTUnwrap(outputs.first { $0["path"] as? String == "dossier.html" })
    XCTAssertEqual(html["sha256"] as? String, try CLI.sha256(Data(contentsOf: signed.out.appendingPathComponent("dossier.html"))))
    XCTAssertEqual(try Data(contentsOf: signed.out.appendingPathComponent("manifest.json.sig")).count, 64)

    let result = try verify(signed)
    XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
    XCTAssertEqual(result.stdout, "intact: valid signature, 8 output files and 16 evidence files unchanged (out/manifest.json)\n")
    let french = try verify(signed, lang: "fr")
    XCTAssertEqual(french.stdout, "intact : signature valide, 8 fichiers de sortie et 16 fichiers de preuve inchangés (out/manifest.json)\n")
  }

  func testInTotoStatementNamesTheOutputsAndTheVerdict() throws {
    let signed = try signedDemo()
    let data = try Data(contentsOf: signed.out.appendingPathComponent("verdict.intoto.json"))
    let statement = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    XCTAssertEqual(statement["_type"] as? String, "https://in-toto.io/Statement/v1")
    XCTAssertEqual(statement["predicateType"] as? String, "urn:homolog:predicate:compliance-verdict:v1")
    let subjects = try XCTUnwrap(statement["subject"] as? [[String: Any]])
    XCTAssertEqual(subjects.count, 7)
    let json = try XCTUnwrap(subjects.first { $0["name"] as? String == "dossier.json" })
    XCTAssertEqual(
      (json["digest"] as? [String: String])?["sha256"], try CLI.sha256(Data(contentsOf: signed.out.appendingPathComponent("dossier.json"))))
    let predicate = try XCTUnwrap(statement["predicate"] as? [String: Any])
    XCTAssertEqual(predicate["verdict"] as? String, "eliminatoire")
    XCTAssertEqual(predicate["eliminatory"] as? Bool, true)
    XCTAssertEqual((predicate["eliminating"] as? [String])?.count, 25)
    XCTAssertEqual(predicate["score"] as? Double, 3.5)
    XCTAssertEqual(predicate["asOf"] as? String, "2026-03-01")
    XCTAssertEqual((predicate["catalogue"] as? [String: Any])?["id"] as? String, "cct-cloud-pi-native")
    XCTAssertEqual((predicate["catalogue"] as? [String: Any])?["version"] as? String, "27.05.2024")
    // The statement is signed through the manifest: changing it is caught.
    try flipByte(signed.out.appendingPathComponent("verdict.intoto.json"), at: 40)
    XCTAssertEqual(try verify(signed).stdout, "changed: out/verdict.intoto.json (same size, different SHA-256)\n")
  }

  func testManifestAndSignatureAreDeterministic() throws {
    let signed = try signedDemo()
    let manifest = try Data(contentsOf: signed.out.appendingPathComponent("manifest.json"))
    let signature = try Data(contentsOf: signed.out.appendingPathComponent("manifest.json.sig"))
    XCTAssertEqual(try CLI.run(["sign", "out", "--key", signed.key], in: signed.project).status, 0)
    XCTAssertEqual(try Data(contentsOf: signed.out.appendingPathComponent("manifest.json")), manifest)
    // Ed25519 signatures are deterministic (RFC 8032).
    XCTAssertEqual(try Data(contentsOf: signed.out.appendingPathComponent("manifest.json.sig")), signature)
    XCTAssertTrue(String(decoding: manifest, as: UTF8.self).hasPrefix("{\n  \"as_of\" : \"2026-03-01\",\n  \"evidence\" : [\n"))
  }

  func testOpenSSLAcceptsTheSignature() throws {
    let signed = try signedDemo()
    let manifest = signed.out.appendingPathComponent("manifest.json").path
    let signature = signed.out.appendingPathComponent("manifest.json.sig").path
    let command = ["pkeyutl", "-verify", "-pubin", "-inkey", signed.pub, "-rawin", "-in", manifest, "-sigfile", signature]
    let accepted = try openssl(command)
    XCTAssertEqual(accepted.status, 0, accepted.text)
    XCTAssertEqual(accepted.output, "Signature Verified Successfully\n")
    try flipByte(URL(fileURLWithPath: manifest), at: 20)
    let refused = try openssl(command)
    XCTAssertEqual(refused.status, 1, refused.text)
    XCTAssertTrue(refused.output.contains("Signature Verification Failure"), refused.text)
  }

  func testOneChangedByteOfAnOutputIsNamed() throws {
    let signed = try signedDemo()
    try flipByte(signed.out.appendingPathComponent("dossier.html"))
    let result = try verify(signed)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stdout, "changed: out/dossier.html (same size, different SHA-256)\n")
    XCTAssertEqual(result.stderr, "verification failed: 1 problem (out/manifest.json)\n")
  }

  func testOneChangedByteOfAnEvidenceFileIsNamed() throws {
    let signed = try signedDemo()
    try flipByte(signed.project.appendingPathComponent("reports/api/bom.json"))
    let result = try verify(signed)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stdout, "changed: reports/api/bom.json (same size, different SHA-256)\n")
    // An attested document, one byte longer.
    try Data("\n".utf8).append(to: signed.project.appendingPathComponent("docs/plan-sauvegarde.md"))
    let longer = try verify(signed, lang: "fr")
    XCTAssertEqual(longer.status, 1)
    XCTAssertEqual(
      longer.stdout,
      "modifié : docs/plan-sauvegarde.md (371 octets signés, 372 maintenant)\nmodifié : reports/api/bom.json (même taille, SHA-256 différent)\n")
  }

  func testDeclarationsAreSignedFromTheEvaluatedProjectOnly() throws {
    let signed = try signedDemo()
    let derogations = signed.project.appendingPathComponent("derogations.yaml")
    try Data("# renewed\n".utf8).append(to: derogations)
    let result = try verify(signed)
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stdout.hasPrefix("changed: derogations.yaml ("), result.stdout)
    // A homolog.yaml of another policy is not the dossier's project: sign refuses it.
    let config = signed.project.appendingPathComponent("homolog.yaml")
    let text = try String(contentsOf: config, encoding: .utf8)
    try text.replacingOccurrences(of: "vulnerabilities: {critical: 0, high: 0}", with: "vulnerabilities: {critical: 0, high: 3}")
      .write(to: config, atomically: true, encoding: .utf8)
    let refused = try CLI.run(["sign", "out", "--key", signed.key, "--lang", "en"], in: signed.project)
    XCTAssertEqual(refused.status, 2)
    XCTAssertEqual(
      refused.stderr,
      "homolog.yaml: error: this homolog.yaml's policy is not the one the dossier was judged under (policy_sha256 differs): give the evaluated"
        + " project's folder with --project, or run homolog evaluate again\n")
  }

  func testRemovedAndAddedFilesAreNamed() throws {
    let signed = try signedDemo()
    try FileManager.default.removeItem(at: signed.out.appendingPathComponent("junit.xml"))
    try FileManager.default.removeItem(at: signed.project.appendingPathComponent("manifests/rendered.yaml"))
    try Data("late\n".utf8).write(to: signed.out.appendingPathComponent("annexe.txt"))
    let result = try verify(signed)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stdout,
      "missing: out/junit.xml\nmissing: manifests/rendered.yaml\nnot signed: out/annexe.txt (added to the folder after signing)\n")
  }

  func testBadSignatureIsSaid() throws {
    let signed = try signedDemo()
    try flipByte(signed.out.appendingPathComponent("manifest.json.sig"), at: 10)
    let result = try verify(signed)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stdout, "bad signature: out/manifest.json.sig is not the signature of manifest.json by the key \(signed.pub)\n")
    // A manifest edited to match a changed file: the files agree with it, its signature does not.
    let manifestURL = signed.out.appendingPathComponent("manifest.json")
    let html = try CLI.sha256(Data(contentsOf: signed.out.appendingPathComponent("dossier.html")))
    try flipByte(signed.out.appendingPathComponent("dossier.html"))
    let changed = try CLI.sha256(Data(contentsOf: signed.out.appendingPathComponent("dossier.html")))
    let text = try String(contentsOf: manifestURL, encoding: .utf8).replacingOccurrences(of: html, with: changed)
    try text.write(to: manifestURL, atomically: true, encoding: .utf8)
    XCTAssertEqual(try CLI.run(["sign", "out", "--key", signed.key], in: signed.project).status, 2, "sign refuses a changed output")
    let edited = try verify(signed)
    XCTAssertEqual(edited.status, 1)
    XCTAssertTrue(edited.stdout.hasPrefix("bad signature: "), edited.stdout)
    XCTAssertFalse(edited.stdout.contains("dossier.html"), edited.stdout)
    try FileManager.default.removeItem(at: signed.out.appendingPathComponent("manifest.json.sig"))
    XCTAssertTrue(try verify(signed).stdout.hasPrefix("signature missing: out/manifest.json.sig\n"))
  }

  func testWrongPublicKeyFails() throws {
    let signed = try signedDemo()
    try keyPair(signed.keys, name: "other")
    let result = try verify(signed, pubkey: signed.keys.appendingPathComponent("other.pub.pem").path)
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stdout.hasPrefix("bad signature: out/manifest.json.sig is not the signature of manifest.json by the key "), result.stdout)
  }

  func testBadKeysAreRefusedWithExitTwo() throws {
    let signed = try signedDemo()
    let garbage = signed.keys.appendingPathComponent("garbage.pem")
    try Data("not a key\n".utf8).write(to: garbage)
    let unreadable = try CLI.run(["sign", "out", "--key", garbage.path], in: signed.project)
    XCTAssertEqual(unreadable.status, 2)
    XCTAssertEqual(
      unreadable.stderr,
      "\(garbage.path): erreur : clé privée illisible : une clé PEM non chiffrée est attendue (openssl genpkey -algorithm ed25519 -out key.pem)\n")
    try keyPair(signed.keys, name: "ec", algorithm: ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"])
    let ec = try CLI.run(["sign", "out", "--key", signed.keys.appendingPathComponent("ec.pem").path, "--lang", "en"], in: signed.project)
    XCTAssertEqual(ec.status, 2)
    XCTAssertTrue(ec.stderr.hasSuffix(": error: EC key: homolog signs and verifies with an Ed25519 key only (openssl genpkey -algorithm ed25519)\n"), ec.stderr)
    let ecPublic = try verify(signed, pubkey: signed.keys.appendingPathComponent("ec.pub.pem").path)
    XCTAssertEqual(ecPublic.status, 2)
    XCTAssertTrue(ecPublic.stderr.contains("EC key: homolog signs and verifies with an Ed25519 key only"), ecPublic.stderr)
    // A private key given as the public one.
    let swapped = try verify(signed, pubkey: signed.key)
    XCTAssertEqual(swapped.status, 2)
    XCTAssertTrue(swapped.stderr.contains("unreadable public key"), swapped.stderr)
    let missing = try verify(signed, pubkey: signed.keys.appendingPathComponent("none.pem").path)
    XCTAssertEqual(missing.status, 2)
    // Nothing was written by the refused signatures: the first one still verifies.
    XCTAssertEqual(try verify(signed).status, 0)
  }

  func testMalformedManifestIsBadInput() throws {
    let signed = try signedDemo()
    try Data("{\"schema\": \"homolog-manifest/1\"}\n".utf8).write(to: signed.out.appendingPathComponent("manifest.json"))
    let result = try verify(signed)
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.stderr.hasPrefix("out/manifest.json: error: malformed manifest.json"), result.stderr)
    try FileManager.default.removeItem(at: signed.out.appendingPathComponent("manifest.json"))
    let unsigned = try verify(signed)
    XCTAssertEqual(unsigned.status, 2)
    XCTAssertEqual(unsigned.stderr, "out: error: no manifest.json: this folder was not signed (homolog sign)\n")
  }

  func testProjectOptionLocatesEvidence() throws {
    let signed = try signedDemo()
    let elsewhere = try CLI.temporaryDirectory()
    let out = signed.out.path
    let lost = try CLI.run(["sign", out, "--key", signed.key, "--lang", "en"], in: elsewhere)
    XCTAssertEqual(lost.status, 2)
    XCTAssertTrue(lost.stderr.contains("evidence file of the dossier not found under the project folder '.': give it with --project DIR"), lost.stderr)
    let found = try CLI.run(["sign", out, "--key", signed.key, "--project", signed.project.path], in: elsewhere)
    XCTAssertEqual(found.status, 0, found.stderr)
    let verified = try CLI.run(["verify", out, "--pubkey", signed.pub, "--project", signed.project.path], in: elsewhere)
    XCTAssertEqual(verified.status, 0, verified.stdout + verified.stderr)
  }

  func testSignRefusesAFolderEvaluateDidNotWrite() throws {
    let folder = try CLI.temporaryDirectory()
    let keys = try CLI.temporaryDirectory()
    try keyPair(keys, name: "key")
    let result = try CLI.run(["sign", folder.path, "--key", keys.appendingPathComponent("key.pem").path, "--lang", "en"])
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.stderr.hasSuffix("error: not an output folder of homolog evaluate (no .homolog-outputs listing dossier.json)\n"), result.stderr)
    let noKey = try CLI.run(["sign", folder.path])
    XCTAssertEqual(noKey.status, 2)
  }
}

extension Data {
  /// Appends these bytes to the end of a file.
  fileprivate func append(to url: URL) throws {
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: self)
  }
}
