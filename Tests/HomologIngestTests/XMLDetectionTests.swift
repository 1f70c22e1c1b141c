import Foundation
import HomologIngest
import HomologModel
import XCTest

/// Content detection over every genuine file of the XML and line-based formats.
final class XMLDetectionTests: XCTestCase {
  /// The formats of the XML and line-based readers.
  static let formats: Set<FormatID> = [
    CoberturaXMLReader.format, JaCoCoXMLReader.format, CloverXMLReader.format, JUnitXMLReader.format,
    ScannerJUnitXMLReader.format, DependencyCheckXMLReader.format, LCOVReader.format, GoCoverprofileReader.format,
  ]

  /// Expected format per genuine file; nil for files none of these readers may take (JSON).
  static let expected: [String: FormatID?] = [
    "cobertura/coverage-py-7.17.3-more-itertools-10.5.0.xml": "cobertura-xml",
    "cobertura/coverlet-csharp.cobertura.xml": "cobertura-xml",
    "cobertura/gcovr-8.8-cjson-1.7.15.xml": "cobertura-xml",
    "cobertura/istanbul-typescript-jenkins.cobertura.xml": "cobertura-xml",
    "jacoco/jacoco-codingstyle.xml": "jacoco-xml",
    "jacoco/jacoco-gradle-groovy-shared-library.xml": "jacoco-xml",
    "clover/clover-maven-1.3.13.xml": "clover-xml",
    "clover/nyc-15.1.0-node-ini-3.0.1-foo.clover.xml": "clover-xml",
    "clover/gcovr-8.8-clamp.clover.xml": "clover-xml",
    // Scanner results in JUnit form are findings of that scanner, never tests.
    "junit/checkov-3.3.30-online-boutique.junit.xml": "scanner-junit-xml",
    "junit/trivy-junit-tpl-fs-vulns-misconfig-secrets.xml": "scanner-junit-xml",
    "junit/trivy-junit-tpl-image-teamdojo-alpine-3.9.xml": "scanner-junit-xml",
    "junit/trivy-junit-tpl-2020-bare-image-teamdojo-alpine-3.9.xml": "scanner-junit-xml",
    "junit/trivy-junit-tpl-2022-bare-pairs-fs-vulns-misconfig-secrets.xml": "scanner-junit-xml",
    "junit/kubescape-junit-printer-golden-nsa.xml": "scanner-junit-xml",
    "junit/ctest-3.25-cjson-1.7.15.xml": "junit-xml",
    "junit/pytest-9.2.0-more-itertools-10.5.0.xml": "junit-xml",
    "junit/surefire-3.0-MyTest-one-failure.xml": "junit-xml",
    "junit/surefire-3.0-testsuites-26-suites.xml": "junit-xml",
    "lcov/coverage-py-7.17.3-more-itertools-10.5.0.lcov": "lcov",
    "lcov/lcov-1.16-cjson-1.7.15.info": "lcov",
    "lcov/nyc-15.1.0-node-ini-3.0.1-foo.lcov.info": "lcov",
    "go-coverprofile/go-1.19-google-uuid-1.3.0.coverage.out": "go-coverprofile",
    "go-coverprofile/go-1.19-pmezard-go-difflib-1.0.0.coverage.out": "go-coverprofile",
    "dependency-check/dependency-check-6.4.1-golang.xml": "dependency-check-xml",
    "dependency-check/dependency-check-6.5.3.xml": "dependency-check-xml",
    "dependency-check/dependency-check-6.4.1-golang.json": nil,
  ]

  static let folders = ["cobertura", "jacoco", "clover", "junit", "lcov", "go-coverprofile", "dependency-check"]

  func testEveryGenuineFileIsDetectedAsItsFormat() throws {
    var seen: Set<String> = []
    for folder in Self.folders {
      for url in Fixtures.realFiles(folder) {
        let key = folder + "/" + url.lastPathComponent
        seen.insert(key)
        guard let entry = Self.expected[key] else {
          XCTFail("\(key) has no expected format in this table: add it")
          continue
        }
        let detected = AllReaders.detect(try XCTUnwrap(FileHead.read(url)))?.format
        if let format = entry {
          XCTAssertEqual(detected, format, key)
        } else {
          XCTAssertFalse(detected.map(Self.formats.contains) ?? false, "\(key) taken by \(detected!)")
        }
      }
    }
    XCTAssertEqual(seen, Set(Self.expected.keys), "table entries without a file")
  }

  /// No JSON file of the whole fixture set is taken by an XML or line-based reader.
  func testNoJSONFileIsTakenByTheseReaders() throws {
    let real = Fixtures.root.appendingPathComponent("real")
    let folders = try FileManager.default.contentsOfDirectory(atPath: real.path).sorted()
    var checked = 0
    for folder in folders {
      for url in Fixtures.realFiles(folder) where ["json", "sarif"].contains(url.pathExtension) {
        checked += 1
        let detected = AllReaders.detect(try XCTUnwrap(FileHead.read(url)))?.format
        XCTAssertFalse(detected.map(Self.formats.contains) ?? false, "\(folder)/\(url.lastPathComponent) taken by \(detected!)")
      }
    }
    XCTAssertGreaterThan(checked, 30)
  }

  /// Every detected file reads without error through the reader detection picked.
  func testEveryGenuineFileReads() throws {
    for folder in Self.folders {
      for url in Fixtures.realFiles(folder) {
        guard let reader = AllReaders.detect(try XCTUnwrap(FileHead.read(url))), Self.formats.contains(reader.format)
        else { continue }
        XCTAssertNoThrow(try reader.read(Fixtures.input(url)), url.lastPathComponent)
      }
    }
  }

  func testFormatIdsAreDistinct() {
    let ids = AllReaders.list.map { $0.format }
    XCTAssertEqual(Set(ids).count, ids.count)
  }
}
