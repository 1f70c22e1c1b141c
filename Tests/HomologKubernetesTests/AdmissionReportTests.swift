import HomologEvaluate
import HomologModel
import XCTest

/// The platform admission section: what the cluster itself would do, apart from the CCT verdicts.
final class AdmissionReportTests: XCTestCase {
  private let manifest = """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      template:
        metadata: {labels: {app: api, env: prod, tier: backend}}
        spec:
          containers:
            - name: api
              image: docker.io/bitnami/nginx:latest
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: purge}
    spec:
      schedule: "0 3 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              containers:
                - name: purge
                  image: harbor.apps.c6.numerique-interieur.com/rhab/purge:1.0.0
    """

  private func dossier(
    policy: Policy, image: String = "docker.io/bitnami/nginx:latest", context: ProjectContext = ProjectContext()
  ) throws -> Dossier {
    let catalogue = Catalogue(
      id: "t", title: "T", version: "1", source: nil,
      requirements: [
        Requirement(
          id: "EXI-ARCH-13", sourceId: "EXI-ARCH-13", level: .important, category: "A", title: "t", statement: "s",
          checks: ["k8s.allowed-registries"])
      ], sha256: "0")
    return Evaluator.evaluate(
      EvaluationInput(
        generator: ToolInfo(name: "homolog", version: "test"), catalogue: catalogue,
        project: ProjectSummary(name: "p", version: nil, organisation: nil, context: context, components: []),
        evidence: EvidenceSet(
          files: try TestEvidence.set(manifest.replacingOccurrences(of: "docker.io/bitnami/nginx:latest", with: image)).files,
          policy: policy, context: context), asOf: Day("2026-12-02")!, lang: "fr"))
  }

  func testEveryPlatformRuleIsReportedWithWhatTheClusterDoes() throws {
    let admission = try dossier(policy: Policy()).admission
    let outcomes = Dictionary(uniqueKeysWithValues: admission.map { ($0.policy, $0.outcome) })
    XCTAssertEqual(admission.count, PlatformRules.list.count)
    XCTAssertEqual(outcomes["disallow-latest"], .refusedInProduction)
    XCTAssertEqual(outcomes["job-history"], .mutated)
    XCTAssertEqual(outcomes["restrict-image-registry"], .admitted)
    XCTAssertEqual(outcomes["limit-size-pvc"], .noEvidence)
    let latest = try XCTUnwrap(admission.first { $0.policy == "disallow-latest" })
    XCTAssertEqual(latest.requirement, "EXI-ARCH-27")
    XCTAssertEqual(latest.entries.map(\.production), [.refusedInProduction])
    XCTAssertEqual(latest.entries.map(\.otherEnvironments), [.admitted])
    XCTAssertEqual(latest.entries.first?.object?.name, "api")
    XCTAssertNil(admission.first { $0.policy == "check-labels" }?.requirement, "check-labels judges no CCT sentence")
  }

  func testRegistryAdmissionFollowsThePlatformsListNotTheProjects() throws {
    var narrow = Policy()
    narrow.allowedRegistries = ["harbor.apps.c6.numerique-interieur.com/"]
    let dossier = try dossier(policy: narrow)
    XCTAssertEqual(dossier.requirements[0].checks.first?.outcome, .fail, "the project's own list judges EXI-ARCH-13")
    XCTAssertEqual(dossier.admission.first { $0.policy == "restrict-image-registry" }?.outcome, .admitted)

    var wide = Policy()
    wide.allowedRegistries = ["docker.io/", "harbor.*/", "registry.example.org/"]
    let offList = try self.dossier(policy: wide, image: "registry.example.org/team/api:1.0.0")
    XCTAssertEqual(offList.requirements[0].checks.first?.outcome, .pass, "the project allows its own registry")
    XCTAssertEqual(
      offList.admission.first { $0.policy == "restrict-image-registry" }?.outcome, .refusedInProduction,
      "the cluster does not read homolog.yaml")
  }

  func testWithoutAProductionEnvironmentARefusalIsOnlyReported() throws {
    let stated = try dossier(policy: Policy(), context: ProjectContext(environments: ["dev", "formation"]))
    let latest = try XCTUnwrap(stated.admission.first { $0.policy == "disallow-latest" })
    XCTAssertEqual(latest.outcome, .audited)
    XCTAssertEqual(latest.entries.map(\.production), [.notDeployed])
    XCTAssertNil(GateRule.platformRefusal.failure(stated))
    let withProduction = try dossier(policy: Policy(), context: ProjectContext(environments: ["dev", "prod-eu"]))
    XCTAssertEqual(withProduction.admission.first { $0.policy == "disallow-latest" }?.outcome, .refusedInProduction)
    XCTAssertNotNil(GateRule.platformRefusal.failure(withProduction))
  }
}
