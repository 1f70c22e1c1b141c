import Foundation
import HomologEvaluate
import HomologModel
import HomologProject
import XCTest

/// Kubernetes scanners' rules are tied to requirements only through a homolog check of the same meaning, and the
/// docs table is the code's table.
final class ScannerCheckMappingTests: XCTestCase {
  private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  private func catalogue() throws -> Catalogue {
    let url = Self.repository.appendingPathComponent("requirements/cct-cloud-pi-native.yaml")
    return try CatalogueLoader.loadValid(Data(contentsOf: url), file: "cct-cloud-pi-native.yaml", knownChecks: AllChecks.ids)
  }

  func testEveryMappedCheckExistsAndEveryRuleIsListedOnce() {
    for entry in ScannerCheckMapping.list {
      XCTAssertTrue(AllChecks.ids.contains(entry.check), "\(entry.tool) \(entry.rule) → \(entry.check)")
    }
    let keys = ScannerCheckMapping.list.map { "\($0.tool) \($0.rule)" }
    XCTAssertEqual(keys.count, Set(keys).count)
  }

  func testRulesOfTheSameMeaningMapToTheCheckAndOthersToNothing() {
    XCTAssertEqual(ScannerCheckMapping.check(tool: "Polaris", rule: "runAsPrivileged"), "k8s.no-privileged")
    XCTAssertEqual(ScannerCheckMapping.check(tool: "kube-linter", rule: "latest-tag"), "k8s.image-tag-pinned")
    XCTAssertEqual(ScannerCheckMapping.check(tool: "Checkov", rule: "CKV_K8S_9"), "k8s.probes")
    // Fail on an unset field that EXI-ARCH-26 forbids imposing, or ask the opposite of the CCT: not mapped.
    XCTAssertNil(ScannerCheckMapping.check(tool: "kube-linter", rule: "run-as-non-root"))
    XCTAssertNil(ScannerCheckMapping.check(tool: "Polaris", rule: "pullPolicyNotAlways"))
    XCTAssertNil(ScannerCheckMapping.check(tool: "Checkov", rule: "CKV_K8S_22"))
    // `k8s.no-host-access` is cited by EXI-ARCH-26's sentence on mounting node resources: only hostPath rules map;
    // host ports and shared host namespaces, which mount nothing, do not, nor one replica under EXI-ARCH-2's
    // anti-affinity sentence.
    let hostAccess = ScannerCheckMapping.list.filter { $0.check == "k8s.no-host-access" }.map(\.rule)
    XCTAssertEqual(hostAccess, ["CKV_K8S_27", "C-0048", "docker-sock", "sensitive-host-mounts", "hostPathSet"])
    for (tool, rule) in [
      ("Checkov", "CKV_K8S_26"), ("Kubescape", "C-0044"), ("Polaris", "hostPortSet"), ("Checkov", "CKV_K8S_19"),
      ("Kubescape", "C-0038"), ("kube-linter", "host-pid"), ("Polaris", "hostNetworkSet"), ("Polaris", "deploymentMissingReplicas"),
    ] {
      XCTAssertNil(ScannerCheckMapping.check(tool: tool, rule: rule), "\(tool) \(rule)")
      XCTAssertTrue(ScannerCheckMapping.unmapped.contains { $0.rules.contains(rule) }, "\(tool) \(rule) has a reason")
    }
    XCTAssertEqual(ScannerCheckMapping.check(tool: "kube-linter", rule: "no-anti-affinity"), "k8s.high-availability")
    // The tool matters: Trivy's own ids are not in this table.
    XCTAssertNil(ScannerCheckMapping.check(tool: "Trivy", rule: "runAsPrivileged"))
  }

  func testDocsTableEqualsTheCodeAndTheCatalogue() throws {
    let expected = ScannerCheckMapping.markdown(try catalogue())
    let url = Self.repository.appendingPathComponent("docs/scanner-mapping.md")
    if ProcessInfo.processInfo.environment["HOMOLOG_UPDATE_GOLDEN"] == "1" {
      try Data(expected.utf8).write(to: url)
    }
    XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), expected, "regenerate with HOMOLOG_UPDATE_GOLDEN=1")
    // The CCT sentence is quoted from the catalogue: EXI-ARCH-18's for privileged containers.
    XCTAssertTrue(expected.contains("| Polaris | `runAsPrivileged` | Should not be running as privileged | `k8s.no-privileged` | EXI-ARCH-18 | « et ne nécessite pas d'élévation de privilèges. » |"))
    // A check no requirement cites gives no requirement.
    XCTAssertTrue(expected.contains("| Checkov | `CKV_K8S_11` | CPU limits should be set | `k8s.resources` | — |"))
  }

  func testAMappedFindingIsTaggedWithTheRequirementsCitingItsCheckAndOthersAreNot() {
    let requirements = [
      Requirement(
        id: "R18", sourceId: "R18", level: .primordial, category: "A", title: "R18", statement: "s", weight: 1,
        appliesWhen: Applicability(), checks: ["k8s.no-privileged"], attestable: false),
      Requirement(
        id: "R26", sourceId: "R26", level: .primordial, category: "A", title: "R26", statement: "s", weight: 1,
        appliesWhen: Applicability(), checks: ["k8s.security-context-unset"], attestable: false),
    ]
    let catalogue = Catalogue(id: "t", title: "T", version: "1", source: nil, requirements: requirements, sha256: "0")
    let findings = [("runAsPrivileged", "f1"), ("runAsRootAllowed", "f2")].map { rule, print in
      Finding(
        tool: "Polaris", kind: .misconfiguration, ruleId: rule, severity: .high, originalSeverity: "danger", title: rule,
        fingerprint: print)
    }
    let file = EvidenceFile(provenance: Provenance(path: "polaris.json", sha256: "x", bytes: 1, format: "polaris-json"), findings: findings)
    let input = EvaluationInput(
      generator: ToolInfo(name: "homolog", version: "test"), catalogue: catalogue,
      project: ProjectSummary(name: "p", version: nil, organisation: nil, context: ProjectContext(), components: []),
      evidence: EvidenceSet(files: [file], components: [], policy: Policy(), context: ProjectContext(), asOf: Day("2026-11-22")!),
      attestations: [], derogations: [], asOf: Day("2026-11-22")!, lang: "fr")
    let dossier = Evaluator.evaluate(input)
    let tags = Dictionary(uniqueKeysWithValues: dossier.findings.map { ($0.ruleId, $0.requirements) })
    XCTAssertEqual(tags["runAsPrivileged"], ["R18"])
    XCTAssertEqual(tags["runAsRootAllowed"], .some(nil))
    // The tag informs; verdicts come from homolog's checks, which saw no manifest.
    XCTAssertEqual(dossier.requirements.map(\.status), [.nonEvalue, .nonEvalue])
  }
}
