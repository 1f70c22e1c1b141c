import Foundation
import HomologModel

/// Keeps the paths a project file declares (evidence, attested files, catalogue…) inside the project folder: a path with
/// `..`, an absolute path or a symbolic link that resolves outside it is refused.
public enum PathConfinement {
  /// The path with every symbolic link and `..` resolved, or nil when it does not exist.
  public static func resolved(_ url: URL) -> String? {
    guard let pointer = realpath(url.path, nil) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }

  /// Throws unless `url` (when it exists) resolves inside `folder`.
  public static func check(
    _ url: URL, inside folder: URL, shown: String, declaredIn file: String, what: String = "evidence path"
  ) throws(InputError) {
    guard let path = resolved(url), let base = resolved(folder) else { return }
    let prefix = base.hasSuffix("/") ? base : base + "/"
    guard path != base, !path.hasPrefix(prefix) else { return }
    throw InputError(
      "\(what) '\(shown)' resolves outside the project folder (to \(path)); paths in the project file must stay "
        + "inside its folder: pass files from elsewhere with --evidence",
      at: SourceLocation(file: file))
  }
}
