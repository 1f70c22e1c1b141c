import Foundation
import HomologKubernetes
import HomologModel
import XCTest

final class ManifestDecoderTests: XCTestCase {
  private func decode(_ text: String, file: String = "m.yaml") throws -> [KubernetesObject] {
    try ManifestDecoder.decode(Data(text.utf8), file: file)
  }

  private func error(_ text: String, file: String = "m.yaml") -> InputError? {
    do {
      _ = try decode(text, file: file)
      return nil
    } catch {
      return error as? InputError
    }
  }

  func testRenderedHelmOutputKeepsEachTemplateAndSkipsEmptyDocuments() throws {
    let data = try Data(contentsOf: Fixtures.url("real/kubernetes/polaris-helm-rendered-multi.yaml"))
    let objects = try ManifestDecoder.decode(data, file: "multi.yaml")
    XCTAssertEqual(objects.map(\.kind), ["Namespace", "Deployment", "Namespace"])
    XCTAssertEqual(objects.map(\.line), [3, 9, 48])
    XCTAssertEqual(
      objects.map(\.helmSource),
      ["polaris/templates/namespace.yaml", "polaris/templates/dashboard.deployment.yaml", "polaris/templates/namespace.yaml"])
    XCTAssertEqual(objects[1].namespace, "polaris")
    XCTAssertEqual(objects[1].name, "polaris-dashboard")
    XCTAssertEqual(objects[1].file, "multi.yaml")
  }

  func testSourceCommentBelongsOnlyToItsOwnDocument() throws {
    let objects = try decode(
      """
      # Source: app/templates/a.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: b}
      ---\r
      # Source: app/templates/c.yaml\r
      apiVersion: v1\r
      kind: ConfigMap\r
      metadata: {name: c}\r

      """)
    XCTAssertEqual(objects.map(\.helmSource), ["app/templates/a.yaml", nil, "app/templates/c.yaml"])
    XCTAssertEqual(objects.map(\.line), [2, 6, 11])
  }

  func testListsAreFlattenedIntoTheirItems() throws {
    let objects = try decode(
      """
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Service
          metadata: {name: api, namespace: shop}
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: api}
      ---
      apiVersion: v1
      kind: PodList
      items:
        - metadata: {name: p1}
          spec: {containers: [{name: c, image: x:1}]}
      """)
    XCTAssertEqual(objects.map(\.kind), ["Service", "Deployment", "Pod"])
    XCTAssertEqual(objects.map(\.name), ["api", "api", "p1"])
    XCTAssertEqual(objects.map(\.line), [4, 7, 14])
    XCTAssertEqual(objects[2].apiVersion, "v1")
    XCTAssertEqual(objects[0].namespace, "shop")
  }

  func testJSONManifestsIndentedWithTabsAreRead() throws {
    let objects = try decode(
      "{\n\t\"apiVersion\": \"v1\",\n\t\"items\": [\n\t\t{\n\t\t\t\"apiVersion\": \"v1\",\n\t\t\t\"kind\": \"Service\",\n\t\t\t\"metadata\": {\"name\": \"api\"}\n\t\t}\n\t],\n\t\"kind\": \"List\"\n}\n",
      file: "list.json")
    XCTAssertEqual(objects.map(\.kind), ["Service"])
    XCTAssertEqual(objects.first?.line, 4, "the line of the object's opening brace")
    XCTAssertNil(objects.first?.helmSource)
  }

  func testArgoCDApplicationsAreObjectsLikeAnyOther() throws {
    let data = try Data(contentsOf: Fixtures.url("real/kubernetes/argocd-app-ingress-nginx-helm.yaml"))
    let objects = try ManifestDecoder.decode(data, file: "app.yaml")
    XCTAssertEqual(objects.map(\.kind), ["Application"])
    XCTAssertEqual(objects.first?.apiVersion, "argoproj.io/v1alpha1")
    XCTAssertEqual(objects.first?.body["spec"]?["source"]?["chart"]?.string, "ingress-nginx")
  }

  func testMergeKeysAreResolvedWithoutOverridingExplicitKeys() throws {
    let objects = try decode(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: merged
      data:
        base: &base {a: "1", b: "2"}
        copy:
          <<: *base
          b: "3"
      """)
    let copy = try XCTUnwrap(objects.first?.body["data"]?["copy"])
    XCTAssertEqual(copy["a"]?.string, "1")
    XCTAssertEqual(copy["b"]?.string, "3")
  }

  func testTabIndentationIsALocatedErrorThatSaysSo() throws {
    let error = try XCTUnwrap(self.error("apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n"))
    XCTAssertEqual(error.location?.file, "m.yaml")
    XCTAssertEqual(error.location?.line, 4)
    XCTAssertTrue(error.message.contains("indented with a tab"), error.message)
    XCTAssertTrue(error.description.hasPrefix("m.yaml:4:"), error.description)
  }

  func testAKeyRepeatedWithAnotherValueIsALocatedError() throws {
    let error = try XCTUnwrap(
      self.error("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: {}\n  name: b\nspec: {}\n"))
    XCTAssertEqual(error.location?.line, 6)
    XCTAssertEqual(error.location?.column, 3)
    XCTAssertEqual(
      error.message, "duplicate key \"name\" with a different value (first at line 4): Kubernetes refuses ambiguous manifests")
    let typed = try XCTUnwrap(self.error("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: {replicas: 1, replicas: \"1\"}\n"))
    XCTAssertEqual(typed.location?.line, 5, "a number and a quoted string are different values")
  }

  /// `helm template` output where two helpers both emit a label: Kubernetes and Argo CD accept it.
  func testAKeyRepeatedWithTheSameValueIsKeptOnceWithANote() throws {
    let text = """
      # Source: annuaire/templates/deployment.yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: annuaire-api
        labels:
          app: annuaire
          app.kubernetes.io/name: annuaire
          app: "annuaire"
      spec:
        template:
          metadata:
            labels: {tier: api, tier: api}
          spec:
            containers:
              - name: api
                image: harbor.apps.c6.numerique-interieur.com/annuaire/api:1.4.2
      """
    let objects = try decode(text, file: "rendered.yaml")
    XCTAssertEqual(objects.count, 1)
    let object = try XCTUnwrap(objects.first)
    XCTAssertEqual(object.body["metadata"]?["labels"]?.pairs?.compactMap(\.key.string), ["app", "app.kubernetes.io/name"])
    XCTAssertEqual(object.labels, ["app": "annuaire", "app.kubernetes.io/name": "annuaire"])
    XCTAssertEqual(object.notes.map(\.message.key), ["k8s.manifest.repeated-key", "k8s.manifest.repeated-key"])
    XCTAssertEqual(object.notes.map { $0.location?.line }, [9, 13])
    XCTAssertEqual(object.notes.map { $0.message.arg("key") }, ["app", "tier"])
    XCTAssertEqual(object.notes.map { $0.message.arg("first") }, ["7", "13"])
    XCTAssertEqual(object.notes.map(\.problem), [false, false])
    XCTAssertEqual(object.notes.first?.object?.name, "annuaire-api")
    XCTAssertEqual(object.notes.first?.evidence, "rendered.yaml")
  }

  func testADocumentThatIsNotAMappingIsALocatedError() throws {
    let error = try XCTUnwrap(
      self.error("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n- just\n- a list\n"))
    XCTAssertEqual(error.location?.line, 5)
    XCTAssertEqual(
      error.message, "document 2 is a sequence, expected a Kubernetes object (a mapping with apiVersion and kind)")
    let scalar = try XCTUnwrap(self.error("---\nhello\n"))
    XCTAssertTrue(scalar.message.hasPrefix("document 1 is a scalar"), scalar.message)
  }

  func testAnObjectWithoutKindOrApiVersionIsALocatedError() throws {
    let missing = try XCTUnwrap(
      self.error("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nmetadata: {name: b}\n"))
    XCTAssertEqual(missing.location?.line, 5)
    XCTAssertEqual(missing.message, "document 2 has no \"kind\": a Kubernetes object needs apiVersion and kind")
    let wrongType = try XCTUnwrap(self.error("apiVersion: v1\nkind: [Pod]\n"))
    XCTAssertEqual(wrongType.location?.line, 2)
    XCTAssertTrue(wrongType.message.contains("\"kind\" must be a non-empty string"), wrongType.message)
  }

  func testAliasBombIsRefusedNotExpanded() throws {
    var text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      text += "  a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    let start = Date()
    let error = try XCTUnwrap(self.error(text))
    XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    XCTAssertTrue(error.message.contains("alias bomb"), error.message)
    XCTAssertNotNil(error.location?.line)
  }

  func testUnrenderedHelmTemplatesGetAHint() throws {
    let error = try XCTUnwrap(
      self.error(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n  labels:\n    {{- include \"x\" . | nindent 4 }}\n"
      ))
    XCTAssertTrue(error.message.contains("helm template"), error.message)
  }

  func testEmptyStreamsGiveNoObject() throws {
    XCTAssertEqual(try decode("").count, 0)
    XCTAssertEqual(try decode("---\n# Source: x/templates/empty.yaml\n---\n").count, 0)
  }
}
