import Foundation
import XCTest

/// Temporary folders made by tests, each removed when the test that made it finishes (pass or fail), so a run of
/// the suite leaves nothing in the temporary directory. Every test target re-exports this module (`TestSupport.swift`).
public enum TemporaryFolders {
  /// A fresh empty folder named `<prefix>-<UUID>`, removed at the end of the current test.
  public static func make(_ prefix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    Cleaner.shared.track(url)
    return url
  }

  /// Removes the folders made so far when each test finishes (tests of a process run one after the other).
  private final class Cleaner: NSObject, XCTestObservation, @unchecked Sendable {
    static let shared: Cleaner = {
      let cleaner = Cleaner()
      XCTestObservationCenter.shared.addTestObserver(cleaner)
      return cleaner
    }()

    private let lock = NSLock()
    private var folders: [URL] = []

    func track(_ url: URL) {
      lock.lock()
      folders.append(url)
      lock.unlock()
    }

    func testCaseDidFinish(_ testCase: XCTestCase) { removeAll(after: testCase.name) }

    func testBundleDidFinish(_ testBundle: Bundle) { removeAll(after: "bundle") }

    private func removeAll(after test: String) {
      lock.lock()
      let made = folders
      folders = []
      lock.unlock()
      for url in made {
        DossierSink.collect(from: url, test: test)
        try? FileManager.default.removeItem(at: url)
      }
    }
  }
}

/// With `HOMOLOG_DOSSIER_SINK` set (CI, `.ci/run`), every `dossier.json` a test leaves in its temporary folders is
/// copied there before the folder goes, so `scripts/validate-outputs.sh` validates each against the dossier schema.
enum DossierSink {
  static let folder: URL? = {
    guard let path = ProcessInfo.processInfo.environment["HOMOLOG_DOSSIER_SINK"], !path.isEmpty else { return nil }
    return URL(fileURLWithPath: path, isDirectory: true)
  }()

  /// Copies the `dossier.json` files under `root` to the sink, named after the test (`Class.method-N-UUID.json`).
  static func collect(from root: URL, test: String) {
    guard let folder, let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
      return
    }
    let name = String(test.map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "_" }).trimmingCharacters(in: CharacterSet(charactersIn: "_"))
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var index = 0
    for case let url as URL in enumerator where url.lastPathComponent == "dossier.json" {
      index += 1
      let copy = folder.appendingPathComponent("\(name)-\(index)-\(UUID().uuidString.prefix(8)).json")
      try? FileManager.default.copyItem(at: url, to: copy)
    }
  }
}
