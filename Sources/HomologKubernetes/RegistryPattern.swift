/// One allowed-registry entry of the policy (`docker.io/`, `bitnami/`, `harbor.*`), matched against an image
/// reference as written, on whole path components: `docker.io/` never matches `docker.io.evil.example/…`, nor
/// `bitnami/` `bitnamix/…`. A `*` in a component stands for any characters of that component, so `harbor.*`
/// matches every `harbor.` host (`harbor.apps.c6.numerique-interieur.com/…`).
public struct RegistryPattern: Sendable, Hashable {
  /// The entry as written in the policy.
  public var text: String
  private var components: [String]

  /// A pattern from a policy entry; a trailing `/` is optional.
  public init(_ text: String) {
    self.text = text
    components = text.split(separator: "/").map(String.init)
  }

  /// True when the image's name (without tag or digest) starts with every component of the pattern and names
  /// something below it.
  public func matches(_ image: String) -> Bool {
    guard !components.isEmpty else { return false }
    let reference = ImageReference(image)
    let name = (reference.registry.map { $0 + "/" } ?? "") + reference.repository
    let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count > components.count else { return false }
    return zip(components, parts).allSatisfy { Self.glob($0, $1) }
  }

  /// `*` matches any run of characters (none included); everything else matches itself, case-insensitively.
  static func glob(_ pattern: String, _ text: String) -> Bool {
    let pieces = pattern.lowercased().split(separator: "*", omittingEmptySubsequences: false)
    var rest = Substring(text.lowercased())
    guard let first = pieces.first, rest.hasPrefix(first) else { return false }
    rest = rest.dropFirst(first.count)
    if pieces.count == 1 { return rest.isEmpty }
    for (index, piece) in pieces.enumerated().dropFirst() {
      if index == pieces.count - 1 { return rest.hasSuffix(piece) && rest.count >= piece.count }
      guard let range = rest.range(of: piece) else { return false }
      rest = rest[range.upperBound...]
    }
    return true
  }
}
