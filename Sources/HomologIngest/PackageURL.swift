import Foundation

/// The parts of a package URL (`pkg:type/namespace/name@version?qualifiers#subpath`) homolog uses.
struct PackageURL: Hashable, Sendable {
  var type: String
  var namespace: String?
  var name: String
  var version: String?

  /// Parses a purl; nil when the text is not one.
  init?(_ text: String) {
    guard text.hasPrefix("pkg:") else { return nil }
    var rest = Substring(text.dropFirst(4))
    if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
    if let question = rest.firstIndex(of: "?") { rest = rest[..<question] }
    if let at = rest.lastIndex(of: "@"), let slash = rest.lastIndex(of: "/"), at > slash {
      version = String(rest[rest.index(after: at)...]).removingPercentEncoding
      rest = rest[..<at]
    }
    let parts = rest.split(separator: "/", omittingEmptySubsequences: true).map { String($0).removingPercentEncoding ?? String($0) }
    guard parts.count >= 2 else { return nil }
    type = parts[0].lowercased()
    name = parts[parts.count - 1]
    namespace = parts.count > 2 ? parts[1..<(parts.count - 1)].joined(separator: "/") : nil
  }

  /// The package name as ecosystems (and Trivy) write it: `group:artifact` for Maven, the bare name for
  /// OS packages (whose namespace is the distribution), `namespace/name` elsewhere (Go, npm scopes…).
  var qualifiedName: String {
    guard let namespace, !namespace.isEmpty, !Self.distributionTypes.contains(type) else { return name }
    return type == "maven" ? "\(namespace):\(name)" : "\(namespace)/\(name)"
  }

  /// Package types whose namespace names the distribution (`pkg:deb/debian/libc6`), not the package.
  private static let distributionTypes: Set<String> = ["apk", "deb", "rpm", "alpm", "qpkg"]
}
