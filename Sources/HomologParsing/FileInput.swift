import Foundation
import HomologModel

/// Reads evidence files from disk: whole (for JSON and YAML) or in chunks (for XML), with a size policy.
public enum FileInput {
  /// Largest file read whole into memory, a backstop (evidence files meet the collector's `--max-file-mb` first).
  public static let maxWholeFileBytes = 4 << 30
  /// Chunk size for streaming reads.
  public static let chunkSize = 1 << 18

  /// The whole content of a file, refusing files above `limit` bytes.
  ///
  /// Read through one descriptor (the size checked is the size read; a file that grows meanwhile
  /// is cut at `limit` and refused), not with `Data(contentsOf:)`, which leaks a buffer on every
  /// empty file (found by fuzzing).
  public static func readWhole(_ url: URL, displayPath: String, limit: Int = maxWholeFileBytes) throws(InputError) -> Data {
    let descriptor = try openRegular(url, displayPath: displayPath)
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw readFailed(errno, displayPath)
    }
    let size = Int(info.st_size)
    guard size <= limit else {
      throw InputError(
        "file is \(size) bytes, above the \(limit)-byte limit for this format", at: SourceLocation(file: displayPath))
    }
    guard size > 0 else { return Data() }
    var data = Data(count: size)
    var filled = 0
    var failure: Int32 = 0
    data.withUnsafeMutableBytes { raw in
      while filled < size {
        let count = read(descriptor, raw.baseAddress! + filled, size - filled)
        if count < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if count == 0 { break }
        filled += count
      }
    }
    guard failure == 0 else {
      throw readFailed(failure, displayPath)
    }
    if filled < size { data.removeSubrange(filled..<size) }
    return data
  }

  /// The size of a file in bytes.
  public static func fileSize(_ url: URL, displayPath: String) throws(InputError) -> Int {
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
      return (attributes[.size] as? NSNumber)?.intValue ?? 0
    } catch {
      throw unreadable(displayPath)
    }
  }

  /// The size of a regular file; a folder, FIFO or device is refused (reading one could block or never end).
  public static func regularFileSize(_ url: URL, displayPath: String) throws(InputError) -> Int {
    var info = stat()
    guard stat(url.path, &info) == 0 else {
      throw unreadable(displayPath)
    }
    try requireRegular(info, displayPath: displayPath)
    return Int(info.st_size)
  }

  private static func requireRegular(_ info: stat, displayPath: String) throws(InputError) {
    guard (info.st_mode & S_IFMT) != S_IFREG else { return }
    let folder = (info.st_mode & S_IFMT) == S_IFDIR
    throw notRegular(folder ? "folder" : "pipe-device-socket", english: folder ? "a folder" : "a named pipe, device or socket", displayPath)
  }

  /// A file that is missing or that homolog may not read.
  public static func unreadable(_ displayPath: String) -> InputError {
    InputError(Message("file.unreadable"), english: "cannot read the file: it does not exist or is not readable", at: SourceLocation(file: displayPath))
  }

  /// A read that the system refused.
  static func readFailed(_ code: Int32, _ displayPath: String) -> InputError {
    InputError(Message("file.read-failed", [MessageArg("errno", "\(code)")]), english: "cannot read the file (errno \(code))", at: SourceLocation(file: displayPath))
  }

  /// A path that is not a regular file: `kind` is a key of `file.kind.*` (folder, named-pipe, device, socket, special).
  public static func notRegular(_ kind: String, english: String, _ displayPath: String) -> InputError {
    InputError(
      Message("file.not-regular", [MessageArg("kind", kind)]), english: "expected a regular file, found \(english)", at: SourceLocation(file: displayPath))
  }

  /// Opens a regular file for reading without blocking on a named pipe; the caller closes the descriptor.
  public static func openRegular(_ url: URL, displayPath: String) throws(InputError) -> Int32 {
    let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw unreadable(displayPath)
    }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      close(descriptor)
      throw readFailed(errno, displayPath)
    }
    do {
      try requireRegular(info, displayPath: displayPath)
    } catch {
      close(descriptor)
      throw error
    }
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    return descriptor
  }

  /// At most the first `count` bytes of a regular file.
  public static func readPrefix(_ url: URL, displayPath: String, count: Int) throws(InputError) -> Data {
    let descriptor = try openRegular(url, displayPath: displayPath)
    defer { close(descriptor) }
    var bytes = Data(count: count)
    var filled = 0
    while filled < count {
      let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, count - filled) }
      if got < 0 && errno == EINTR { continue }
      if got <= 0 { break }
      filled += got
    }
    return bytes.prefix(filled)
  }

  /// Calls `body` with successive chunks of the file until the end or until it throws.
  public static func forEachChunk(
    _ url: URL, displayPath: String, _ body: (UnsafeRawBufferPointer) throws(InputError) -> Void
  ) throws(InputError) {
    let descriptor = try openRegular(url, displayPath: displayPath)
    defer { close(descriptor) }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      let count = read(descriptor, buffer.baseAddress, chunkSize)
      if count < 0 {
        if errno == EINTR { continue }
        throw readFailed(errno, displayPath)
      }
      if count == 0 { return }
      try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }
  }

  /// SHA-256 and size of a file, streamed; stops with an error as soon as `isCancelled` returns true.
  public static func digest(
    _ url: URL, displayPath: String, isCancelled: (() -> Bool)? = nil
  ) throws(InputError) -> (sha256: String, bytes: Int) {
    let hasher = SHA256Hasher()
    var total = 0
    try forEachChunk(url, displayPath: displayPath) { chunk throws(InputError) in
      if let isCancelled, isCancelled() { throw InputError("hashing cancelled", at: SourceLocation(file: displayPath)) }
      hasher.update(chunk)
      total += chunk.count
    }
    return (hasher.finalizeHex(), total)
  }
}
