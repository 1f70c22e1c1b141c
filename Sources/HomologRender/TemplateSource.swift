import Foundation
import HomologModel
import HomologResources

/// Where templates and translation tables come from: the built-in ones, each overridable by a file
/// of the same relative path in a user folder (`--templates DIR`).
public struct TemplateSource: Sendable {
  /// The user's folder, holding files named like the built-in ones under `templates/` (e.g. `dossier.md.mustache`).
  public var overrideDirectory: URL?

  public init(overrideDirectory: URL? = nil) { self.overrideDirectory = overrideDirectory }

  /// The content of `templates/<name>`: the user's file when present, else the built-in one.
  public func data(_ name: String) throws(InputError) -> Data? {
    if let overrideDirectory {
      let url = overrideDirectory.appendingPathComponent(name)
      if FileManager.default.fileExists(atPath: url.path) {
        do {
          return try Data(contentsOf: url)
        } catch {
          throw InputError("cannot read template \(url.path): \(error.localizedDescription)")
        }
      }
    }
    return Resources.builtIn("templates/\(name)")
  }

  /// The content as text, or an error when missing or not UTF-8.
  public func text(_ name: String) throws(InputError) -> String {
    guard let data = try data(name) else { throw InputError("template '\(name)' not found") }
    guard let text = String(data: data, encoding: .utf8) else { throw InputError("template '\(name)' is not UTF-8 text") }
    return text
  }

  /// Names (relative to `templates/`) of the files in a sub-folder, built-in and user ones merged, sorted.
  public func names(in folder: String) -> [String] {
    var names = Set(Resources.builtInPaths(under: "templates/\(folder)/").map { String($0.dropFirst("templates/".count)) })
    if let overrideDirectory {
      let dir = overrideDirectory.appendingPathComponent(folder)
      for file in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where !file.hasPrefix(".") {
        names.insert("\(folder)/\(file)")
      }
    }
    return names.sorted()
  }
}
