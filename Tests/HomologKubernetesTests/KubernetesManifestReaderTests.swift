import Foundation
import HomologIngest
import HomologKubernetes
import HomologModel
import XCTest

final class KubernetesManifestReaderTests: XCTestCase {
  private func head(_ text: String, name: String = "x") -> FileHead { FileHead(bytes: Data(text.utf8), fileName: name) }

  func testEveryGenuineManifestIsDetectedAsKubernetesYAML() throws {
    let files = Fixtures.files("real/kubernetes")
    XCTAssertEqual(files.count, 15)
    for url in files {
      let detected = try XCTUnwrap(FileHead.read(url).flatMap(AllReaders.detect), url.lastPathComponent)
      XCTAssertEqual(detected.format, "kubernetes-yaml", url.lastPathComponent)
    }
  }

  func testJSONManifestsAreDetectedByTopLevelKeys() {
    XCTAssertEqual(AllReaders.detect(head("{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {}}"))?.format, "kubernetes-json")
    // kubectl sorts keys: a long `items` comes before `kind`.
    XCTAssertEqual(
      AllReaders.detect(head("{\n  \"apiVersion\": \"v1\",\n  \"items\": [{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}"))?.format,
      "kubernetes-json")
    // Nested apiVersion/kind (scanner reports quoting objects) is not a manifest.
    XCTAssertNil(AllReaders.detect(head("{\"results\": [{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}], \"summary\": {}}")))
    XCTAssertNil(AllReaders.detect(head("[{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}]")))
  }

  func testOtherYAMLFilesAreLeftAlone() {
    let openAPI =
      "openapi: 3.0.3\ninfo:\n  title: API\ncomponents:\n  schemas:\n    Pod:\n      properties:\n        apiVersion: {type: string}\n        kind: {type: string}\n"
    XCTAssertEqual(AllReaders.detect(head(openAPI))?.format, "openapi")
    XCTAssertNil(AllReaders.detect(head("project:\n  name: annuaire\nevidence:\n  - reports/\n")))
    XCTAssertNil(AllReaders.detect(head("apiVersion: homolog/v1\nkind: Project\n")))
    XCTAssertNil(AllReaders.detect(head("apiVersion: v2\nname: chart\nversion: 1.0.0\n")), "a Helm Chart.yaml has no kind")
    XCTAssertEqual(AllReaders.detect(head("apiVersion: v1\nitems: []\nkind: List\n"))?.format, "kubernetes-yaml")
  }

  func testCollectingTheGenuineFolderReadsEveryObject() throws {
    let folder = Fixtures.url("real/kubernetes")
    let collected = try EvidenceCollector(baseDirectory: folder).collect([folder])
    XCTAssertEqual(collected.ignored.map(\.path), [])
    XCTAssertEqual(collected.files.count, 15)
    let counts = Dictionary(uniqueKeysWithValues: collected.files.map { ($0.id, $0.kubernetes.count) })
    XCTAssertEqual(counts["online-boutique-release-manifests.yaml"], 35)
    XCTAssertEqual(counts["sock-shop-complete-demo.yaml"], 29)
    XCTAssertEqual(counts["cpin-doc-postgres-example.yaml"], 3)
    XCTAssertEqual(collected.files.reduce(0) { $0 + $1.kubernetes.count }, 81)
    let workloads = Workload.all(in: collected.files.flatMap(\.kubernetes))
    XCTAssertEqual(workloads.count, 34)
    XCTAssertEqual(workloads.reduce(0) { $0 + $1.containers.count }, 36)
    XCTAssertTrue(collected.files.allSatisfy { $0.provenance.sha256.count == 64 })
  }

  func testJSONManifestsAreCollectedWithTheirOwnFormat() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let json =
      "{\n\t\"apiVersion\": \"apps/v1\",\n\t\"kind\": \"Deployment\",\n\t\"metadata\": {\"name\": \"api\"},\n\t\"spec\": {\"template\": {\"spec\": {\"containers\": [{\"name\": \"api\", \"image\": \"api:latest\"}]}}}\n}\n"
    try Data(json.utf8).write(to: folder.appendingPathComponent("deploy.json"))
    let collected = try EvidenceCollector(baseDirectory: folder).collect([folder])
    XCTAssertEqual(collected.files.map(\.provenance.format), ["kubernetes-json"])
    XCTAssertEqual(collected.files.first?.kubernetes.map(\.name), ["api"])
    let workload = try XCTUnwrap(Workload.all(in: collected.files[0].kubernetes).first)
    XCTAssertEqual(workload.containers.first?["image"]?.line, 5)
  }

  func testAManifestWithTabsStopsTheCollectionWithItsLocation() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("apiVersion: v1\nkind: Namespace\nmetadata: {name: ok}\n".utf8).write(to: folder.appendingPathComponent("a.yaml"))
    try Data("apiVersion: v1\nkind: Pod\nmetadata:\n\tname: bad\n".utf8).write(to: folder.appendingPathComponent("b.yaml"))
    XCTAssertThrowsError(try EvidenceCollector(baseDirectory: folder).collect([folder])) { error in
      let error = error as! InputError
      XCTAssertEqual(error.location?.file, "b.yaml")
      XCTAssertEqual(error.location?.line, 4)
      XCTAssertTrue(error.message.contains("tab"), error.message)
    }
  }

  /// ~50 MB of rendered manifests in 40 files: read whole, in reasonable time, without crash.
  func testFiftyMegabyteManifestFolder() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    var document = ""
    for index in 0..<1_800 {
      document += """
        ---
        # Source: big/templates/deployment-\(index).yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: service-\(index)
          labels: {app: big, env: prod, tier: backend}
        spec:
          replicas: 2
          template:
            metadata:
              labels: {app: big, env: prod, tier: backend}
            spec:
              containers:
                - name: app
                  image: docker.io/acme/service-\(index):1.0.\(index)
                  ports: [{containerPort: 8080}]
                  resources:
                    requests: {cpu: 100m, memory: 128Mi}
                    limits: {cpu: 500m, memory: 256Mi}
                  env:
                    - {name: A, value: "\(String(repeating: "x", count: 200))"}

        """
    }
    let data = Data(document.utf8)
    let files = max(1, (50 << 20) / data.count)
    for index in 0..<files { try data.write(to: folder.appendingPathComponent("part-\(index).yaml")) }
    let start = Date()
    let collected = try EvidenceCollector(baseDirectory: folder).collect([folder])
    let elapsed = Date().timeIntervalSince(start)
    XCTAssertEqual(collected.files.count, files)
    XCTAssertGreaterThanOrEqual(collected.files.reduce(0) { $0 + $1.provenance.bytes }, 48 << 20)
    XCTAssertEqual(collected.files.reduce(0) { $0 + $1.kubernetes.count }, files * 1_800)
    XCTAssertEqual(collected.files.first?.kubernetes.last?.helmSource, "big/templates/deployment-1799.yaml")
    XCTAssertLessThan(elapsed, 180, "50 MB of manifests took \(elapsed) s")
    print("50 MB manifest folder read in \(elapsed) s")
  }
}
