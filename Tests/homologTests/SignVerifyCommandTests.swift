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

  /// The demo evaluated (all formats), not signed yet, and a fresh key.
  private func evaluatedDemo() throws -> Signed {
    let project = try CLI.demoCopy()
    let keys = try CLI.temporaryDirectory()
    try keyPair(keys, name: "key")
    try FileManager.default.moveItem(at: keys.appendingPathComponent("key.pub.pem"), to: keys.appendingPathComponent("pub.pem"))
    let evaluated = try CLI.run(["evaluate", "--out", "out", "--as-of", "2026-03-01", "--quiet"], in: project)
    XCTAssertEqual(evaluated.status, 1, evaluated.stderr)  // the demo is éliminatoire
    return Signed(project: project, keys: keys)
  }

  /// The demo evaluated (all formats) then signed with a fresh key.
  private func signedDemo() throws -> Signed {
    let signed = try evaluatedDemo()
    let written = try evaluateOutputs(signed)
    let result = try CLI.run(["sign", "out", "--key", signed.key, "--lang", "en"], in: signed.project)
    XCTAssertEqual(result.status, 0, result.stderr)
    // evaluate's outputs and the in-toto statement.
    XCTAssertEqual(
      result.stdout, "out/manifest.json: \(written.count + 1) output files and 16 evidence files, signed (Ed25519) → out/manifest.json.sig\n")
    return signed
  }

  /// The names evaluate listed in the folder's `.homolog-outputs`, sorted (sign's own files left out).
  private func evaluateOutputs(_ signed: Signed) throws -> [String] {
    let listed = try String(contentsOf: signed.out.appendingPathComponent(".homolog-outputs"), encoding: .utf8)
    let names = listed.split(separator: "\n").map { String($0.dropFirst(66)) }
    return names.filter { !["manifest.json", "manifest.json.sig", "verdict.intoto.json"].contains($0) }.sorted()
  }

  /// Rewrites an output of evaluate and its line in `.homolog-outputs` (as if evaluate had written it so).
  private func rewriteOutput(_ signed: Signed, _ name: String, _ edit: (inout [String: Any]) -> Void) throws {
    let url = signed.out.appendingPathComponent(name)
    let old = try CLI.sha256(Data(contentsOf: url))
    var json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    edit(&json)
    let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
    try data.write(to: url)
    let list = signed.out.appendingPathComponent(".homolog-outputs")
    try String(contentsOf: list, encoding: .utf8).replacingOccurrences(of: "\(old)  \(name)", with: "\(try CLI.sha256(data))  \(name)")
      .write(to: list, atomically: true, encoding: .utf8)
  }

  private static let subject = "\"Registre des habilitations (RHab)\" version 1.4.2 evaluated on 2026-03-01"

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
    let written = try evaluateOutputs(signed)
    XCTAssertEqual(written.count, 8, "\(written)")
    XCTAssertTrue(written.contains("action-plan.csv"), "\(written)")
    let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: signed.out.appendingPathComponent("manifest.json"))) as? [String: Any]
    XCTAssertEqual(manifest?["schema"] as? String, "homolog-manifest/1")
    XCTAssertEqual(manifest?["as_of"] as? String, "2026-03-01")
    XCTAssertEqual(manifest?["project"] as? String, "Registre des habilitations (RHab)")
    XCTAssertEqual(manifest?["version"] as? String, "1.4.2")
    let outputs = try XCTUnwrap(manifest?["outputs"] as? [[String: Any]])
    XCTAssertEqual(outputs.compactMap { $0["path"] as? String }, (written + ["verdict.intoto.json"]).sorted())
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
    XCTAssertEqual(result.stdout, "intact: \(Self.subject); valid signature, 9 output files and 16 evidence files unchanged (out/manifest.json)\n")
    let french = try verify(signed, lang: "fr")
    XCTAssertEqual(
      french.stdout,
      "intact : « Registre des habilitations (RHab) » version 1.4.2 évalué le 2026-03-01 ; signature valide, aucun changement dans"
        + " 9 fichiers de sortie et 16 fichiers de preuve (out/manifest.json)\n")
  }

  func testInTotoStatementNamesTheOutputsAndTheVerdict() throws {
    let signed = try signedDemo()
    let data = try Data(contentsOf: signed.out.appendingPathComponent("verdict.intoto.json"))
    let statement = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    XCTAssertEqual(statement["_type"] as? String, "https://in-toto.io/Statement/v1")
    XCTAssertEqual(statement["predicateType"] as? String, "urn:homolog:predicate:compliance-verdict:v1")
    let subjects = try XCTUnwrap(statement["subject"] as? [[String: Any]])
    // evaluate's outputs, not the statement itself.
    XCTAssertEqual(subjects.compactMap { $0["name"] as? String }, try evaluateOutputs(signed))
    XCTAssertEqual(subjects.count, 8)
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
    // The proposed decision (dossier.json's decision): défavorable, so no validity.
    XCTAssertEqual(predicate["proposal"] as? String, "defavorable")
    XCTAssertNil(predicate["validUntil"])
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
    XCTAssertEqual(result.stderr, "verification of \(Self.subject) failed: 1 problem (out/manifest.json)\n")
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
    // A homolog.yaml changed since the evaluation is not the dossier's: sign refuses it.
    let config = signed.project.appendingPathComponent("homolog.yaml")
    let text = try String(contentsOf: config, encoding: .utf8)
    try text.replacingOccurrences(of: "vulnerabilities: {critical: 0, high: 0}", with: "vulnerabilities: {critical: 0, high: 3}")
      .write(to: config, atomically: true, encoding: .utf8)
    let refused = try CLI.run(["sign", "out", "--key", signed.key, "--lang", "en"], in: signed.project)
    XCTAssertEqual(refused.status, 2)
    XCTAssertEqual(
      refused.stderr,
      "homolog.yaml: error: declaration file changed since the evaluation (size or SHA-256 differ from declarations in dossier.json): run"
        + " homolog evaluate again\n")
  }

  func testDeclarationEditedAfterEvaluationIsRefused() throws {
    let signed = try evaluatedDemo()
    let dossier = try JSONSerialization.jsonObject(with: Data(contentsOf: signed.out.appendingPathComponent("dossier.json"))) as? [String: Any]
    let declarations = try XCTUnwrap(dossier?["declarations"] as? [[String: Any]])
    XCTAssertEqual(declarations.compactMap { $0["path"] as? String }, ["homolog.yaml", "attestations.yaml", "derogations.yaml"])
    XCTAssertEqual(declarations.compactMap { $0["kind"] as? String }, ["project", "attestations", "derogations"])
    let derogations = signed.project.appendingPathComponent("derogations.yaml")
    XCTAssertEqual(declarations[2]["sha256"] as? String, try CLI.sha256(Data(contentsOf: derogations)))
    XCTAssertEqual(declarations[2]["bytes"] as? Int, try Data(contentsOf: derogations).count)
    try Data("# renewed\n".utf8).append(to: derogations)
    let refused = try CLI.run(["sign", "out", "--key", signed.key, "--lang", "en"], in: signed.project)
    XCTAssertEqual(refused.status, 2)
    XCTAssertEqual(
      refused.stderr,
      "derogations.yaml: error: declaration file changed since the evaluation (size or SHA-256 differ from declarations in dossier.json): run"
        + " homolog evaluate again\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: signed.out.appendingPathComponent("manifest.json").path))
    try FileManager.default.removeItem(at: derogations)
    let removed = try CLI.run(["sign", "out", "--key", signed.key, "--lang", "en"], in: signed.project)
    XCTAssertEqual(removed.status, 2)
    XCTAssertEqual(
      removed.stderr,
      "derogations.yaml: error: declaration file of the dossier not found under the project folder '.': give it with --project DIR, or run"
        + " homolog evaluate again\n")
  }

  func testADossierWithoutDeclarationsSignsNone() throws {
    let signed = try evaluatedDemo()
    try rewriteOutput(signed, "dossier.json") { $0["declarations"] = nil }
    let result = try CLI.run(["sign", "out", "--key", signed.key, "--lang", "en"], in: signed.project)
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(
      result.stderr,
      "out/dossier.json records no declaration files read (a dossier written by an older homolog): homolog.yaml, attestations and"
        + " derogations are not signed; run homolog evaluate again to sign them\n")
    // The attested documents stay signed; homolog.yaml, attestations.yaml and derogations.yaml do not.
    XCTAssertTrue(result.stdout.hasPrefix("out/manifest.json: 9 output files and 13 evidence files, signed"), result.stdout)
    XCTAssertEqual(try verify(signed).status, 0)
  }

  func testHiddenFilesAddedAfterSigningAreNamed() throws {
    let signed = try evaluatedDemo()
    // A .gitkeep present when signing is signed with the outputs.
    try Data().write(to: signed.out.appendingPathComponent(".gitkeep"))
    let result = try CLI.run(["sign", "out", "--key", signed.key, "--lang", "en"], in: signed.project)
    XCTAssertTrue(result.stdout.hasPrefix("out/manifest.json: 10 output files and 16 evidence files"), result.stdout)
    XCTAssertEqual(try verify(signed).status, 0)
    // Names evaluate tolerates in an output folder are reported when added after signing.
    try Data("*\n".utf8).write(to: signed.out.appendingPathComponent(".gitignore"))
    try FileManager.default.createDirectory(at: signed.out.appendingPathComponent(".homolog-staging-4242"), withIntermediateDirectories: false)
    let added = try verify(signed)
    XCTAssertEqual(added.status, 1)
    XCTAssertEqual(
      added.stdout,
      "not signed: out/.gitignore (added to the folder after signing)\nnot signed: out/.homolog-staging-4242 (added to the folder after signing)\n")
    // French 0 and 1 are singular.
    try Data("x".utf8).write(to: signed.out.appendingPathComponent(".gitkeep"))
    XCTAssertTrue(try verify(signed, lang: "fr").stdout.hasPrefix("modifié : out/.gitkeep (0 octet signé, 1 maintenant)\n"))
    XCTAssertTrue(try verify(signed).stdout.hasPrefix("changed: out/.gitkeep (0 bytes signed, 1 now)\n"))
    try FileManager.default.removeItem(at: signed.out.appendingPathComponent(".gitkeep"))
    XCTAssertTrue(try verify(signed).stdout.hasPrefix("missing: out/.gitkeep\n"))
  }

  func testEvaluatingASignedFolderAgainReplacesTheSignature() throws {
    let signed = try signedDemo()
    let listed = try String(contentsOf: signed.out.appendingPathComponent(".homolog-outputs"), encoding: .utf8)
    for name in ["verdict.intoto.json", "manifest.json", "manifest.json.sig"] {
      let hash = try CLI.sha256(Data(contentsOf: signed.out.appendingPathComponent(name)))
      XCTAssertTrue(listed.contains("\(hash)  \(name)\n"), listed)
    }
    // Listing its files changed .homolog-outputs after signing: not a change verify reports.
    XCTAssertEqual(try verify(signed).status, 0)
    let again = try CLI.run(["evaluate", "--out", "out", "--as-of", "2026-03-02", "--quiet", "--lang", "en"], in: signed.project)
    XCTAssertEqual(again.status, 1, again.stderr)  // éliminatoire, written: not refused as a foreign folder
    let names = try FileManager.default.contentsOfDirectory(atPath: signed.out.path).sorted()
    XCTAssertEqual(names, [".homolog-outputs"] + (try evaluateOutputs(signed)))
    let unsigned = try verify(signed)
    XCTAssertEqual(unsigned.status, 2)
    XCTAssertEqual(unsigned.stderr, "out: error: no manifest.json: this folder was not signed (homolog sign)\n")
    XCTAssertEqual(try CLI.run(["sign", "out", "--key", signed.key], in: signed.project).status, 0)
    XCTAssertEqual(try verify(signed).status, 0)
  }

  func testPathsOutsideTheProjectAreRefused() throws {
    let signed = try signedDemo()
    // A manifest whose evidence climbs out of the project folder. Unsigned, it is a bad signature and nothing it lists
    // is read; signed by the key holder, it is refused before any file is read.
    let manifestURL = signed.out.appendingPathComponent("manifest.json")
    let manifest = try String(contentsOf: manifestURL, encoding: .utf8)
    let index = try XCTUnwrap(
      (try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any]).flatMap { $0["evidence"] as? [[String: Any]] }?
        .firstIndex { $0["path"] as? String == "reports/api/bom.json" })
    for path in ["../../etc/hostname", "/etc/hostname", "reports/../../x"] {
      try manifest.replacingOccurrences(of: "\"reports/api/bom.json\"", with: "\"\(path)\"").write(to: manifestURL, atomically: true, encoding: .utf8)
      let unsigned = try verify(signed)
      XCTAssertEqual(unsigned.status, 1, path)
      XCTAssertTrue(unsigned.stdout.hasPrefix("bad signature: "), unsigned.stdout)
      XCTAssertFalse(unsigned.stdout.contains(path), unsigned.stdout)
      let signature = signed.out.appendingPathComponent("manifest.json.sig").path
      let resigned = try openssl(["pkeyutl", "-sign", "-inkey", signed.key, "-rawin", "-in", manifestURL.path, "-out", signature])
      XCTAssertEqual(resigned.status, 0, resigned.text)
      let refused = try verify(signed)
      XCTAssertEqual(refused.status, 2, path)
      XCTAssertEqual(
        refused.stderr,
        "out/manifest.json (at $.evidence[\(index)].path): error: evidence path \"\(path)\" is absolute or leaves the project folder (..): homolog verifies"
          + " files under the project folder only, nothing is read\n")
    }
    // A dossier whose evidence list names a file outside the project: sign refuses it.
    try rewriteOutput(signed, "dossier.json") { json in
      var evidence = json["evidence"] as? [[String: Any]] ?? []
      evidence[0]["path"] = "/etc/hostname"
      json["evidence"] = evidence
    }
    let sign = try CLI.run(["sign", "out", "--key", signed.key, "--lang", "en"], in: signed.project)
    XCTAssertEqual(sign.status, 2)
    XCTAssertEqual(
      sign.stderr,
      "out/dossier.json: error: path \"/etc/hostname\" is absolute or leaves the project folder (..): homolog signs files under the project"
        + " folder only (dossier.json edited, or evidence given outside the project with --evidence)\n")
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
    // Without a signature, the manifest's list drives no read: dossier.html, changed, is not named.
    try FileManager.default.removeItem(at: signed.out.appendingPathComponent("manifest.json.sig"))
    let missing = try verify(signed)
    XCTAssertEqual(missing.status, 1)
    XCTAssertEqual(missing.stdout, "signature missing: out/manifest.json.sig\n")
    XCTAssertEqual(missing.stderr, "verification failed: no valid signature of out/manifest.json, no file was checked\n")
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
