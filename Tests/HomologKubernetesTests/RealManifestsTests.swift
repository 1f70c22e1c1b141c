import Foundation
import HomologEvaluate
import HomologModel
import XCTest

/// Every Kubernetes check over the genuine manifests of `Tests/Fixtures/real/kubernetes/` (one evidence set).
/// Counts were computed, then reviewed against the fixtures' descriptions in SOURCES.md and by hand.
final class RealManifestsTests: XCTestCase {
  private static func results() throws -> [String: CheckResult] {
    let evidence = try TestEvidence.set(Fixtures.files("real/kubernetes"))
    return Dictionary(uniqueKeysWithValues: TestEvidence.kubernetesChecks.map { ($0.id, $0.evaluate(evidence)) })
  }

  func testOutcomesAndFailingObservationsPerCheck() throws {
    let results = try Self.results()
    let expected: [String: (CheckOutcome, Int)] = [
      "k8s.unprivileged-ports": (.fail, 16),  // sock-shop: 7 containerPort 80 + 7 Service targetPort 80; polaris: 2 × port 80
      "k8s.no-privileged": (.fail, 1),  // badPods everything-allowed
      "k8s.run-as-non-root": (.pass, 0),  // nobody says runAsUser: 0 or runAsNonRoot: false
      "k8s.read-only-root-filesystem": (.pass, 0),  // nobody declares false; sock-shop 3 of 15 unset and 8 fixtures: noted
      "k8s.security-context-unset": (.fail, 55),  // online boutique 12 × 3 pod fields; sock-shop 7 runAsUser + 11 capabilities.add; badPods privileged
      "k8s.no-host-access": (.fail, 6),  // badPods hostNetwork/PID/IPC + hostPath, hostnetwork pod, polaris hostPort
      "k8s.image-tag-pinned": (.fail, 9),  // sock-shop 3 untagged, ubuntu ×2, busybox, nginx, nginx:latest, polaris:master
      "k8s.image-pull-policy": (.fail, 1),  // polaris dashboard Always
      "k8s.probes": (.fail, 19),  // sock-shop 11 of 15, online boutique loadgenerator, 7 fixtures without probes
      "k8s.no-session-affinity": (.pass, 0),
      "k8s.stateless-workloads": (.fail, 1),  // polaris nginx StatefulSet
      "k8s.high-availability": (.fail, 41),  // 21 application Deployments: 20 with 1 replica, 21 without spread
      "k8s.argocd-application": (.pass, 0),  // two Argo CD Applications
      "k8s.configmap-no-credentials": (.noEvidence, 0),  // no ConfigMap among them
      "k8s.resources": (.fail, 16),  // sock-shop 7, online boutique init container, 8 fixtures
      "k8s.labels": (.fail, 84),  // nobody uses the platform's env/tier labels
      "k8s.allowed-registries": (.fail, 34),  // only quay.io/reactiveops/polaris and bitnami/postgresql are allowed
      "k8s.no-nodeport": (.fail, 1),  // sock-shop front-end
      "k8s.pvc-size": (.pass, 0),  // 1Gi claim and 1Gi claim template
      "k8s.cronjob-history": (.fail, 2),  // polaris CronJob: both limits unset
      "k8s.health-endpoints": (.noEvidence, 0),  // nobody probes /health
      "k8s.env-no-credentials": (.fail, 2),  // CPiN doc postgres POSTGRES_PASSWORD, sock-shop MYSQL_ROOT_PASSWORD
      "k8s.secret-no-private-key": (.noEvidence, 0),  // no Secret among them
    ]
    XCTAssertEqual(Set(results.keys), Set(expected.keys))
    let unset = results["k8s.read-only-root-filesystem"]?.observations.filter { $0.message.key == "k8s.read-only-root-filesystem.unset" }
    XCTAssertEqual(unset?.count, 11, "unset is an observation, not a failure")
    for (id, (outcome, failures)) in expected {
      XCTAssertEqual(results[id]?.outcome, outcome, id)
      XCTAssertEqual(results[id]?.problems.count, failures, id)
    }
  }

  func testFindingsReviewedByHand() throws {
    let results = try Self.results()
    func problems(_ id: String, file: String) -> [String] {
      (results[id]?.problems ?? []).filter { $0.location?.file == file }.map { problem in
        "\(problem.location?.line ?? 0) \(problem.object?.name ?? "")/\(problem.object?.container ?? "-") \(problem.enforced == true ? "enforced" : "audit")"
      }
    }
    let badPods = "badpods-everything-allowed-deployment.yaml"
    XCTAssertEqual(
      problems("k8s.no-privileged", file: badPods), ["27 everything-allowed-exec-deployment/everything-allowed-exec-deployment audit"])
    XCTAssertEqual(
      problems("k8s.no-host-access", file: badPods),
      [
        "20 everything-allowed-exec-deployment/- audit", "21 everything-allowed-exec-deployment/- audit",
        "22 everything-allowed-exec-deployment/- audit", "36 everything-allowed-exec-deployment/- enforced",
      ])
    XCTAssertEqual(problems("k8s.image-tag-pinned", file: "polaris-failure-tag-latest.yaml"), ["9 nginx/#1 enforced"])
    XCTAssertEqual(problems("k8s.no-nodeport", file: "sock-shop-complete-demo.yaml"), ["313 front-end/- enforced"])
    XCTAssertEqual(problems("k8s.probes", file: "online-boutique-release-manifests.yaml"), ["499 loadgenerator/main enforced"])
    XCTAssertEqual(problems("k8s.resources", file: "online-boutique-release-manifests.yaml"), ["468 loadgenerator/frontend-check audit"])
    XCTAssertEqual(problems("k8s.resources", file: "cpin-doc-postgres-example.yaml"), ["63 postgres-demo/postgres enforced"])
    XCTAssertEqual(
      problems("k8s.cronjob-history", file: "polaris-cronjob-busybox-untagged.yaml"), ["5 test/- audit", "5 test/- audit"])
    XCTAssertEqual(problems("k8s.stateless-workloads", file: "polaris-statefulset-web.yaml"), ["2 web/- audit"])
    let dashboard = results["k8s.image-pull-policy"]?.problems.first
    XCTAssertEqual(dashboard?.object?.helmSource, "polaris/templates/dashboard.deployment.yaml")
    XCTAssertEqual(dashboard?.location?.line, 36)
    XCTAssertEqual(dashboard?.object?.namespace, "polaris")
    let capability = results["k8s.security-context-unset"]?.problems.first { $0.message.arg("field") == "capabilities.add" }
    XCTAssertEqual(capability?.location?.line, 45)
    XCTAssertEqual(capability?.message.arg("value"), "[NET_BIND_SERVICE]")
    let applications = results["k8s.argocd-application"]?.observations.map { $0.message.arg("source") ?? "" }
    XCTAssertEqual(
      applications,
      ["https://github.com/argoproj/argoproj-deployments argocd@HEAD", "https://kubernetes.github.io/ingress-nginx ingress-nginx@4.9.1"])
  }

  func testLiteralPasswordsInGenuineManifestsAreNamedNeverPrinted() throws {
    let results = try Self.results()
    let problems = try XCTUnwrap(results["k8s.env-no-credentials"]?.problems)
    XCTAssertEqual(
      problems.map { "\($0.location?.file ?? "") \($0.location?.line ?? 0) \($0.object?.name ?? "")/\($0.object?.container ?? "") \($0.message.arg("variable") ?? "")" },
      [
        "cpin-doc-postgres-example.yaml 55 postgres-demo/postgres POSTGRES_PASSWORD",
        "sock-shop-complete-demo.yaml 227 catalogue-db/catalogue-db MYSQL_ROOT_PASSWORD",
      ])
    for problem in problems {
      XCTAssertEqual(problem.message.key, "k8s.env-no-credentials.literal")
      XCTAssertFalse(problem.message.args.contains { $0.value.contains("My$ecrETPAss0rd") || $0.value.contains("fake_password") })
    }
  }

  func testSecurityContextRestrictiveSettingsAreNotedNotFailed() throws {
    let result = try XCTUnwrap(try Self.results()["k8s.security-context-unset"])
    let restrictive = result.observations.filter { $0.message.key == "k8s.security-context-unset.restrictive" }
    XCTAssertEqual(restrictive.filter { $0.message.arg("field") == "allowPrivilegeEscalation" }.count, 13, "online boutique's 13 containers")
    XCTAssertTrue(restrictive.allSatisfy { !$0.problem })
    XCTAssertFalse(result.problems.contains { $0.message.arg("field") == "allowPrivilegeEscalation" })
    XCTAssertEqual(result.problems.filter { $0.message.arg("field") == "privileged" }.count, 1, "badPods everything-allowed")
  }
}
