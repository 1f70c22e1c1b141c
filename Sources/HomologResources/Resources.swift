import Foundation

/// Access to the built-in resources (templates, translations, catalogue), optionally overridden from a folder.
public enum Resources {
  /// The built-in file at a repository-relative path, e.g. `requirements/cct-cloud-pi-native.yaml`.
  public static func builtIn(_ path: String) -> Data? {
    EmbeddedResources.base64[path].flatMap { Data(base64Encoded: $0) }
  }

  /// Built-in paths under a folder prefix, sorted.
  public static func builtInPaths(under prefix: String) -> [String] {
    EmbeddedResources.base64.keys.filter { $0.hasPrefix(prefix) }.sorted()
  }

  /// The path of the built-in CCT catalogue.
  public static let defaultCataloguePath = "requirements/cct-cloud-pi-native.yaml"

  /// The path of the JSON Schema of `dossier.json` (`homolog schema`).
  public static let dossierSchemaPath = "schemas/dossier.schema.json"
}
