import Foundation
import HomologModel
import HomologParsing
import HomologRender

/// `homolog sign DIR --key KEY.pem`: writes `manifest.json` (every output and evidence file, size and SHA-256), its
/// detached Ed25519 signature `manifest.json.sig` and an in-toto statement of the verdict (`verdict.intoto.json`, listed
/// in the manifest) into a dossier folder, and lists these three in its `.homolog-outputs` (a new evaluation of the
/// folder removes them: the signature would no longer apply).
enum SignCommand: Command {
  static let name = "sign"
  static let synopsis = ["DIR --key KEY.pem [--project DIR]"]
  static let options: [Option] = [
    .value("--key", "FILE", completion: .file),
    .value("--project", "DIR", completion: .directory),
    .value("--lang", "fr|en", completion: .choices(["fr", "en"])),
  ]

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    let positionals = arguments.positionals()
    guard positionals.count == 1 else {
      throw .usage(Message("usage.signing-one-folder", [.number("count", Double(positionals.count), decimals: 0)]), command: name)
    }
    guard let key = arguments.value("--key") else { throw .usage(Message("usage.signing-key", [MessageArg("option", "--key")]), command: name) }
    let locations = SignedLocations(folder: positionals[0], project: arguments.value("--project") ?? ".")

    do throws(InputError) {
      let keyPEM = try SigningKeys.read(key)
      do {
        try Ed25519.checkPrivateKey(keyPEM)
      } catch {
        throw SigningKeys.error(error, path: key, publicKey: false)
      }
      let (outputs, kept) = try outputEntries(locations)
      let dossierPath = locations.output(JSONRenderer.fileName)
      let dossier = try DossierFile.load(dossierPath)
      let recorded = try evidenceEntries(dossier, locations, dossierPath: dossierPath)
      var evidence = recorded
      if let declared = try SignedDeclarations.entries(locations, dossier: dossier, dossierPath: dossierPath) {
        evidence += declared.filter { entry in !recorded.contains { $0.path == entry.path } }
      } else {
        Console.diagnostic(Terminal.text("sign.no-declarations", [MessageArg("path", dossierPath)]))
      }
      let statement = VerdictStatement(dossier: dossier, outputs: outputs).data
      let statementEntry = SignedManifest.Entry(path: VerdictStatement.fileName, bytes: statement.count, sha256: SHA256Hasher.hex(of: statement))
      let signed = outputs + kept + [statementEntry]
      let manifest = SignedManifest(
        project: dossier.project.name, version: dossier.project.version, asOf: dossier.asOf, outputs: signed, evidence: evidence)
      let data = manifest.data
      let signature: Data
      do {
        signature = try Ed25519.sign(data, privateKeyPEM: keyPEM)
      } catch {
        throw SigningKeys.error(error, path: key, publicKey: false)
      }
      // Listed in .homolog-outputs after the outputs: a new evaluation replaces the folder's files, these included.
      try OutputWriter.add(
        [(VerdictStatement.fileName, statement), (SignedManifest.fileName, data), (SignedManifest.signatureName, signature)],
        to: Pipeline.url(locations.folder), display: locations.folder)
      Console.out(
        Terminal.text(
          "sign.done",
          [
            MessageArg("manifest", locations.output(SignedManifest.fileName)),
            MessageArg("signature", locations.output(SignedManifest.signatureName)),
            .number("outputs", Double(signed.count), decimals: 0), .number("evidence", Double(evidence.count), decimals: 0),
          ]))
      return .ok
    } catch {
      throw .input(error)
    }
  }

  /// The names `sign` writes into the folder (listed in `.homolog-outputs` after it, never signed as evaluate's outputs).
  static let signingFiles: Set<String> = [VerdictStatement.fileName, SignedManifest.fileName, SignedManifest.signatureName]

  /// The files evaluate wrote into the folder (`.homolog-outputs`), each still as written, `dossier.json` among them;
  /// then the hidden files an output folder may hold (`.gitkeep`, `.gitignore`), signed too so that verify need not
  /// tolerate them.
  private static func outputEntries(
    _ locations: SignedLocations
  ) throws(InputError) -> (written: [SignedManifest.Entry], kept: [SignedManifest.Entry]) {
    let listPath = locations.output(OutputWriter.manifestName)
    guard let listed = try? Data(contentsOf: Pipeline.url(listPath)) else {
      throw Terminal.inputError("sign.not-a-dossier-folder", at: SourceLocation(file: locations.folder))
    }
    let entries = Manifest(data: listed).entries.filter { !signingFiles.contains($0.name) }
    guard entries.contains(where: { $0.name == JSONRenderer.fileName }) else {
      throw Terminal.inputError("sign.not-a-dossier-folder", at: SourceLocation(file: locations.folder))
    }
    var written: [SignedManifest.Entry] = []
    for entry in entries {
      let path = locations.output(entry.name)
      guard let current = SignedLocations.current(path) else { throw Terminal.inputError("sign.output-missing", at: SourceLocation(file: path)) }
      guard current.sha256 == entry.hash else { throw Terminal.inputError("sign.output-changed", at: SourceLocation(file: path)) }
      written.append(SignedManifest.Entry(path: entry.name, bytes: current.bytes, sha256: current.sha256))
    }
    let kept = OutputWriter.tolerated.sorted().compactMap { name in
      SignedLocations.current(locations.output(name)).map { SignedManifest.Entry(path: name, bytes: $0.bytes, sha256: $0.sha256) }
    }
    return (written, kept)
  }

  /// The evidence files the dossier read, each found under the project folder and still as the dossier hashed it.
  /// A path that is absolute or climbs out of the project folder (a dossier edited by hand, or evidence given outside
  /// the project with `--evidence`) is refused before any file is read.
  private static func evidenceEntries(
    _ dossier: Dossier, _ locations: SignedLocations, dossierPath: String
  ) throws(InputError) -> [SignedManifest.Entry] {
    let recorded = SignedManifest.evidence(of: dossier)
    for entry in recorded { try SignedLocations.checkSafe(entry.path, at: SourceLocation(file: dossierPath)) }
    for entry in recorded {
      let path = locations.evidence(entry.path)
      guard let current = SignedLocations.current(path) else {
        throw Terminal.inputError("sign.evidence-missing", [MessageArg("project", locations.project)], at: SourceLocation(file: path))
      }
      guard current.sha256 == entry.sha256, current.bytes == entry.bytes else {
        throw Terminal.inputError("sign.evidence-changed", at: SourceLocation(file: path))
      }
    }
    return recorded
  }
}
