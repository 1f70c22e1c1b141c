import Foundation
import HomologKubernetes
import HomologModel
import XCTest

final class WorkloadTests: XCTestCase {
  private func workloads(_ text: String) throws -> [Workload] {
    Workload.all(in: try ManifestDecoder.decode(Data(text.utf8), file: "w.yaml"))
  }

  func testPodTemplatesOfEveryKind() throws {
    var text = ""
    for kind in ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"] {
      text +=
        "---\napiVersion: apps/v1\nkind: \(kind)\nmetadata: {name: \(kind.lowercased())}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: x:1}]\n"
    }
    text += """
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: rollout}
      spec:
        template:
          spec:
            containers: [{name: c, image: x:1}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: pod}
      spec:
        containers: [{name: c, image: x:1}]
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: cronjob}
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                containers: [{name: c, image: x:1}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: not-a-workload}
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: by-reference}
      spec:
        workloadRef: {apiVersion: apps/v1, kind: Deployment, name: deployment}
      ---
      apiVersion: example.com/v1
      kind: Rollout
      metadata: {name: other-group}
      spec:
        template:
          spec:
            containers: [{name: c, image: x:1}]

      """
    let found = try workloads(text)
    XCTAssertEqual(
      found.map(\.object.name), ["deployment", "statefulset", "daemonset", "replicaset", "job", "rollout", "pod", "cronjob"])
    XCTAssertTrue(found.allSatisfy { $0.containers.map(\.name) == ["c"] })
    XCTAssertEqual(found.map(\.isBatch), [false, false, false, false, true, false, false, true])
    XCTAssertEqual(found.map(\.replicas), [1, 1, nil, 1, nil, 1, nil, nil])
  }

  func testContainersOfEveryKindWithTheirLines() throws {
    let workload = try XCTUnwrap(
      workloads(
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          labels: {app: a}
        spec:
          ephemeralContainers:
            - name: debug
              image: busybox:1.36
          initContainers:
            - name: init
              image: init:1
            - name: proxy
              image: proxy:1
              restartPolicy: Always
          containers:
            - name: app
              image: app:1
              securityContext: {privileged: true}
            - image: unnamed:1
        """
      ).first)
    XCTAssertEqual(workload.containers.map(\.name), ["app", "#2", "init", "proxy", "debug"])
    XCTAssertEqual(workload.containers.map(\.kind), [.regular, .regular, .initContainer, .initContainer, .ephemeral])
    XCTAssertEqual(workload.containers.map(\.node.line), [17, 20, 11, 13, 8])
    XCTAssertEqual(workload.containers.map(\.isSidecar), [false, false, false, true, false])
    XCTAssertEqual(workload.containers[0].securityContext?["privileged"]?.line, 19)
    XCTAssertEqual(workload.podLabels, ["app": "a"])
    XCTAssertEqual(workload.containers([.regular]).count, 2)
  }

  func testCronJobContainerLinesInTheGenuineFixture() throws {
    let data = try Data(contentsOf: Fixtures.url("real/kubernetes/polaris-cronjob-busybox-untagged.yaml"))
    let workload = try XCTUnwrap(Workload.all(in: try ManifestDecoder.decode(data, file: "c.yaml")).first)
    XCTAssertEqual(workload.object.kind, "CronJob")
    XCTAssertEqual(workload.containers.first?.name, "test")
    XCTAssertEqual(workload.containers.first?.node.line, 12)
    XCTAssertEqual(workload.containers.first?["image"]?.line, 13)
    XCTAssertEqual(workload.containers.first?.image, "busybox")
  }

  func testImageReferences() {
    let cases: [(String, String?, String, String?, String?)] = [
      ("nginx", nil, "nginx", nil, nil),
      ("nginx:1.27", nil, "nginx", "1.27", nil),
      ("docker.io/library/nginx:latest", "docker.io", "library/nginx", "latest", nil),
      ("registry.example.fr:5000/acme/api", "registry.example.fr:5000", "acme/api", nil, nil),
      ("registry.example.fr:5000/acme/api:2.1", "registry.example.fr:5000", "acme/api", "2.1", nil),
      ("localhost/api@sha256:abc", "localhost", "api", nil, "sha256:abc"),
      ("bitnami/postgresql:16.4.0@sha256:abc", nil, "bitnami/postgresql", "16.4.0", "sha256:abc"),
    ]
    for (text, registry, repository, tag, digest) in cases {
      let reference = ImageReference(text)
      XCTAssertEqual(reference.registry, registry, text)
      XCTAssertEqual(reference.repository, repository, text)
      XCTAssertEqual(reference.tag, tag, text)
      XCTAssertEqual(reference.digest, digest, text)
    }
    XCTAssertEqual(ImageReference("bitnami/postgresql:16").name, "postgresql")
  }

  func testQuantities() {
    XCTAssertEqual(Quantity.value("1Ti"), Quantity.tebibyte)
    XCTAssertEqual(Quantity.value("512Mi"), 512 * 1_048_576)
    XCTAssertEqual(Quantity.value("1.5G"), 1.5e9)
    XCTAssertEqual(Quantity.value("2e12"), 2e12)
    XCTAssertEqual(Quantity.value("100m"), 0.1)
    XCTAssertEqual(Quantity.value("1099511627776"), Quantity.tebibyte)
    XCTAssertNil(Quantity.value("lots"))
    XCTAssertNil(Quantity.value("Gi"))
    XCTAssertNil(Quantity.value(""))
  }

  func testDataComponentsAreRecognised() throws {
    let found = try workloads(
      """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: a}
      spec: {template: {metadata: {labels: {tier: cache}}, spec: {containers: [{name: c, image: acme/kv:1}]}}}
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: b, labels: {component: mariadb}}
      spec: {template: {spec: {containers: [{name: c, image: acme/x:1}]}}}
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: c}
      spec: {template: {spec: {containers: [{name: c, image: "quay.io/bitnami/postgresql:16"}]}}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: user-db}
      spec: {template: {spec: {containers: [{name: c, image: acme/user:1}]}}}
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: api}
      spec: {template: {metadata: {labels: {tier: backend}}, spec: {containers: [{name: c, image: acme/api:1}]}}}
      """)
    XCTAssertEqual(found.map(DataComponent.reason), ["tier=cache", "component=mariadb", "image postgresql", "name user-db", nil])
  }
}
