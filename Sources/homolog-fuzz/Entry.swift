import Foundation

// Built with `-Xswiftc -sanitize=fuzzer,address -Xswiftc -DHOMOLOG_FUZZ`, the program is a
// libFuzzer fuzzer: `main` hands over to libFuzzer's driver (or libFuzzer's own `main`, which the
// linker may pick instead), and libFuzzer calls `LLVMFuzzerTestOneInput` for every input.
// Built plainly, `main` replays the files given as arguments (the regression corpus), so
// `swift build` and `swift test` need no fuzzer runtime.

/// One input, always 0: findings are crashes and sanitizer reports.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  FuzzSession.shared.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
  return 0
}

#if HOMOLOG_FUZZ
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif

/// `homolog-fuzz [libFuzzer options] [CORPUS…]` in a fuzzing build; `homolog-fuzz FILE|DIR…` replays otherwise.
@main
enum FuzzMain {
  static func main() {
    #if HOMOLOG_FUZZ
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(runFuzzerDriver(&argc, &argv) { bytes, count in fuzzOneInput(bytes, count) })
    #else
    replay(Array(CommandLine.arguments.dropFirst()))
    #endif
  }

  /// Runs every file (or every file of every folder) once through the family's readers.
  static func replay(_ paths: [String]) {
    var count = 0
    for path in paths {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      let files = isDirectory.boolValue
        ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(path)/\($0)" } : [path]
      for file in files {
        guard let data = FileManager.default.contents(atPath: file) else { continue }
        FuzzSession.shared.run(data)
        count += 1
      }
    }
    print("replayed \(count) inputs through the \(FuzzSession.shared.family.rawValue) readers")
  }
}
