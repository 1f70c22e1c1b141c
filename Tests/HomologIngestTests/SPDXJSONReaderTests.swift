import Foundation
import HomologIngest
import HomologModel
import XCTest

final class SPDXJSONReaderTests: XCTestCase {
  private func read(_ name: String) throws -> ReadResult {
    let url = Fixtures.real("spdx/\(name)")
    XCTAssertTrue(SPDXJSONReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try SPDXJSONReader.read(Fixtures.input(url))
  }

  // SOURCES.md: SPDX-2.3; creators ['Organization: aquasecurity', 'Tool: trivy-dev'].
  func testTrivyGoldenToolAndDate() throws {
    let result = try read("trivy-conda-golden.spdx.json")
    XCTAssertEqual(result.tool, ToolInfo(name: "trivy", version: "dev"))
    XCTAssertEqual(result.generatedAt, "2021-08-25T12:20:30Z")
    XCTAssertEqual(result.findings, [])
  }

  // SOURCES.md: SPDX-2.3; creators ['Organization: Anchore, Inc', 'Tool: syft-1.50.0'].
  func testSyftToolAndDate() throws {
    let result = try read("syft-1.50.0-alpine.spdx.json")
    XCTAssertEqual(result.tool, ToolInfo(name: "syft", version: "1.50.0"))
    XCTAssertEqual(result.findings, [])
  }

  func testWrongTypeNamesFileAndJSONPath() throws {
    let json = #"{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","creationInfo":{"creators":"Tool: x-1"}}"#
    assertJSONPathError(
      try SPDXJSONReader.read(try Fixtures.temporary(json, name: "bad.json")), file: "bad.json", path: "$.creationInfo.creators")
  }
}
