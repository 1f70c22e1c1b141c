import Foundation
import HomologModel
import HomologParsing

/// The size rule of evidence files: only regular files, none above a limit (1 GB by default,
/// `--max-file-mb` on the command line), checked from the file's metadata before reading it.
enum SizePolicy {
  /// The size of a regular file, or an error for a missing file, a folder, a FIFO or a device.
  static func regularFileSize(_ input: InputFile) throws(InputError) -> Int {
    var info = stat()
    guard stat(input.url.path, &info) == 0 else {
      throw FileInput.unreadable(input.path)
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      let kind = kind(info.st_mode)
      throw FileInput.notRegular(kind.replacingOccurrences(of: " ", with: "-"), english: kind == "special" ? "a special file" : "a \(kind)", input.path)
    }
    return Int(info.st_size)
  }

  /// The refusal of a recognised file above the limit.
  static func tooLarge(_ input: InputFile, size: Int, limit: Int, format: String) -> InputError {
    InputError(
      "\(format) file of \(describe(size)) (\(size) bytes) is above the \(describe(limit)) limit for one evidence file; "
        + "raise it with --max-file-mb if this file is genuine",
      at: SourceLocation(file: input.path))
  }

  /// A size in MB (10^6 bytes) or GB, one decimal.
  static func describe(_ bytes: Int) -> String {
    if bytes >= 1_000_000_000 { return String(format: "%.1f GB", Double(bytes) / 1e9) }
    return String(format: "%.1f MB", Double(bytes) / 1e6)
  }

  private static func kind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: "folder"
    case S_IFIFO: "named pipe"
    case S_IFCHR, S_IFBLK: "device"
    case S_IFSOCK: "socket"
    default: "special"
    }
  }
}
