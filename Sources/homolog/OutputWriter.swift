import Foundation
import HomologModel

/// Writes the dossier so that a failed or killed run never leaves a half-written file.
///
/// Every file is rendered in memory first. Then each is written and flushed to disk in a staging
/// folder inside the output folder (same file system), and only then renamed over its target, one
/// by one, `dossier.json` last. `rename(2)` is atomic: at any instant each output file is either
/// the whole previous version or the whole new one, never truncated. A kill between two renames
/// (a window of microseconds) can leave some files new and others old; a new `dossier.json` means
/// every other file is new too. A staging folder left by a killed run is removed by the next run.
///
/// An output folder holds one run's files only: given the names a command owns, the previous run's outputs
/// this run does not write are removed (after staging, before the renames, `dossier.json` first), and a folder
/// holding anything else is refused unless forced.
enum OutputWriter {
  /// Prefix of the staging folders, followed by the process id.
  static let stagingPrefix = ".homolog-staging-"

  /// Writes `files` into `directory` (created if needed), atomically per file. With `owned` (the names the command
  /// writes into an output folder), the folder's other homolog outputs are removed and a folder holding other files
  /// is refused unless `force`.
  static func write(
    _ files: [(name: String, data: Data)], to directory: URL, display: String, owned: Set<String>? = nil, force: Bool = false
  ) throws(InputError) {
    let stale = try owned.map { owned throws(InputError) in
      try staleOutputs(in: directory, owned: owned, writing: Set(files.map(\.name)), display: display, force: force)
    } ?? []
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw Terminal.inputError("output.cannot-create", [MessageArg("reason", error.localizedDescription)], at: SourceLocation(file: display))
    }
    removeAbandonedStaging(in: directory)
    let staging = directory.appendingPathComponent("\(stagingPrefix)\(getpid())")
    try? FileManager.default.removeItem(at: staging)
    guard mkdir(staging.path, 0o700) == 0 else {
      throw Terminal.inputError("output.cannot-stage", [MessageArg("errno", String(errno))], at: SourceLocation(file: display))
    }
    defer { try? FileManager.default.removeItem(at: staging) }
    let ordered = files.filter { $0.name != "dossier.json" } + files.filter { $0.name == "dossier.json" }
    for file in ordered {
      try writeFlushed(file.data, to: staging.appendingPathComponent(file.name), name: file.name, display: display)
    }
    TestHooks.pauseBeforeRename()
    for name in stale {
      guard unlink(directory.appendingPathComponent(name).path) == 0 || errno == ENOENT else {
        throw Terminal.inputError("output.cannot-remove", [MessageArg("name", name), MessageArg("errno", String(errno))], at: SourceLocation(file: display))
      }
    }
    for file in ordered {
      let target = directory.appendingPathComponent(file.name)
      guard rename(staging.appendingPathComponent(file.name).path, target.path) == 0 else {
        throw Terminal.inputError("output.cannot-move", [MessageArg("name", file.name), MessageArg("errno", String(errno))], at: SourceLocation(file: display))
      }
    }
    syncDirectory(directory)
  }

  /// The previous run's outputs this run does not write, `dossier.json` first; refuses a folder holding other
  /// entries (staging folders aside) unless `force`.
  private static func staleOutputs(
    in directory: URL, owned: Set<String>, writing: Set<String>, display: String, force: Bool
  ) throws(InputError) -> [String] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { !$0.hasPrefix(stagingPrefix) }.sorted()
    let foreign = names.filter { !owned.contains($0) }
    if !foreign.isEmpty && !force {
      let more = foreign.count > 3 ? Terminal.text("output.more", [.number("count", Double(foreign.count - 3), decimals: 0)]) : ""
      throw Terminal.inputError(
        "output.foreign-files", [MessageArg("names", foreign.prefix(3).joined(separator: ", ") + more)], at: SourceLocation(file: display))
    }
    let stale = names.filter { owned.contains($0) && !writing.contains($0) }
    return stale.filter { $0 == "dossier.json" } + stale.filter { $0 != "dossier.json" }
  }

  /// Writes bytes to a new file and flushes them to disk before returning.
  private static func writeFlushed(_ data: Data, to url: URL, name: String, display: String) throws(InputError) {
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw Terminal.inputError("output.cannot-write", [MessageArg("name", name), MessageArg("errno", String(errno))], at: SourceLocation(file: display))
    }
    defer { close(descriptor) }
    var failure: Int32 = 0
    data.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += written
      }
    }
    guard failure == 0, fsync(descriptor) == 0 else {
      throw Terminal.inputError(
        "output.cannot-write", [MessageArg("name", name), MessageArg("errno", String(failure != 0 ? failure : errno))], at: SourceLocation(file: display))
    }
  }

  /// Flushes a folder's entries (the renames) to disk; best effort.
  private static func syncDirectory(_ url: URL) {
    let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  /// Removes staging folders whose process is gone (a run killed before it could clean up).
  private static func removeAbandonedStaging(in directory: URL) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    for name in names where name.hasPrefix(stagingPrefix) {
      guard let pid = Int32(name.dropFirst(stagingPrefix.count)), pid != getpid() else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH {
        try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
      }
    }
  }
}

/// Hooks for tests of behaviour that timing alone cannot reach; inert unless their variable is set.
enum TestHooks {
  /// `HOMOLOG_TEST_PAUSE_BEFORE_RENAME=SECONDS`: sleep after staging the outputs, before renaming
  /// them into place, so a test can kill the process at that point.
  static func pauseBeforeRename() {
    guard let text = ProcessInfo.processInfo.environment["HOMOLOG_TEST_PAUSE_BEFORE_RENAME"], let seconds = Double(text),
      seconds > 0
    else { return }
    FileHandle.standardError.write(Data("homolog: test hook: outputs staged, pausing before rename\n".utf8))
    Thread.sleep(forTimeInterval: min(seconds, 60))
  }
}
