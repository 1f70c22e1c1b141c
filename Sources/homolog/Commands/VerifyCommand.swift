import Foundation
import HomologModel
import HomologParsing

/// `homolog verify DIR --pubkey PUB.pem`: checks `manifest.json`'s signature, then every signed file's size and
/// SHA-256, and names what changed; exit 0 intact, 1 changed or badly signed, 2 bad input.
enum VerifyCommand: Command {
  static let name = "verify"
  static let synopsis = ["DIR --pubkey PUB.pem [--project DIR]"]
  static let options: [Option] = [
    .value("--pubkey", "FILE", completion: .file),
    .value("--project", "DIR", completion: .directory),
    .value("--lang", "fr|en", completion: .choices(["fr", "en"])),
  ]

  /// Files a signed folder may hold besides its signed outputs: the signature and the list of outputs (which `sign`
  /// itself updates after signing). Any other file, hidden or not, is reported.
  static let unsigned: Set<String> = [SignedManifest.fileName, SignedManifest.signatureName, OutputWriter.manifestName]

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    let positionals = arguments.positionals()
    guard positionals.count == 1 else {
      throw .usage(Message("usage.signing-one-folder", [.number("count", Double(positionals.count), decimals: 0)]), command: name)
    }
    guard let key = arguments.value("--pubkey") else { throw .usage(Message("usage.signing-key", [MessageArg("option", "--pubkey")]), command: name) }
    let locations = SignedLocations(folder: positionals[0], project: arguments.value("--project") ?? ".")

    do throws(InputError) {
      let keyPEM = try SigningKeys.read(key)
      let manifestPath = locations.output(SignedManifest.fileName)
      guard FileManager.default.fileExists(atPath: Pipeline.url(manifestPath).path) else {
        throw Terminal.inputError("verify.no-manifest", at: SourceLocation(file: locations.folder))
      }
      let manifestData = try FileInput.readWhole(Pipeline.url(manifestPath), displayPath: manifestPath, limit: 256 << 20)
      // A manifest that is not one is bad input (exit 2); its paths are judged only once its signature holds.
      let decoded = SignedManifest.decode(manifestData)
      switch decoded {
      case .success, .failure(.unsafePath): break
      case .failure(.malformed): throw Terminal.inputError("verify.malformed", at: SourceLocation(file: manifestPath))
      case .failure(.otherSchema(let schema)):
        throw Terminal.inputError(
          "verify.other-schema", [MessageArg("schema", schema), MessageArg("expected", SignedManifest.schemaID)],
          at: SourceLocation(file: manifestPath, jsonPath: "$.schema"))
      }
      // An unsigned list drives no file read, and its names are not repeated: a missing or bad signature ends the
      // verification.
      if let problem = try signatureProblem(manifestData, locations: locations, key: key, keyPEM: keyPEM) {
        Console.out(problem)
        Console.emphasised(Terminal.text("verify.failed-unsigned", [MessageArg("manifest", manifestPath)]), .red)
        return .gateFailed
      }
      let manifest: SignedManifest
      switch decoded {
      case .success(let value): manifest = value
      case .failure(.unsafePath(let path, let index)):
        throw Terminal.inputError(
          "verify.unsafe-path", [MessageArg("path", path)], at: SourceLocation(file: manifestPath, jsonPath: "$.evidence[\(index)].path"))
      case .failure(.malformed), .failure(.otherSchema): return .badInput
      }
      var problems: [String] = []
      for entry in manifest.outputs { problems += check(entry, at: locations.output(entry.path)) }
      for entry in manifest.evidence { problems += check(entry, at: locations.evidence(entry.path)) }
      let signed = Set(manifest.outputs.map(\.path))
      let present = (try? FileManager.default.contentsOfDirectory(atPath: Pipeline.url(locations.folder).path)) ?? []
      for name in present.sorted() where !signed.contains(name) && !unsigned.contains(name) {
        problems.append(Terminal.text("verify.unlisted", [MessageArg("path", locations.output(name))]))
      }
      if problems.isEmpty {
        Console.out(Terminal.text("verify.intact", counts(manifest, problems: 0, path: manifestPath)))
        return .ok
      }
      return failed(problems, manifest: manifest, path: manifestPath)
    } catch {
      throw .input(error)
    }
  }

  /// What is wrong with the manifest's signature (missing, or not by this key), nil when it is valid.
  private static func signatureProblem(
    _ manifest: Data, locations: SignedLocations, key: String, keyPEM: Data
  ) throws(InputError) -> String? {
    let signaturePath = locations.output(SignedManifest.signatureName)
    guard FileManager.default.fileExists(atPath: Pipeline.url(signaturePath).path) else {
      return Terminal.text("verify.signature-missing", [MessageArg("path", signaturePath)])
    }
    // An Ed25519 signature is 64 bytes: a larger file is not one, and is not read whole.
    let signature = try FileInput.readWhole(Pipeline.url(signaturePath), displayPath: signaturePath, limit: 4096)
    let valid: Bool
    do {
      valid = try Ed25519.verify(signature, of: manifest, publicKeyPEM: keyPEM)
    } catch {
      throw SigningKeys.error(error, path: key, publicKey: true)
    }
    return valid ? nil : Terminal.text("verify.signature-bad", [MessageArg("path", signaturePath), MessageArg("key", key)])
  }

  /// Prints the problems and the failure summary; exit 1.
  private static func failed(_ problems: [String], manifest: SignedManifest, path: String) -> ExitStatus {
    for problem in problems { Console.out(problem) }
    Console.emphasised(Terminal.text("verify.failed", counts(manifest, problems: problems.count, path: path)), .red)
    return .gateFailed
  }

  /// The figures and names the summaries show: what was signed (project, version, evaluation date) and how much.
  private static func counts(_ manifest: SignedManifest, problems: Int, path: String) -> [MessageArg] {
    let subject =
      manifest.version.map { version in
        Terminal.text(
          "verify.subject-version", [MessageArg("project", manifest.project), MessageArg("version", version), MessageArg("date", manifest.asOf)])
      } ?? Terminal.text("verify.subject", [MessageArg("project", manifest.project), MessageArg("date", manifest.asOf)])
    return [
      MessageArg("subject", subject), .number("outputs", Double(manifest.outputs.count), decimals: 0),
      .number("evidence", Double(manifest.evidence.count), decimals: 0), .number("problems", Double(problems), decimals: 0),
      MessageArg("manifest", path),
    ]
  }
  /// What is wrong with one signed file now: missing, or another size or content.
  private static func check(_ entry: SignedManifest.Entry, at path: String) -> [String] {
    guard let current = SignedLocations.current(path) else { return [Terminal.text("verify.missing", [MessageArg("path", path)])] }
    if current.bytes != entry.bytes {
      return [
        Terminal.text(
          "verify.size-changed",
          [MessageArg("path", path), .number("expected", Double(entry.bytes), decimals: 0), .number("actual", Double(current.bytes), decimals: 0)])
      ]
    }
    return current.sha256 == entry.sha256 ? [] : [Terminal.text("verify.content-changed", [MessageArg("path", path)])]
  }
}
