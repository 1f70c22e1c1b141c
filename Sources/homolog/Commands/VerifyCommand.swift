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

  /// Files a signed folder may hold besides its signed outputs.
  static let unsigned: Set<String> = Set([SignedManifest.fileName, SignedManifest.signatureName, OutputWriter.manifestName])
    .union(OutputWriter.tolerated)

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
      let manifest: SignedManifest
      switch SignedManifest.decode(manifestData) {
      case .success(let decoded): manifest = decoded
      case .failure(.malformed): throw Terminal.inputError("verify.malformed", at: SourceLocation(file: manifestPath))
      case .failure(.otherSchema(let schema)):
        throw Terminal.inputError(
          "verify.other-schema", [MessageArg("schema", schema), MessageArg("expected", SignedManifest.schemaID)],
          at: SourceLocation(file: manifestPath, jsonPath: "$.schema"))
      }
      var problems: [String] = []
      let signaturePath = locations.output(SignedManifest.signatureName)
      if let signature = try? Data(contentsOf: Pipeline.url(signaturePath)) {
        let valid: Bool
        do {
          valid = try Ed25519.verify(signature, of: manifestData, publicKeyPEM: keyPEM)
        } catch {
          throw SigningKeys.error(error, path: key, publicKey: true)
        }
        if !valid { problems.append(Terminal.text("verify.signature-bad", [MessageArg("path", signaturePath), MessageArg("key", key)])) }
      } else {
        problems.append(Terminal.text("verify.signature-missing", [MessageArg("path", signaturePath)]))
      }
      for entry in manifest.outputs { problems += check(entry, at: locations.output(entry.path)) }
      for entry in manifest.evidence { problems += check(entry, at: locations.evidence(entry.path)) }
      let signed = Set(manifest.outputs.map(\.path))
      let present = (try? FileManager.default.contentsOfDirectory(atPath: Pipeline.url(locations.folder).path)) ?? []
      for name in present.sorted() where !signed.contains(name) && !unsigned.contains(name) && !name.hasPrefix(OutputWriter.stagingPrefix) {
        problems.append(Terminal.text("verify.unlisted", [MessageArg("path", locations.output(name))]))
      }
      for problem in problems { Console.out(problem) }
      let counts: [MessageArg] = [
        .number("outputs", Double(manifest.outputs.count), decimals: 0), .number("evidence", Double(manifest.evidence.count), decimals: 0),
        .number("problems", Double(problems.count), decimals: 0), MessageArg("manifest", manifestPath),
      ]
      if problems.isEmpty {
        Console.out(Terminal.text("verify.intact", counts))
        return .ok
      }
      Console.emphasised(Terminal.text("verify.failed", counts), .red)
      return .gateFailed
    } catch {
      throw .input(error)
    }
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
