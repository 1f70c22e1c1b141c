import Foundation
import HomologModel

/// Reads evidence files from disk: whole (for JSON and YAML) or in chunks (for XML), with a size policy.
public enum FileInput {
  /// Largest file read whole into memory (JSON and YAML evidence).
  public static let maxWholeFileBytes = 1 << 30
  /// Chunk size for streaming reads.
  public static let chunkSize = 1 << 18

  /// The whole content of a file, refusing files above `limit` bytes.
  public static func readWhole(_ url: URL, displayPath: String, limit: Int = maxWholeFileBytes) throws(InputError) -> Data {
    let size = try fileSize(url, displayPath: displayPath)
    guard size <= limit else {
      throw InputError(
        "file is \(size) bytes, above the \(limit)-byte limit for this format", at: SourceLocation(file: displayPath))
    }
    do {
      return try Data(contentsOf: url, options: [.mappedIfSafe])
    } catch {
      throw InputError("cannot read the file: \(error.localizedDescription)", at: SourceLocation(file: displayPath))
    }
  }

  /// The size of a file in bytes.
  public static func fileSize(_ url: URL, displayPath: String) throws(InputError) -> Int {
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
      return (attributes[.size] as? NSNumber)?.intValue ?? 0
    } catch {
      throw InputError("cannot read the file: it does not exist or is not readable", at: SourceLocation(file: displayPath))
    }
  }

  /// Calls `body` with successive chunks of the file until the end or until it throws.
  public static func forEachChunk(
    _ url: URL, displayPath: String, _ body: (UnsafeRawBufferPointer) throws(InputError) -> Void
  ) throws(InputError) {
    guard let handle = FileHandle(forReadingAtPath: url.path) else {
      throw InputError("cannot read the file: it does not exist or is not readable", at: SourceLocation(file: displayPath))
    }
    defer { try? handle.close() }
    let descriptor = handle.fileDescriptor
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      let count = read(descriptor, buffer.baseAddress, chunkSize)
      if count < 0 {
        if errno == EINTR { continue }
        throw InputError("cannot read the file (errno \(errno))", at: SourceLocation(file: displayPath))
      }
      if count == 0 { return }
      try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }
  }

  /// SHA-256 and size of a file, streamed.
  public static func digest(_ url: URL, displayPath: String) throws(InputError) -> (sha256: String, bytes: Int) {
    let hasher = SHA256Hasher()
    var total = 0
    try forEachChunk(url, displayPath: displayPath) { chunk in
      hasher.update(chunk)
      total += chunk.count
    }
    return (hasher.finalizeHex(), total)
  }
}
