import Foundation
import HomologIngest
import HomologModel

/// Locates the test fixtures next to the test sources, so tests run from any clean clone.
enum Fixtures {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// The repository's root folder.
  static let repository = root.deletingLastPathComponent().deletingLastPathComponent()

  /// A fixture by path relative to `Tests/Fixtures/`.
  static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

  /// Every file of a fixture folder, sorted.
  static func files(_ folder: String) -> [URL] {
    let dir = root.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.sorted().map { dir.appendingPathComponent($0) }
  }

  /// An input file for a reader, displayed by its file name.
  static func input(_ url: URL) -> InputFile { InputFile(url: url, path: url.lastPathComponent) }

  /// A fresh temporary folder, removed when the test ends.
  static func temporaryDirectory() throws -> URL {
    try TemporaryFolders.make("homolog-k8s-tests")
  }
}
