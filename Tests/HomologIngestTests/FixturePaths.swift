import Foundation
import HomologIngest
import HomologModel
import XCTest

/// Locates the test fixtures next to the test sources, so tests run from any clean clone.
enum Fixtures {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// A genuine tool output under `Tests/Fixtures/real/`.
  static func real(_ relative: String) -> URL { root.appendingPathComponent("real").appendingPathComponent(relative) }

  /// Every genuine file of one tool folder, sorted.
  static func realFiles(_ folder: String) -> [URL] {
    let dir = root.appendingPathComponent("real").appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.sorted().map { dir.appendingPathComponent($0) }
  }

  /// Reads a genuine file with `reader`, after asserting that detection picks that reader for it.
  static func read<Reader: EvidenceReader>(
    _ reader: Reader.Type, _ relative: String, mode: FindingMode = .keep, file: StaticString = #filePath, line: UInt = #line
  ) throws -> ReadResult {
    let url = real(relative)
    XCTAssertEqual(AllReaders.detect(try XCTUnwrap(FileHead.read(url)))?.format, reader.format, relative, file: file, line: line)
    var input = input(url)
    input.findingMode = mode
    return try reader.read(input)
  }

  /// An input file for a reader, displayed by its file name.
  static func input(_ url: URL) -> InputFile { InputFile(url: url, path: url.lastPathComponent) }

  /// Writes text to a temporary file and returns it as an input.
  static func temporary(_ text: String, name: String) throws -> InputFile {
    let dir = try TemporaryFolders.make("homolog-tests")
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return InputFile(url: url, path: name)
  }
}

/// Asserts that reading fails with an error naming the file and the JSON path.
func assertJSONPathError(
  _ read: @autoclosure () throws -> ReadResult, file name: String, path: String,
  sourceFile: StaticString = #filePath, line: UInt = #line
) {
  XCTAssertThrowsError(try read(), file: sourceFile, line: line) { error in
    guard let error = error as? InputError else { return XCTFail("not an InputError: \(error)", file: sourceFile, line: line) }
    XCTAssertEqual(error.location?.file, name, file: sourceFile, line: line)
    XCTAssertEqual(error.location?.jsonPath, path, error.description, file: sourceFile, line: line)
  }
}

extension ReadResult {
  /// Findings of one kind counted per original (tool) severity word.
  func counts(_ kind: FindingKind) -> [String: Int] {
    findings.filter { $0.kind == kind }.reduce(into: [:]) { $0[$1.originalSeverity, default: 0] += 1 }
  }

  /// Findings of any kind counted per normalized severity.
  var severityCounts: [Severity: Int] {
    findings.reduce(into: [:]) { $0[$1.severity, default: 0] += 1 }
  }
}
