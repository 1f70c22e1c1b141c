import Foundation
import HomologModel
import HomologParsing

/// Writes the dossier so that a failed or killed run never leaves a half-written file.
///
/// Every file is rendered in memory first. Then each is written and flushed to disk in a staging
/// folder inside the output folder (same file system), and only then renamed over its target, one
/// by one, `dossier.json` last. `rename(2)` is atomic: at any instant each output file is either
/// the whole previous version or the whole new one, never truncated. A kill between two renames
/// (a window of microseconds) can leave some files new and others old; a new `dossier.json` means
/// every other file is new too. A staging folder left by a killed run is removed by the next run.
///
/// An output folder holds one run's files only. Each run writes a manifest, `.homolog-outputs`, listing the SHA-256
/// and name of every file it wrote (`sha256sum` format). A file is homolog's only when the manifest lists its name
/// with the hash of its current content: the previous run's outputs this run does not write are removed (after
/// staging, before the renames, `dossier.json` first). Any other file is foreign: the folder is refused unless
/// forced, and a forced run keeps it and never removes or replaces it. `.gitkeep` and `.gitignore` are ignored.
/// The manifest is replaced twice, staged like the outputs: before the removals and renames by one listing both the
/// old and the new files, after them by one listing the new files only, so a run killed at any point leaves every
/// file recognised by the next run.
enum OutputWriter {
  /// Prefix of the staging folders, followed by the process id.
  static let stagingPrefix = ".homolog-staging-"
  /// The manifest of the files the last run wrote into an output folder.
  static let manifestName = ".homolog-outputs"
  /// Hidden files an output folder may hold without being refused (kept, never listed).
  static let tolerated: Set<String> = [".gitkeep", ".gitignore"]

  /// Writes `files` into `directory` (created if needed), atomically per file. With `outputFolder`, the folder is
  /// a command's output folder: it gets a manifest, the previous run's outputs this run does not write are removed,
  /// and a folder holding other files is refused unless `force` (which keeps them).
  static func write(
    _ files: [(name: String, data: Data)], to directory: URL, display: String, outputFolder: Bool = false, force: Bool = false
  ) throws(InputError) {
    let previous = outputFolder ? try previousOutputs(in: directory, writing: Set(files.map(\.name)), display: display, force: force) : nil
    let stale = previous?.stale ?? []
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
    let written = ordered.map { Manifest.Entry(hash: SHA256Hasher.hex(of: $0.data), name: $0.name) }
    if let previous {
      let both = Manifest(entries: previous.manifest.entries + written).data
      try writeFlushed(both, to: staging.appendingPathComponent(manifestName), name: manifestName, display: display)
    }
    TestHooks.pauseBeforeRename()
    if previous != nil { try move(manifestName, from: staging, to: directory, display: display) }
    for name in stale {
      guard unlink(directory.appendingPathComponent(name).path) == 0 || errno == ENOENT else {
        throw Terminal.inputError("output.cannot-remove", [MessageArg("name", name), MessageArg("errno", String(errno))], at: SourceLocation(file: display))
      }
    }
    for file in ordered {
      try move(file.name, from: staging, to: directory, display: display)
    }
    if previous != nil {
      try place(Manifest(entries: written).data, as: manifestName, staging: staging, directory: directory, display: display)
    }
    syncDirectory(directory)
  }

  /// Writes `files` into an output folder beside the outputs a run wrote, and lists them in its manifest after them,
  /// so that the next run recognises them as homolog's (it replaces or removes them). As `write` does, the manifest
  /// first lists both the old and new versions, then the new ones only: a kill at any point leaves every file listed.
  static func add(_ files: [(name: String, data: Data)], to directory: URL, display: String) throws(InputError) {
    let listed = Manifest(data: (try? Data(contentsOf: directory.appendingPathComponent(manifestName))) ?? Data()).entries
    let added = files.map { Manifest.Entry(hash: SHA256Hasher.hex(of: $0.data), name: $0.name) }
    let names = Set(files.map(\.name))
    try write([(manifestName, Manifest(entries: listed + added).data)], to: directory, display: display)
    try write(files, to: directory, display: display)
    try write([(manifestName, Manifest(entries: listed.filter { !names.contains($0.name) } + added).data)], to: directory, display: display)
  }

  /// Refuses, before anything is written, an output folder `write(…, outputFolder: true)` would refuse (for a command
  /// that writes another file first).
  static func checkOutputFolder(_ directory: URL, writing names: [String], display: String, force: Bool) throws(InputError) {
    _ = try previousOutputs(in: directory, writing: Set(names), display: display, force: force)
  }

  /// Writes a file into the staging folder and renames it into place.
  private static func place(_ data: Data, as name: String, staging: URL, directory: URL, display: String) throws(InputError) {
    try writeFlushed(data, to: staging.appendingPathComponent(name), name: name, display: display)
    try move(name, from: staging, to: directory, display: display)
  }

  /// Renames a staged file over its target.
  private static func move(_ name: String, from staging: URL, to directory: URL, display: String) throws(InputError) {
    guard rename(staging.appendingPathComponent(name).path, directory.appendingPathComponent(name).path) == 0 else {
      throw Terminal.inputError("output.cannot-move", [MessageArg("name", name), MessageArg("errno", String(errno))], at: SourceLocation(file: display))
    }
  }

  /// The previous run's manifest entries still true and its outputs this run does not write (`dossier.json` first).
  /// Refuses a folder holding a file the manifest does not vouch for unless `force`, and, even forced, a run that
  /// would replace such a file.
  private static func previousOutputs(
    in directory: URL, writing: Set<String>, display: String, force: Bool
  ) throws(InputError) -> (manifest: Manifest, stale: [String]) {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { !$0.hasPrefix(stagingPrefix) && $0 != manifestName && !tolerated.contains($0) }.sorted()
    let listed = Manifest(data: (try? Data(contentsOf: directory.appendingPathComponent(manifestName))) ?? Data())
    var ours: [Manifest.Entry] = []
    var foreign: [String] = []
    for name in names {
      let hash = regularFileHash(directory.appendingPathComponent(name))
      if let hash, listed.entries.contains(Manifest.Entry(hash: hash, name: name)) {
        ours.append(Manifest.Entry(hash: hash, name: name))
      } else {
        foreign.append(name)
      }
    }
    if !foreign.isEmpty && !force {
      throw Terminal.inputError("output.foreign-files", [MessageArg("names", listing(foreign))], at: SourceLocation(file: display))
    }
    let replaced = foreign.filter(writing.contains)
    if !replaced.isEmpty {
      throw Terminal.inputError("output.foreign-replaced", [MessageArg("names", listing(replaced))], at: SourceLocation(file: display))
    }
    let stale = ours.map(\.name).filter { !writing.contains($0) }
    return (Manifest(entries: ours), stale.filter { $0 == "dossier.json" } + stale.filter { $0 != "dossier.json" })
  }

  /// The first three names, then how many more.
  private static func listing(_ names: [String]) -> String {
    let more = names.count > 3 ? Terminal.text("output.more", [.number("count", Double(names.count - 3), decimals: 0)]) : ""
    return names.prefix(3).joined(separator: ", ") + more
  }

  /// The SHA-256 of a regular file (symbolic links not followed), nil for anything else or an unreadable file.
  private static func regularFileHash(_ url: URL) -> String? {
    var status = stat()
    guard lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, let data = try? Data(contentsOf: url) else { return nil }
    return SHA256Hasher.hex(of: data)
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

/// The `.homolog-outputs` manifest: one `SHA256  NAME` line per file (the `sha256sum` format).
struct Manifest {
  struct Entry: Hashable {
    var hash: String
    var name: String
  }

  var entries: [Entry]

  init(entries: [Entry]) { self.entries = entries }

  /// Reads a manifest; lines that are not a 64-digit hash, two spaces and a plain name are skipped.
  init(data: Data) {
    entries = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
      let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
      guard parts.count == 3, parts[1].isEmpty, parts[0].count == 64, parts[0].allSatisfy(\.isHexDigit), !parts[2].contains("/") else { return nil }
      return Entry(hash: String(parts[0]), name: String(parts[2]))
    }
  }

  /// The manifest's bytes.
  var data: Data { Data(entries.map { "\($0.hash)  \($0.name)\n" }.joined().utf8) }
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
