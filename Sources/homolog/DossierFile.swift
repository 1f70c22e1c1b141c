import Foundation
import HomologModel
import HomologParsing
import HomologRender

/// Reads dossiers written by `homolog evaluate` back (baselines, diffs, comparisons, portfolios).
enum DossierFile {
  /// Dossiers larger than this are refused (a dossier with every finding of a large image stays far below).
  static let sizeLimit = 512 << 20

  private struct Header: Decodable {
    var schema: String?
    var schemaVersion: String?
  }

  /// The dossier in a file, or a message naming the file and what is wrong: not JSON, another schema, a missing field.
  static func load(_ path: String) throws(InputError) -> Dossier {
    try loadHashed(path).dossier
  }

  /// The dossier in a file, or in the `dossier.json` of a folder, and the file's SHA-256.
  static func loadHashed(_ given: String) throws(InputError) -> (dossier: Dossier, sha256: String) {
    let path = try resolve(given)
    let data = try FileInput.readWhole(Pipeline.url(path), displayPath: path, limit: sizeLimit)
    return (try decode(data, display: path), SHA256Hasher.hex(of: data))
  }

  /// A dossier's path: the path itself, or `FOLDER/dossier.json` when it names a folder (an output folder of evaluate).
  static func resolve(_ path: String) throws(InputError) -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: Pipeline.url(path).path, isDirectory: &isDirectory), isDirectory.boolValue else { return path }
    let inside = Pipeline.join(path, JSONRenderer.fileName)
    guard FileManager.default.fileExists(atPath: Pipeline.url(inside).path) else {
      throw Terminal.inputError("dossier.folder-without-dossier", at: SourceLocation(file: path))
    }
    return inside
  }

  /// Decodes a dossier and checks its `schema`; when it does not decode, says whether it is a dossier at all.
  static func decode(_ data: Data, display: String) throws(InputError) -> Dossier {
    let dossier: Dossier
    do {
      dossier = try JSONRenderer.decoder.decode(Dossier.self, from: data)
    } catch {
      let header: Header
      do {
        header = try JSONRenderer.decoder.decode(Header.self, from: data)
      } catch let headerError {
        throw InputError("not a homolog dossier: expected a JSON object (\(describe(headerError)))", at: SourceLocation(file: display))
      }
      guard let schema = header.schema else {
        throw InputError("not a homolog dossier: no \"schema\" key (expected \"\(Dossier.schemaID)\")", at: SourceLocation(file: display))
      }
      try checkSchema(schema, version: header.schemaVersion, display: display)
      throw InputError("unreadable dossier: \(describe(error))", at: SourceLocation(file: display, jsonPath: jsonPath(error)))
    }
    try checkSchema(dossier.schema, version: dossier.schemaVersion, display: display)
    return dossier
  }

  /// True when a decoding failure came from a file that is not a dossier at all (no dossier schema key).
  static func isDossier(_ data: Data) -> Bool {
    guard let header = try? JSONDecoder().decode(Header.self, from: data), let schema = header.schema else { return false }
    return schema.hasPrefix("homolog-dossier/")
  }

  /// Refuses a dossier of another major schema version (`schema_version`, then `schema`), naming what this homolog reads;
  /// any minor version of its own major reads, as minor versions only add optional fields.
  private static func checkSchema(_ schema: String, version: String?, display: String) throws(InputError) {
    let current = SchemaVersion.current
    let reads: [MessageArg] = [
      MessageArg("major", String(current.major)), MessageArg("current", current.description), MessageArg("schema", Dossier.schemaID),
    ]
    if let version {
      let at = SourceLocation(file: display, jsonPath: "$.schema_version")
      guard let parsed = SchemaVersion(version) else {
        throw Terminal.inputError("dossier.schema-version-malformed", [MessageArg("found", version)] + reads, at: at)
      }
      guard parsed.major == current.major else {
        throw refusal(found: version, newer: parsed.major > current.major, reads: reads, at: at)
      }
    }
    guard schema == Dossier.schemaID else {
      let major = schema.hasPrefix("homolog-dossier/") ? Int(schema.dropFirst("homolog-dossier/".count)) : nil
      throw refusal(
        found: schema, newer: (major ?? 0) > current.major, reads: reads,
        at: SourceLocation(file: display, jsonPath: "$.schema"))
    }
  }

  /// The message refusing a dossier of another major version: a newer one needs a newer homolog, an older one re-evaluating.
  private static func refusal(found: String, newer: Bool, reads: [MessageArg], at location: SourceLocation) -> InputError {
    Terminal.inputError(newer ? "dossier.newer-schema" : "dossier.older-schema", [MessageArg("found", found)] + reads, at: location)
  }

  /// Refuses a baseline of another project or catalogue, where a comparison would mean nothing.
  static func checkComparable(_ baseline: Dossier, _ current: Dossier, baselineDisplay: String) throws(InputError) {
    guard baseline.catalogue.id == current.catalogue.id else {
      throw Terminal.inputError(
        "baseline.other-catalogue", [MessageArg("baseline", baseline.catalogue.id), MessageArg("current", current.catalogue.id)],
        at: SourceLocation(file: baselineDisplay, jsonPath: "$.catalogue.id"))
    }
  }

  private static func describe(_ error: Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): "missing key \"\(snake(key.stringValue))\""
    case DecodingError.typeMismatch(let type, _): "expected a value of type \(type)"
    case DecodingError.valueNotFound(let type, _): "expected a value of type \(type), found null"
    case DecodingError.dataCorrupted(let context): context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
    default: "\(error)"
    }
  }

  private static func jsonPath(_ error: Error) -> String? {
    let path: [CodingKey]
    switch error {
    case DecodingError.keyNotFound(let key, let context): path = context.codingPath + [key]
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
      path = context.codingPath
    default: return nil
    }
    return "$" + path.map { $0.intValue.map { "[\($0)]" } ?? ".\(snake($0.stringValue))" }.joined()
  }

  /// camelCase key back to the file's snake_case, for messages.
  private static func snake(_ key: String) -> String {
    var out = ""
    for character in key {
      if character.isUppercase {
        out += "_" + character.lowercased()
      } else {
        out.append(character)
      }
    }
    return out
  }
}
