import Foundation
import XCTest

/// Kubernetes checks as the dossier and `inspect` show them.
final class KubernetesDossierTests: XCTestCase {
  private func dossier(_ sample: String) throws -> [String: Any] {
    let out = try CLI.temporaryDirectory()
    let result = try CLI.run(["evaluate", "--config", "samples/\(sample)/homolog.yaml", "--out", out.path, "--as-of", "2026-11-22", "--quiet"])
    XCTAssertTrue([0, 1].contains(result.status), result.stderr)
    return try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("dossier.json"))) as! [String: Any]
  }

  private func checks(_ dossier: [String: Any]) -> [(requirement: String, check: [String: Any])] {
    (dossier["requirements"] as! [[String: Any]]).flatMap { requirement in
      (requirement["checks"] as! [[String: Any]]).map { (requirement["id"] as! String, $0) }
    }
  }

  func testCleanSamplePassesEveryKubernetesCheckThatHasSomethingToJudge() throws {
    let json = try dossier("clean")
    let k8s = checks(json).filter { ($0.check["id"] as! String).hasPrefix("k8s.") }
    // The checks the catalogue cites: none fails, and only those with nothing to judge give no evidence.
    let unproven: Set<String> = ["k8s.secret-no-private-key", "k8s.health-endpoints"]
    XCTAssertEqual(Set(k8s.map { $0.check["id"] as! String }).count, 18)
    for entry in k8s {
      let id = entry.check["id"] as! String
      XCTAssertEqual(entry.check["outcome"] as? String, unproven.contains(id) ? "no_evidence" : "pass", id)
    }
    // The platform's admission rules, apart from the verdicts: every object admitted.
    let admission = json["admission"] as! [[String: Any]]
    XCTAssertEqual(admission.count, 10)
    for rule in admission {
      XCTAssertTrue(["admitted", "no_evidence"].contains(rule["outcome"] as! String), rule["policy"] as! String)
    }
    XCTAssertEqual(admission.filter { $0["outcome"] as? String == "admitted" }.count, 10)
  }

  /// `helm template` may repeat a key with the same value: accepted. Another value is ambiguous: exit 2, located.
  func testRepeatedKeysAreAcceptedWhenIdenticalAndRefusedWithTheirLineWhenConflicting() throws {
    let dir = try CLI.temporaryDirectory()
    let head = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: annuaire\n  labels:\n    app: annuaire\n"
    try Data((head + "    app: annuaire\n").utf8).write(to: dir.appendingPathComponent("same.yaml"))
    try Data((head + "    app: other\n").utf8).write(to: dir.appendingPathComponent("conflict.yaml"))
    let same = try CLI.run(["inspect", "--json", dir.appendingPathComponent("same.yaml").path])
    XCTAssertEqual(same.status, 0, same.stderr)
    let conflict = try CLI.run(["inspect", dir.appendingPathComponent("conflict.yaml").path])
    XCTAssertEqual(conflict.status, 2)
    XCTAssertTrue(conflict.stderr.contains("conflict.yaml:7:5"), conflict.stderr)
    XCTAssertTrue(conflict.stderr.contains("duplicate key \"app\" with a different value (first at line 6)"), conflict.stderr)
  }

  func testDemoRequirementsCarryTheKubernetesObservationsThatDecidedThem() throws {
    let json = try dossier("demo")
    let requirements = Dictionary(uniqueKeysWithValues: (json["requirements"] as! [[String: Any]]).map { ($0["id"] as! String, $0) })
    for id in ["EXI-ARCH-18", "EXI-ARCH-26", "EXI-ARCH-27", "EXI-ARCH-19", "EXI-ARCH-2"] {
      let checks = try XCTUnwrap(requirements[id]?["checks"] as? [[String: Any]], id)
      let k8s = checks.filter { ($0["id"] as! String).hasPrefix("k8s.") }
      XCTAssertFalse(k8s.isEmpty, id)
      XCTAssertTrue(k8s.allSatisfy { ["pass", "fail"].contains($0["outcome"] as! String) }, id)
    }
    // Absence proves nothing: no Application in the repository (the console creates them), no /health probe.
    let argo = (requirements["EXI-ORG-8"]?["checks"] as? [[String: Any]])?.first { $0["id"] as? String == "k8s.argocd-application" }
    XCTAssertEqual(argo?["outcome"] as? String, "no_evidence")
    let probes = (requirements["EXI-ARCH-12"]?["checks"] as? [[String: Any]])?.map { "\($0["id"] as! String)=\($0["outcome"] as! String)" }
    XCTAssertEqual(probes, ["k8s.probes=fail", "k8s.health-endpoints=no_evidence"])
    // The deliberate `latest` tag is reported with its object, container, file and line, and refused in production.
    let tag = try XCTUnwrap((requirements["EXI-ARCH-27"]?["checks"] as? [[String: Any]])?.first { $0["id"] as? String == "k8s.image-tag-pinned" })
    XCTAssertEqual(tag["outcome"] as? String, "fail")
    let problem = try XCTUnwrap((tag["observations"] as! [[String: Any]]).first { $0["problem"] as? Bool == true })
    XCTAssertEqual(problem["enforced"] as? Bool, true)
    XCTAssertEqual((problem["location"] as? [String: Any])?["file"] as? String, "manifests/rendered.yaml")
    XCTAssertNotNil((problem["location"] as? [String: Any])?["line"] as? Int)
    XCTAssertNotNil((problem["object"] as? [String: Any])?["container"] as? String)
    XCTAssertEqual(requirements["EXI-ARCH-27"]?["status"] as? String, "non_conforme")
  }

  func testInspectListsManifestObjectsContainersAndFindingsWithRequirements() throws {
    let result = try CLI.run(["inspect", "--json", "samples/demo/manifests/rendered.yaml"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let file = try XCTUnwrap((json["files"] as? [[String: Any]])?.first)
    let kubernetes = try XCTUnwrap(file["kubernetes"] as? [String: Any])
    XCTAssertGreaterThan(kubernetes["objects"] as! Int, 3)
    XCTAssertGreaterThan(kubernetes["containers"] as! Int, 2)
    let findings = kubernetes["findings"] as! [[String: Any]]
    let tag = try XCTUnwrap(findings.first { $0["check"] as? String == "k8s.image-tag-pinned" })
    XCTAssertEqual(tag["requirements"] as? [String], ["EXI-ARCH-27"])
    XCTAssertEqual(tag["enforced"] as? Bool, true)
    XCTAssertEqual(tag["file"] as? String, "samples/demo/manifests/rendered.yaml")
    for key in ["kind", "name", "container", "line", "message"] { XCTAssertNotNil(tag[key], key) }
  }
}
