import Foundation
@testable import HomologKubernetes
import HomologModel
import HomologParsing
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

  /// The same error, message and location, as the YAML path's.
  private func assertSameErrorAsYAMLPath(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> InputError {
    var streamed: InputError?
    var parsed: InputError?
    do { _ = try JSONManifestStream.objects(in: Data(text.utf8), file: "list.json") } catch { streamed = error }
    do { _ = try ManifestDecoder.decode(Data(text.utf8), file: "list.json") } catch { parsed = error }
    let error = try XCTUnwrap(streamed, "the stream refuses it", file: file, line: line)
    XCTAssertEqual(error.message, parsed?.message, file: file, line: line)
    XCTAssertEqual(error.location, parsed?.location, file: file, line: line)
    return error
  }

  // MARK: - kubectl's List order: `kind` after `items`

  /// `kubectl label --local -f online-boutique-release-manifests.yaml -o json app.kubernetes.io/part-of=online-boutique`
  /// (kubectl 1.32, its 35 objects, keys sorted as kubectl writes unstructured objects) wrapped in a `List` in
  /// kubectl's order (apiVersion, items, kind, metadata) and indentation.
  func testAKubectlOrderedListMakesEachItemAnObjectAsItIsRead() throws {
    let data = try Data(contentsOf: Fixtures.url("kubernetes/online-boutique-kubectl-list.json"))
    let (objects, waited) = try JSONManifestStream.objectsAndWaiting(in: data, file: "list.json")
    XCTAssertEqual(objects.count, 35)
    XCTAssertEqual(waited, 0, "every item names its kind: none waits for the list's")
    XCTAssertEqual(objects.first.map { [$0.kind, $0.name] }, ["Deployment", "frontend"])
    XCTAssertEqual(objects.first?.line, 4)
    try assertSameAsYAMLPath(String(decoding: data, as: UTF8.self))
  }

  func testItemsWithoutKindWaitForTheListsKindAndAnObjectWithItemsKeepsThem() throws {
    let text = list(5, kind: "DeploymentList", itemHeader: false)
    let (objects, waited) = try JSONManifestStream.objectsAndWaiting(in: Data(text.utf8), file: "list.json")
    XCTAssertEqual(objects.map(\.kind), Array(repeating: "Deployment", count: 5))
    XCTAssertEqual(waited, 5)
    // Items naming their kind, under a top level that is no list: the document is one object, its items restored.
    let notAList = list(3).replacingOccurrences(of: "\"kind\": \"List\"", with: "\"kind\": \"Inventory\"")
    let one = try JSONManifestStream.objects(in: Data(notAList.utf8), file: "list.json")
    XCTAssertEqual(one.map(\.kind), ["Inventory"])
    XCTAssertEqual(one.first?.body["items"]?.items?.count, 3)
    try assertSameAsYAMLPath(notAList)
  }

  // MARK: - A repeated top-level `items`: read as Kubernetes' decoder reads a repeated key

  /// A `List` whose `items` key is written twice, with `kind` first or after the arrays.
  private func listWithTwoItems(kindFirst: Bool, second: String? = nil) -> String {
    let item = "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"}}"
    let kind = kindFirst ? "\"kind\": \"List\",\n" : ""
    let after = kindFirst ? "" : ",\n\"kind\": \"List\""
    return "{\"apiVersion\": \"v1\",\n\(kind)\"items\": [\(item), \(item)],\n\"items\": [\(second ?? "\(item), \(item)")]\(after)\n}\n"
  }

  func testARepeatedItemsKeyWithTheSameItemsIsKeptOnceAndNoted() throws {
    for kindFirst in [true, false] {
      let text = listWithTwoItems(kindFirst: kindFirst)
      let objects = try JSONManifestStream.objects(in: Data(text.utf8), file: "list.json")
      XCTAssertEqual(objects.count, 2, "the items of one array, not of both")
      XCTAssertEqual(objects.last?.notes.map(\.message.key), ["k8s.manifest.repeated-key"])
      XCTAssertEqual(objects.last?.notes.first?.location, SourceLocation(file: "list.json", line: kindFirst ? 4 : 3, column: 1))
      try assertSameAsYAMLPath(text)
    }
  }

  func testARepeatedItemsKeyWithOtherItemsIsRefusedAtThatKey() throws {
    let other = "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"q\"}}"
    for kindFirst in [true, false] {
      for second in [other, "\(other), \(other)", "", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"}}"] {
        let error = try assertSameErrorAsYAMLPath(listWithTwoItems(kindFirst: kindFirst, second: second))
        XCTAssertEqual(error.message, "duplicate key \"items\" with a different value (first at line \(kindFirst ? 3 : 2)): Kubernetes refuses ambiguous manifests")
        XCTAssertEqual(error.location, SourceLocation(file: "list.json", line: kindFirst ? 4 : 3, column: 1))
      }
    }
    // A first `items` that is no array, repeated as one.
    try _ = assertSameErrorAsYAMLPath("{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": 3, \"items\": []}")
  }

  // MARK: - Columns of strings cut by the stream's 256 KiB chunks

  func testAStringCutByAChunkBoundaryAfterNonASCIITextHasItsCharacterColumn() throws {
    // Line 2 pads to just before the boundary; line 3 opens a key then a value, each holding `é` (two bytes,
    // one character) before the boundary, for each placement of the boundary inside them.
    let chunk = FileInput.chunkSize
    for placement in 0..<2 {
      let head = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\"},\n\"data\": {\"pad\": \""
      let lineThreeStart = "\",\n  "
      let key = "\"clé-" + String(repeating: "é", count: 40) + "\""
      let value = "\"" + String(repeating: "é", count: 40) + "ü-valeur\""
      // The boundary falls 30 `é` into the key (placement 0) or into the value (placement 1).
      let before = head.utf8.count + lineThreeStart.utf8.count + (placement == 0 ? 6 + 60 : key.utf8.count + 2 + 1 + 60)
      let pad = String(repeating: "x", count: chunk - before)
      let text = head + pad + lineThreeStart + key + ": " + value + "}}\n"
      let splitAt = text.utf8.index(text.utf8.startIndex, offsetBy: chunk)
      XCTAssertEqual(text.utf8[text.utf8.index(before: splitAt)], 0xA9, "the boundary falls just after an `é`")
      let object = try XCTUnwrap(try JSONManifestStream.objects(in: Data(text.utf8), file: "c.json").first)
      let pair = try XCTUnwrap(object.body["data"]?.pairs?.last)
      // Hand-computed: line 3 is `  "clé-éé…é": "éé…éü-valeur"}}`; the key opens at character 3, the value
      // after the key's 46 characters (quotes included) and `: `.
      XCTAssertEqual([pair.key.line, pair.key.column], [3, 3], "placement \(placement)")
      XCTAssertEqual([pair.value.line, pair.value.column], [3, 3 + 46 + 2], "placement \(placement)")
      try assertSameAsYAMLPath(text)
    }
  }
}
