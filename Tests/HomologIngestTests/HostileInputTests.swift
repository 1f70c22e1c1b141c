import Foundation
import HomologIngest
import HomologModel
import HomologParsing
import XCTest

/// Every hostile input gives a clean result or a clean, located `InputError`, quickly, never a crash or a hang.
final class HostileInputTests: XCTestCase {
  func testEveryCorpusFileGivesACleanOutcomeQuickly() throws {
    let files = HostileCorpus.files
    XCTAssertGreaterThan(files.count, 20)
    for url in files {
      HostileCorpus.assertClean(url)
      // The reader of the file's apparent format too, even when detection would not pick it.
      let ext = url.pathExtension
      for reader in AllReaders.list where Self.plausible(reader, ext) {
        HostileCorpus.assertReaderClean(reader, url)
      }
    }
  }

  func testEntityDeclarationsAreRefusedAndNothingIsFetchedOrExpanded() {
    for name in ["xml-billion-laughs.xml", "xml-billion-laughs-junit-attribute.xml", "xml-external-entity-file.xml",
                 "xml-external-entity-network.xml", "xml-parameter-entity-dtd.xml"] {
      let start = Date()
      guard case .refused(let error) = HostileCorpus.assertClean(HostileCorpus.root.appendingPathComponent(name)) else {
        XCTFail("\(name) should be refused")
        continue
      }
      XCTAssertTrue(error.message.contains("entit"), "\(name): \(error)")
      XCTAssertEqual(error.location?.file, name)
      XCTAssertNotNil(error.location?.line)
      XCTAssertLessThan(Date().timeIntervalSince(start), 1, "\(name) took too long: something was fetched or expanded")
    }
  }

  func testAnExternalDTDIsNeitherLoadedNorAProblem() throws {
    let outcome = HostileCorpus.assertClean(HostileCorpus.root.appendingPathComponent("xml-external-dtd-not-loaded.xml"))
    guard case .read(let file) = outcome else { return XCTFail("expected a read, got \(String(describing: outcome))") }
    XCTAssertEqual(file.coverage?.lines.total, 1)
  }

  func testXIncludeIsNotProcessed() throws {
    let outcome = HostileCorpus.assertClean(HostileCorpus.root.appendingPathComponent("xml-xinclude.xml"))
    guard case .read(let file) = outcome else { return XCTFail("expected a read, got \(String(describing: outcome))") }
    let dump = "\(file)"
    XCTAssertFalse(dump.contains("root:"), "the included file leaked into the evidence")
  }

  func testEvidenceStringsAreKeptVerbatimAsData() throws {
    let outcome = HostileCorpus.assertClean(HostileCorpus.root.appendingPathComponent("trivy-markup-in-strings.json"))
    guard case .read(let file) = outcome else { return XCTFail("expected a read, got \(String(describing: outcome))") }
    let titles = file.findings.map(\.title)
    XCTAssertTrue(titles.contains { $0.hasPrefix("<script>") })
    XCTAssertTrue(titles.contains("=cmd|' /C calc'!A0"))
    XCTAssertTrue(titles.contains { $0.contains("{{#project}}") })
    XCTAssertTrue(titles.contains { $0.contains("\u{1B}]0;") }, "readers keep text as is; output layers escape it")
  }

  func testTruncatedGenuineFilesOfEveryFormat() throws {
    let dir = try HostileCorpus.temporaryFolder()
    let fixtures = HostileCorpus.detectedRealFiles
    XCTAssertGreaterThan(Set(fixtures.map { $0.reader.format }).count, 6)
    for (url, reader) in fixtures {
      let data = try Data(contentsOf: url)
      for offset in HostileGenerators.cutOffsets(data.count) {
        let cut = dir.appendingPathComponent("cut-\(offset)-\(url.lastPathComponent)")
        try data.prefix(offset).write(to: cut)
        HostileCorpus.assertClean(cut)
        HostileCorpus.assertReaderClean(reader, cut)
        try FileManager.default.removeItem(at: cut)
      }
    }
  }

  func testWrongTypesAtEveryJSONLevel() throws {
    let dir = try HostileCorpus.temporaryFolder()
    let jsonFixtures = HostileCorpus.detectedRealFiles.filter { $0.url.pathExtension == "json" }
    XCTAssertFalse(jsonFixtures.isEmpty)
    var variants = 0
    for (url, reader) in jsonFixtures {
      let mutated = HostileGenerators.wrongTypes(try Data(contentsOf: url), limit: 40)
      for (index, variant) in mutated.enumerated() {
        let file = dir.appendingPathComponent("\(index)-\(url.lastPathComponent)")
        try variant.data.write(to: file)
        HostileCorpus.assertReaderClean(reader, file)
        HostileCorpus.assertClean(file)
        try FileManager.default.removeItem(at: file)
        variants += 1
      }
    }
    XCTAssertGreaterThan(variants, 500)
  }

  func testJSONNestedOneHundredThousandLevelsIsRefusedWithItsReason() throws {
    let file = try HostileCorpus.temporaryFolder().appendingPathComponent("deep.json")
    try HostileGenerators.deepJSON(depth: 100_000).write(to: file)
    guard case .refused(let error) = HostileCorpus.assertClean(file, seconds: 10) else { return XCTFail("deep JSON should be refused") }
    XCTAssertTrue(error.message.contains("nesting deeper than"), "\(error)")
  }

  func testXMLNestedOneHundredThousandLevelsStreamsWithoutRecursion() throws {
    let file = try HostileCorpus.temporaryFolder().appendingPathComponent("deep.xml")
    try HostileGenerators.deepXML(depth: 100_000).write(to: file)
    let outcome = HostileCorpus.assertClean(file, seconds: 10)
    XCTAssertNotNil(outcome)
  }

  func testYAMLNestedOneHundredThousandLevelsIsRefused() {
    for (index, document) in HostileGenerators.deepYAML(depth: 100_000).enumerated() {
      let outcome = HostileCorpus.within(20) { () -> Result<[Node], InputError> in
        do throws(InputError) {
          return .success(try YAMLParser().parseDocuments(document, file: "deep.yaml"))
        } catch {
          return .failure(error)
        }
      }
      guard case .failure(let error) = outcome else { return XCTFail("deep YAML \(index) should be refused: \(String(describing: outcome))") }
      XCTAssertEqual(error.location?.file, "deep.yaml")
    }
  }

  func testYAMLAliasBombsAreRefused() throws {
    for name in ["yaml-alias-bomb.yaml", "yaml-merge-key-bomb.yaml"] {
      let data = try Data(contentsOf: HostileCorpus.root.appendingPathComponent(name))
      let start = Date()
      XCTAssertThrowsError(try YAMLParser().parseDocuments(data, file: name), name) { error in
        XCTAssertTrue((error as? InputError)?.message.contains("alias") == true, "\(error)")
      }
      XCTAssertLessThan(Date().timeIntervalSince(start), 2)
    }
  }

  func testATwoGigabyteSparseFileIsRefusedByTheSizePolicyWithoutReadingIt() throws {
    let dir = try HostileCorpus.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let size: off_t = 2 << 30
    let trivy = try Self.sparse(dir, "trivy.json", header: #"{"SchemaVersion": 2, "ArtifactName": "x", "Results": ["#, size: size)
    let start = Date()
    guard case .refused(let error) = HostileCorpus.assertClean(trivy, seconds: 5) else { return XCTFail("expected a refusal") }
    XCTAssertLessThan(Date().timeIntervalSince(start), 1)
    XCTAssertTrue(error.message.contains("2.1 GB (2147483648 bytes) is above the 1.0 GB limit"), error.message)
    XCTAssertTrue(error.message.contains("--max-file-mb"), error.message)

    let zeros = try Self.sparse(dir, "zeros.bin", header: "", size: size)
    guard case .ignored(let file) = HostileCorpus.assertClean(zeros, seconds: 5) else { return XCTFail("expected ignored") }
    XCTAssertEqual(file.reason, .unknownContent)
    XCTAssertEqual(file.bytes, size)
    XCTAssertEqual(file.limit, 1_000_000_000)
  }

  func testStreamingReadersStopEarlyOnAHugeSparseFileWhenTheLimitIsRaised() throws {
    let dir = try HostileCorpus.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let size: off_t = 2 << 30
    let cases = [
      ("cobertura.xml", "<?xml version=\"1.0\"?>\n<coverage line-rate=\"1\"><packages>"),
      ("junit.xml", "<testsuites><testsuite name=\"s\">"),
      ("lcov.info", "TN:\nSF:/a.c\nDA:1,1\n"),
      ("cover.out", "mode: set\na.go:1.1,2.2 1 1\n"),
    ]
    for (name, header) in cases {
      let file = try Self.sparse(dir, name, header: header, size: size)
      let start = Date()
      guard case .refused = HostileCorpus.assertClean(file, seconds: 10, maxFileBytes: 4 << 30) else {
        XCTFail("\(name): expected a refusal")
        continue
      }
      XCTAssertLessThan(Date().timeIntervalSince(start), 3, name)
    }
  }

  func testSymbolicLinksInAnEvidenceFolderAreNotFollowed() throws {
    let dir = try HostileCorpus.temporaryFolder()
    let outside = dir.appendingPathComponent("outside")
    let evidence = dir.appendingPathComponent("evidence")
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: evidence, withIntermediateDirectories: true)
    let secret = outside.appendingPathComponent("secret.json")
    try FileManager.default.copyItem(at: Fixtures.real("trivy/trivy-image-teamdojo-alpine-3.9.json"), to: secret)
    try FileManager.default.createSymbolicLink(at: evidence.appendingPathComponent("link.json"), withDestinationURL: secret)
    try FileManager.default.createSymbolicLink(at: evidence.appendingPathComponent("folder"), withDestinationURL: outside)
    try FileManager.default.createSymbolicLink(
      at: evidence.appendingPathComponent("dotdot"), withDestinationURL: URL(fileURLWithPath: "../outside", relativeTo: evidence))
    try FileManager.default.copyItem(
      at: Fixtures.real("trivy/trivy-image-alpine-3.10-golden.json"), to: evidence.appendingPathComponent("inside.json"))
    let collected = try EvidenceCollector(baseDirectory: dir).collect([evidence])
    XCTAssertEqual(collected.files.map(\.id), ["evidence/inside.json"])
    XCTAssertTrue(collected.ignored.isEmpty)
  }

  func testEvidencePathsDeclaredOutsideTheProjectFolderAreRefused() throws {
    let dir = try HostileCorpus.temporaryFolder()
    let project = dir.appendingPathComponent("project")
    try FileManager.default.createDirectory(at: project.appendingPathComponent("reports"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(at: project.appendingPathComponent("reports/up"), withDestinationURL: dir)
    for path in ["../", "reports/../../", "/etc/hostname", "reports/up"] {
      let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : project.appendingPathComponent(path)
      XCTAssertThrowsError(try PathConfinement.check(url, inside: project, shown: path, declaredIn: "homolog.yaml"), path) { error in
        XCTAssertTrue("\(error)".contains("outside the project folder"), "\(error)")
      }
    }
    XCTAssertNoThrow(try PathConfinement.check(project.appendingPathComponent("reports/../reports"), inside: project, shown: "r", declaredIn: "h"))
  }

  func testANamedPipeOrADeviceIsRefusedWithoutBlocking() throws {
    let dir = try HostileCorpus.temporaryFolder()
    let fifo = dir.appendingPathComponent("report.json")
    XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
    for url in [fifo, URL(fileURLWithPath: "/dev/zero")] {
      guard case .refused(let error) = HostileCorpus.assertClean(url, seconds: 5) else {
        XCTFail("\(url.path) should be refused")
        continue
      }
      XCTAssertTrue(error.message.contains("regular file"), "\(error)")
    }
  }

  func testConcurrentReadingKeepsADeterministicOrder() throws {
    let dir = try HostileCorpus.temporaryFolder()
    let sources = HostileCorpus.detectedRealFiles.map(\.url)
    for copy in 0..<4 {
      for (index, url) in sources.enumerated() {
        try FileManager.default.copyItem(at: url, to: dir.appendingPathComponent("\(copy)-\(index)-\(url.lastPathComponent)"))
      }
    }
    let serial = try EvidenceCollector(baseDirectory: dir, parallelism: 1).collect([dir], keepGoing: true)
    for _ in 0..<3 {
      let parallel = try EvidenceCollector(baseDirectory: dir, parallelism: 8).collect([dir], keepGoing: true)
      XCTAssertEqual(parallel.files.map(\.provenance), serial.files.map(\.provenance))
      XCTAssertEqual(parallel.files.map(\.findings.count), serial.files.map(\.findings.count))
      XCTAssertEqual(parallel.ignored.map(\.path), serial.ignored.map(\.path))
    }
    XCTAssertGreaterThan(serial.files.count, 100)
  }

  /// A sparse file: `header`, then a hole up to `size` bytes.
  private static func sparse(_ dir: URL, _ name: String, header: String, size: off_t) throws -> URL {
    let url = dir.appendingPathComponent(name)
    try Data(header.utf8).write(to: url)
    XCTAssertEqual(truncate(url.path, size), 0)
    return url
  }

  /// Readers worth trying directly on a corpus file, from its extension.
  private static func plausible(_ reader: any EvidenceReader.Type, _ ext: String) -> Bool {
    let format = reader.format.rawValue
    switch ext {
    case "xml": return format.hasSuffix("-xml")
    case "json": return format.hasSuffix("-json") || format.contains("json")
    case "info": return format.contains("lcov")
    case "out": return format.contains("coverprofile")
    default: return false
    }
  }
}
