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

    func testCaseDidFinish(_ testCase: XCTestCase) { removeAll() }

    func testBundleDidFinish(_ testBundle: Bundle) { removeAll() }

    private func removeAll() {
      lock.lock()
      let made = folders
      folders = []
      lock.unlock()
      for url in made { try? FileManager.default.removeItem(at: url) }
    }
  }
}
