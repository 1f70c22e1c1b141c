import Foundation
import HomologIngest
import HomologModel
import XCTest

/// The hostile-input corpus: small files under `Tests/Fixtures/hostile/`, and big or derived ones
/// generated at test time in a temporary folder.
enum HostileCorpus {
  static let root = Fixtures.root.appendingPathComponent("hostile")

  /// Every file of the corpus (fuzzer findings under `fuzz/` included), sorted.
  static var files: [URL] {
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    var found: [URL] = []
    while let url = enumerator?.nextObject() as? URL {
      if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true, url.lastPathComponent != "README.md" {
        found.append(url)
      }
    }
    return found.sorted { $0.path < $1.path }
  }

  /// Every genuine fixture that some reader recognises, with its reader.
  static var detectedRealFiles: [(url: URL, reader: any EvidenceReader.Type)] {
    let real = Fixtures.root.appendingPathComponent("real")
    let enumerator = FileManager.default.enumerator(at: real, includingPropertiesForKeys: nil)
    var found: [(URL, any EvidenceReader.Type)] = []
    while let url = enumerator?.nextObject() as? URL {
      guard let head = FileHead.read(url), let reader = AllReaders.detect(head) else { continue }
      found.append((url, reader))
    }
    return found.sorted { $0.0.path < $1.0.path }
  }

  /// A fresh temporary folder, removed when the test ends.
  static func temporaryFolder() throws -> URL {
    try TemporaryFolders.make("homolog-hostile")
  }

  /// What homolog made of one file: read (with its format), ignored (with the reason) or refused (with the error).
  enum Outcome: Sendable {
    case read(EvidenceFile)
    case ignored(IgnoredFile)
    case refused(InputError)
  }

  /// Runs one file through detection, its reader and hashing, as `homolog evaluate` does.
  static func collect(_ url: URL, maxFileBytes: Int = EvidenceCollector.defaultMaxFileBytes) -> Outcome {
    let collector = EvidenceCollector(baseDirectory: url.deletingLastPathComponent(), maxFileBytes: maxFileBytes)
    do throws(InputError) {
      let collected = try collector.collect([url])
      if let file = collected.files.first { return .read(file) }
      return .ignored(collected.ignored.first ?? IgnoredFile(path: "", reason: ""))
    } catch {
      return .refused(error)
    }
  }

  /// Runs `body` on another thread and gives its value, or nil when it takes longer than `seconds`
  /// (the thread is then abandoned, so a hang fails the test instead of blocking the suite).
  static func within<Value: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () -> Value) -> Value? {
    let box = Box<Value>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      box.value = body()
      done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    return done.wait(timeout: .now() + seconds) == .success ? box.value : nil
  }

  /// Asserts that `url` gives a clean outcome within `seconds`, and returns it.
  @discardableResult
  static func assertClean(
    _ url: URL, seconds: Double = 20, maxFileBytes: Int = EvidenceCollector.defaultMaxFileBytes, file: StaticString = #filePath,
    line: UInt = #line
  ) -> Outcome? {
    let start = Date()
    guard let outcome = within(seconds, { collect(url, maxFileBytes: maxFileBytes) }) else {
      XCTFail("\(url.lastPathComponent): no result within \(seconds) s", file: file, line: line)
      return nil
    }
    if case .refused(let error) = outcome {
      XCTAssertFalse(error.message.isEmpty, file: file, line: line)
      XCTAssertNotNil(error.location?.file, "\(error)", file: file, line: line)
    }
    XCTAssertLessThan(Date().timeIntervalSince(start), seconds, file: file, line: line)
    return outcome
  }

  /// Reads a file with a given reader directly (no detection), within a time bound: a result or an `InputError`.
  static func assertReaderClean(
    _ reader: any EvidenceReader.Type, _ url: URL, seconds: Double = 20, file: StaticString = #filePath, line: UInt = #line
  ) {
    let input = InputFile(url: url, path: url.lastPathComponent)
    let outcome = within(seconds) { () -> Result<Int, InputError> in
      do throws(InputError) {
        return .success(try reader.read(input).findings.count)
      } catch {
        return .failure(error)
      }
    }
    guard let outcome else { return XCTFail("\(reader.format) on \(url.lastPathComponent): no result within \(seconds) s", file: file, line: line) }
    if case .failure(let error) = outcome {
      XCTAssertFalse(error.message.isEmpty, file: file, line: line)
    }
  }
}

/// A value handed back from another thread.
private final class Box<Value>: @unchecked Sendable {
  var value: Value?
}
