import Foundation
import HomologIngest
import HomologModel
import HomologParsing

// homolog-bench [--parse-only] FILE…: reads each file the way `homolog` does (content detection,
// then the detected reader) and prints one line per file: format, size, time, throughput and what
// was read. With --parse-only, XML files only go through the SAX parser with a handler that does
// nothing (the ceiling a reader can reach). Findings are counted, not kept, as `homolog inspect`
// reads them (`FindingMode.count`: no fingerprint, location or texts); `evaluate` keeps every
// finding. Used by bench/run.sh; exit code 2 when a file is unrecognised or unreadable.

/// Receives every event and ignores it.
final class NoOpHandler: XMLByteHandler {
  var elements = 0
  func startElement(_ name: XMLName, attributes: XMLAttributes, context: XMLEventContext) throws(InputError) {
    elements += 1
  }
}

/// What a read produced, in a few words, so the work is visible (and cannot be optimised away).
func summary(_ result: ReadResult) -> String {
  var parts: [String] = []
  if let coverage = result.coverage {
    parts.append("lines \(coverage.lines.covered)/\(coverage.lines.total), \(coverage.files.count) files")
  }
  if let tests = result.tests {
    parts.append("tests \(tests.total) (failed \(tests.failed), errored \(tests.errored), skipped \(tests.skipped))")
  }
  let findings = result.findingCounts.total
  if findings > 0 { parts.append("findings \(findings)") }
  return parts.joined(separator: "; ")
}

var paths = Array(CommandLine.arguments.dropFirst())
let parseOnly = paths.first == "--parse-only"
if parseOnly { paths.removeFirst() }
guard !paths.isEmpty else {
  FileHandle.standardError.write(Data("usage: homolog-bench [--parse-only] FILE...\n".utf8))
  exit(2)
}
var failed = false
for path in paths {
  let url = URL(fileURLWithPath: path)
  guard let head = FileHead.read(url), let reader = AllReaders.detect(head) else {
    FileHandle.standardError.write(Data("\(path): error: no reader recognises this file\n".utf8))
    failed = true
    continue
  }
  let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
  let start = DispatchTime.now().uptimeNanoseconds
  do {
    let read: String
    if parseOnly && head.xmlRootElement != nil {
      let handler = NoOpHandler()
      try XMLStreamParser.parse(file: url, displayPath: path, handler: handler)
      read = "parse only: \(handler.elements) elements"
    } else {
      read = summary(try reader.read(InputFile(url: url, path: path, findingMode: .count)))
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let megabytes = Double(bytes) / 1e6
    let figures = String(format: "%.1f MB\t%.2f s\t%.1f MB/s", megabytes, seconds, megabytes / seconds)
    print("\(path)\t\(reader.format)\t\(figures)\t\(read)")
  } catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    failed = true
  }
}
exit(failed ? 2 : 0)
