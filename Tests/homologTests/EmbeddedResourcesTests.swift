import Foundation
import HomologResources
import XCTest

/// The binary embeds templates/, requirements/ and schemas/; this fails when they were edited without
/// running `python3 scripts/embed-resources.py`.
final class EmbeddedResourcesTests: XCTestCase {
  func testEmbeddedResourcesMatchTheFilesOnDisk() throws {
    var onDisk: [String: Data] = [:]
    for folder in ["templates", "requirements", "schemas"] {
      let base = CLI.repository.appendingPathComponent(folder)
      let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])!
      for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
        guard !url.lastPathComponent.hasPrefix(".") else { continue }
        let relative = folder + "/" + url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1)
        onDisk[relative] = try Data(contentsOf: url)
      }
    }
    XCTAssertEqual(Set(EmbeddedResources.base64.keys), Set(onDisk.keys), "run python3 scripts/embed-resources.py")
    for (path, data) in onDisk {
      XCTAssertEqual(Resources.builtIn(path), data, "\(path) changed: run python3 scripts/embed-resources.py")
    }
  }
}
