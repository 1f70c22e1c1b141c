import Foundation
import HomologModel
import HomologParsing
import HomologRender

/// `manifest.json`, what `homolog sign` signs: the SHA-256 and size of every file homolog wrote into a dossier folder
/// (paths relative to the folder) and of every evidence and declaration file the dossier read (paths relative to the
/// project folder; evidence given outside it cannot be signed). Its bytes are deterministic: keys sorted, entries
/// sorted by path, no date but the dossier's evaluation date.
struct SignedManifest: Codable, Equatable {
  /// Schema identifier of this JSON shape.
  static let schemaID = "homolog-manifest/1"
  /// The manifest's file name in the dossier folder.
  static let fileName = "manifest.json"
  /// The detached signature's file name (64 raw bytes, Ed25519).
  static let signatureName = "manifest.json.sig"

  /// One signed file.
  struct Entry: Codable, Equatable {
    var path: String
    var bytes: Int
    var sha256: String
  }

  var schema: String
  /// The project, as the dossier names it.
  var project: String
  /// The project's version, when the dossier states one.
  var version: String?
  /// The dossier's evaluation date, `YYYY-MM-DD`.
  var asOf: String
  /// Files homolog wrote into the folder (`.homolog-outputs`, and sign's `verdict.intoto.json`), sorted by path.
  var outputs: [Entry]
  /// Evidence and attested files the dossier read, sorted by path.
  var evidence: [Entry]

  init(project: String, version: String?, asOf: String, outputs: [Entry], evidence: [Entry]) {
    schema = Self.schemaID
    self.project = project
    self.version = version
    self.asOf = asOf
    self.outputs = outputs.sorted { $0.path < $1.path }
    self.evidence = evidence.sorted { $0.path < $1.path }
  }

  /// The manifest's bytes: pretty-printed, keys sorted, snake_case, a final newline.
  var data: Data {
    // Encoding strings and integers cannot fail.
    ((try? JSONRenderer.encoder.encode(self)) ?? Data()) + Data("\n".utf8)
  }

  /// Decodes a manifest, or says what is wrong with it (English: a malformed file is bad input).
  static func decode(_ data: Data) -> Result<SignedManifest, ManifestProblem> {
    guard let manifest = try? JSONRenderer.decoder.decode(SignedManifest.self, from: data) else { return .failure(.malformed) }
    guard manifest.schema == schemaID else { return .failure(.otherSchema(manifest.schema)) }
    let plain = manifest.outputs.allSatisfy { !$0.path.isEmpty && !$0.path.contains("/") && $0.path != "." && $0.path != ".." }
    guard plain, manifest.evidence.allSatisfy({ !$0.path.isEmpty }) else { return .failure(.malformed) }
    if let index = manifest.evidence.firstIndex(where: { !SignedLocations.isSafe($0.path) }) {
      return .failure(.unsafePath(manifest.evidence[index].path, index: index))
    }
    return .success(manifest)
  }

  /// The evidence files a dossier read: its evidence list and the files attached to its attestations, each once.
  static func evidence(of dossier: Dossier) -> [Entry] {
    var byPath: [String: Entry] = [:]
    for file in dossier.evidence { byPath[file.path] = Entry(path: file.path, bytes: file.bytes, sha256: file.sha256) }
    for requirement in dossier.requirements {
      for attestation in requirement.attestations + [requirement.attestation].compactMap({ $0 }) {
        for file in attestation.evidence { byPath[file.path] = Entry(path: file.path, bytes: file.bytes, sha256: file.sha256) }
      }
    }
    return byPath.values.sorted { $0.path < $1.path }
  }
}

/// Why a `manifest.json` cannot be read.
enum ManifestProblem: Error, Equatable {
  case malformed
  case otherSchema(String)
  /// An evidence path that is absolute or climbs out of the project folder (`..`).
  case unsafePath(String, index: Int)
}

/// Where signed files are: outputs in the dossier folder, evidence in the project folder (or absolute).
struct SignedLocations {
  /// The dossier folder, as given on the command line.
  var folder: String
  /// The project folder evidence paths are relative to, as given on the command line.
  var project: String

  /// An output file's path for messages and reading.
  func output(_ name: String) -> String { Pipeline.join(folder, name) }

  /// An evidence file's path (relative to the project folder) for messages and reading.
  func evidence(_ path: String) -> String { project == "." ? path : Pipeline.join(project, path) }

  /// True for a path that stays in the project folder: relative, with no `..` component.
  static func isSafe(_ path: String) -> Bool {
    !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false).contains("..")
  }

  /// Refuses (exit 2) a path read from a dossier that is absolute or climbs out of the project folder.
  static func checkSafe(_ path: String, at location: SourceLocation) throws(InputError) {
    guard isSafe(path) else { throw Terminal.inputError("sign.unsafe-path", [MessageArg("path", path)], at: location) }
  }

  /// What a file holds now: its size and SHA-256, nil when it cannot be read (missing, a folder, unreadable).
  static func current(_ path: String) -> (bytes: Int, sha256: String)? {
    let url = Pipeline.url(path)
    var status = stat()
    guard stat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
      let digest = try? FileInput.digest(url, displayPath: path)
    else { return nil }
    return (digest.bytes, digest.sha256)
  }
}
