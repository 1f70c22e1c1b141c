/// A container image reference split into its parts: `[registry/]repository[:tag][@digest]`.
public struct ImageReference: Sendable, Hashable {
  /// The registry host when the reference names one (first component with a `.` or `:`, or `localhost`).
  public var registry: String?
  /// The repository path, without registry, tag or digest (e.g. `library/nginx`, `bitnami/postgresql`).
  public var repository: String
  /// The tag after the last `:` of the name (e.g. `1.27`, `latest`), nil when none is written.
  public var tag: String?
  /// The digest after `@` (e.g. `sha256:…`).
  public var digest: String?

  /// Parses a reference as written in a manifest.
  public init(_ reference: String) {
    var rest = Substring(reference)
    if let at = rest.firstIndex(of: "@") {
      digest = String(rest[rest.index(after: at)...])
      rest = rest[..<at]
    }
    let lastSlash = rest.lastIndex(of: "/")
    let nameStart = lastSlash.map { rest.index(after: $0) } ?? rest.startIndex
    if let colon = rest[nameStart...].lastIndex(of: ":") {
      tag = String(rest[rest.index(after: colon)...])
      rest = rest[..<colon]
    }
    let components = rest.split(separator: "/", omittingEmptySubsequences: false)
    if components.count > 1, let first = components.first, first.contains(".") || first.contains(":") || first == "localhost" {
      registry = String(first)
      repository = components.dropFirst().joined(separator: "/")
    } else {
      repository = String(rest)
    }
  }

  /// The last path component of the repository (e.g. `postgresql` for `bitnami/postgresql`).
  public var name: String { repository.split(separator: "/").last.map(String.init) ?? repository }
}
