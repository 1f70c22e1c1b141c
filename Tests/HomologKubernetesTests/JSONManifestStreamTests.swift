import Foundation
import HomologKubernetes
import HomologModel
import XCTest

final class JSONManifestStreamTests: XCTestCase {
  /// A `kubectl get -o json` list (`kind` after `items`), pretty printed with tabs, `count` Deployments.
  private func list(_ count: Int, kind: String = "List", itemHeader: Bool = true) -> String {
    var items: [String] = []
    for index in 0..<count {
      let header = itemHeader ? "\t\t\t\"apiVersion\": \"apps/v1\",\n\t\t\t\"kind\": \"Deployment\",\n" : ""
      items.append(
        "\t\t{\n" + header
          + "\t\t\t\"metadata\": {\"name\": \"api-\(index)\", \"namespace\": \"été\", \"labels\": {\"app\": \"a\\\"\\u00e9\\n\", \"n\": 3}},\n"
          + "\t\t\t\"spec\": {\"replicas\": 2, \"paused\": false, \"x\": null, \"template\": {\"spec\": {\"containers\": "
          + "[{\"name\": \"c\", \"image\": \"ghcr.io/é/api:\(index)\", \"args\": [\"--a\", 1.5e3, true]}]}}}\n\t\t}")
    }
    return "{\n\t\"apiVersion\": \"v1\",\n\t\"items\": [\n" + items.joined(separator: ",\n")
      + "\n\t],\n\t\"kind\": \"\(kind)\",\n\t\"metadata\": {\"resourceVersion\": \"\"}\n}\n"
  }

  /// The same objects, lines, columns and bodies as libyaml reading the same text.
  private func assertSameAsYAMLPath(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let data = Data(text.utf8)
    let streamed = try JSONManifestStream.objects(in: data, file: "list.json")
    let parsed = try ManifestDecoder.decode(data, file: "list.json")
    XCTAssertEqual(streamed.count, parsed.count, file: file, line: line)
    for (a, b) in zip(streamed, parsed) {
      XCTAssertEqual([a.apiVersion, a.kind, a.name, a.namespace ?? "-"], [b.apiVersion, b.kind, b.name, b.namespace ?? "-"], file: file, line: line)
      XCTAssertEqual(a.line, b.line, file: file, line: line)
      XCTAssertEqual(a.notes.map(\.location), b.notes.map(\.location), "repeated keys noted alike", file: file, line: line)
      XCTAssertEqual(a.body, b.body, "every node's text, line and column", file: file, line: line)
    }
  }

  func testAJSONListWithManyItemsGivesTheObjectsAndLinesOfTheYAMLPath() throws {
    // 2 000 items: about 700 KB, so items and strings straddle the stream's 256 KiB chunks.
    let text = list(2000)
    XCTAssertGreaterThan(text.utf8.count, 600_000)
    let objects = try JSONManifestStream.objects(in: Data(text.utf8), file: "list.json")
    XCTAssertEqual(objects.count, 2000)
    XCTAssertEqual(objects[2].name, "api-2")
    XCTAssertEqual(objects[2].line, 16)
    XCTAssertEqual(objects[2].body["metadata"]?["labels"]?["app"]?.string, "a\"é\n")
    XCTAssertEqual(objects[2].body["metadata"]?["labels"]?["n"]?.column, 92, "columns count characters, as libyaml's do")
    try assertSameAsYAMLPath(text)
  }

  func testTypedListsSingleObjectsAndObjectsWithItemsMatchTheYAMLPath() throws {
    try assertSameAsYAMLPath(list(5, kind: "DeploymentList", itemHeader: false))
    // `kind` before `items`: each item becomes an object as soon as it is read.
    try assertSameAsYAMLPath(list(300).replacingOccurrences(of: "\"apiVersion\": \"v1\",\n\t\"items\"", with: "\"apiVersion\": \"v1\", \"kind\": \"List\",\n\t\"items\""))
    try assertSameAsYAMLPath("{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"}}]}")
    try assertSameAsYAMLPath("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\"}, \"items\": [1, {\"a\": [] }]}")
    try assertSameAsYAMLPath("\u{FEFF}{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\", \"name\": \"p\"}}")
  }

  func testAnErrorInsideTheThirdItemNamesItsPath() throws {
    var text = list(5)
    let broken = try XCTUnwrap(text.range(of: "\"name\": \"api-2\","))
    text.replaceSubrange(broken, with: "\"name\": \"api-2\" \"oops\",")
    XCTAssertThrowsError(try JSONManifestStream.objects(in: Data(text.utf8), file: "list.json")) { error in
      let error = error as! InputError
      XCTAssertEqual(error.location?.file, "list.json")
      XCTAssertEqual(error.location?.line, 19)
      XCTAssertTrue(error.message.hasPrefix("invalid JSON: "), error.message)
      XCTAssertTrue(error.message.hasSuffix(", at $.items[2].metadata.name"), error.message)
    }
  }

  func testAnItemWithoutKindInAListIsRefusedWithItsLine() throws {
    let text = list(4).replacingOccurrences(of: "\"kind\": \"Deployment\",\n\t\t\t\"metadata\": {\"name\": \"api-3\"", with: "\"metadata\": {\"name\": \"api-3\"")
    var streamed: InputError?
    var parsed: InputError?
    do { _ = try JSONManifestStream.objects(in: Data(text.utf8), file: "list.json") } catch { streamed = error }
    do { _ = try ManifestDecoder.decode(Data(text.utf8), file: "list.json") } catch { parsed = error }
    XCTAssertEqual(streamed?.message, parsed?.message)
    XCTAssertEqual(streamed?.location, parsed?.location)
    XCTAssertEqual(streamed?.location?.line, 22)
  }
}
