import Foundation
import HomologModel

/// Writes output files so that a failed run never leaves a half-written dossier: every file is
/// rendered first, then each is written to a temporary name in the same folder and renamed into place.
enum OutputWriter {
  static func write(_ files: [(name: String, data: Data)], to directory: URL, display: String) throws(InputError) {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw InputError("cannot create the output folder: \(error.localizedDescription)", at: SourceLocation(file: display))
    }
    var staged: [(URL, URL)] = []
    defer { for (temporary, _) in staged { try? FileManager.default.removeItem(at: temporary) } }
    for file in files {
      let target = directory.appendingPathComponent(file.name)
      let temporary = directory.appendingPathComponent(".\(file.name).\(getpid()).tmp")
      do {
        try file.data.write(to: temporary)
      } catch {
        throw InputError("cannot write \(file.name): \(error.localizedDescription)", at: SourceLocation(file: display))
      }
      staged.append((temporary, target))
    }
    for (temporary, target) in staged {
      guard rename(temporary.path, target.path) == 0 else {
        throw InputError("cannot move \(target.lastPathComponent) into place (errno \(errno))", at: SourceLocation(file: display))
      }
    }
    staged.removeAll()
  }
}
