/// A dossier's schema version, `MAJOR.MINOR.PATCH` (`schemas/dossier.schema.json`): minor versions add optional
/// fields only, so this homolog reads every dossier of its major version, older or newer.
public struct SchemaVersion: Hashable, Sendable, CustomStringConvertible {
  public var major: Int
  public var minor: Int
  public var patch: Int

  public init(major: Int, minor: Int, patch: Int) {
    self.major = major
    self.minor = minor
    self.patch = patch
  }

  /// Parses `MAJOR.MINOR.PATCH` (decimal numbers without leading zeros), or nil.
  public init?(_ text: String) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3 else { return nil }
    var numbers: [Int] = []
    for part in parts {
      guard !part.isEmpty, part.count <= 9, part.allSatisfy({ $0 >= "0" && $0 <= "9" }), part == "0" || part.first != "0",
        let number = Int(part)
      else { return nil }
      numbers.append(number)
    }
    self.init(major: numbers[0], minor: numbers[1], patch: numbers[2])
  }

  /// The version of the dossiers this homolog writes.
  public static let current = SchemaVersion(major: 2, minor: 1, patch: 0)

  /// What a dossier without `schema_version` follows (written before versions were recorded).
  public static let unversioned = SchemaVersion(major: 2, minor: 0, patch: 0)

  /// `MAJOR.MINOR.PATCH`.
  public var description: String { "\(major).\(minor).\(patch)" }

  /// The `schema` identifier of a major version, `homolog-dossier/MAJOR`.
  public static func schemaID(major: Int) -> String { "homolog-dossier/\(major)" }
}
