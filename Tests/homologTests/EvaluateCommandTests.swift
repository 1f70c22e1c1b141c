import Foundation
import XCTest

final class EvaluateCommandTests: XCTestCase {
  private func evaluate(_ config: URL, out: URL, extra: [String] = []) throws -> CLI.Output {
    try CLI.run(["evaluate", "--config", config.path, "--out", out.path, "--as-of", "2026-11-22"] + extra)
  }

  func testDemoWritesA55RequirementDossierAndTwoRunsAreByteIdentical() throws {
    let tmp = try CLI.temporaryDirectory()
    let config = CLI.repository.appendingPathComponent("samples/demo/homolog.yaml")
    let first = try evaluate(config, out: tmp.appendingPathComponent("a"))
    let second = try evaluate(config, out: tmp.appendingPathComponent("b"))
    XCTAssertEqual(first.status, 1, "the demo is éliminatoire: \(first.stderr)")
    XCTAssertEqual(first.status, second.status)
    for name in ["dossier.json", "dossier.md", "dossier.html"] {
      let a = try Data(contentsOf: tmp.appendingPathComponent("a/\(name)"))
      let b = try Data(contentsOf: tmp.appendingPathComponent("b/\(name)"))
      XCTAssertEqual(a, b, "\(name) differs between two runs")
    }
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: tmp.appendingPathComponent("a/dossier.json"))) as! [String: Any]
    XCTAssertEqual(json["schema"] as? String, "homolog-dossier/2")
    XCTAssertEqual(json["schema_version"] as? String, "2.1.0")
    let requirements = json["requirements"] as! [[String: Any]]
    XCTAssertEqual(requirements.count, 55)
    let statuses: Set<String> = ["conforme", "non_conforme", "derogation", "non_applicable", "non_evalue"]
    for requirement in requirements {
      XCTAssertTrue(["P", "I"].contains(requirement["level"] as? String))
      XCTAssertTrue(statuses.contains(requirement["status"] as! String))
      XCTAssertNotNil(requirement["source_id"])
      XCTAssertNotNil(requirement["checks"])
    }
    let verdict = json["verdict"] as! [String: Any]
    XCTAssertNotNil(verdict["eliminatory"] as? Bool)
    XCTAssertEqual(first.status, (verdict["eliminatory"] as! Bool) ? 1 : 0)
    XCTAssertNotNil((json["score"] as! [String: Any])["important"])
    let evidence = json["evidence"] as! [[String: Any]]
    XCTAssertEqual(
      Set(evidence.map { $0["format"] as! String }),
      ["trivy-json", "cobertura-xml", "junit-xml", "sarif", "openapi", "kubernetes-yaml", "cyclonedx-json", "sonarqube-json"])
    XCTAssertTrue(evidence.allSatisfy { ($0["sha256"] as! String).count == 64 })
    let markdown = try String(contentsOf: tmp.appendingPathComponent("a/dossier.md"), encoding: .utf8)
    XCTAssertTrue(markdown.contains("Dossier de conformité"))
  }

  func testSourceDateEpochFixesTheDate() throws {
    let tmp = try CLI.temporaryDirectory()
    let config = CLI.repository.appendingPathComponent("samples/demo/homolog.yaml")
    _ = try CLI.run(["evaluate", "--config", config.path, "--out", tmp.path, "--quiet"], environment: ["SOURCE_DATE_EPOCH": "1795305600"])
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: tmp.appendingPathComponent("dossier.json"))) as! [String: Any]
    XCTAssertEqual(json["as_of"] as? String, "2026-11-22")
  }

  func testEnglishDossier() throws {
    let tmp = try CLI.temporaryDirectory()
    let config = CLI.repository.appendingPathComponent("samples/demo/homolog.yaml")
    _ = try evaluate(config, out: tmp, extra: ["--lang", "en"])
    let markdown = try String(contentsOf: tmp.appendingPathComponent("dossier.md"), encoding: .utf8)
    XCTAssertTrue(markdown.contains("Compliance and homologation dossier"))
    XCTAssertFalse(markdown.contains("Dossier de conformité"))
  }

  func testMalformedProjectFileExits2NamingFileAndLineAndWritesNothing() throws {
    let demo = try CLI.demoCopy()
    try Data("project:\n  name: [Demo\ncontext: {}\n".utf8).write(to: demo.appendingPathComponent("homolog.yaml"))
    let out = demo.deletingLastPathComponent().appendingPathComponent("OUT")
    let result = try evaluate(demo.appendingPathComponent("homolog.yaml"), out: out)
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.stderr.contains("homolog.yaml:"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
  }

  func testTruncatedTrivyReportExits2NamingTheFileAndWritesNothing() throws {
    let demo = try CLI.demoCopy()
    let trivy = demo.appendingPathComponent("reports/shared/trivy-api-image.json")
    let data = try Data(contentsOf: trivy)
    try data.prefix(data.count / 2).write(to: trivy)
    let out = demo.deletingLastPathComponent().appendingPathComponent("OUT")
    let result = try evaluate(demo.appendingPathComponent("homolog.yaml"), out: out)
    XCTAssertEqual(result.status, 2)
    XCTAssertNotNil(result.stderr.range(of: #"reports/shared/trivy-api-image\.json:\d+:\d+: error: invalid JSON"#, options: .regularExpression), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
  }

  func testCoberturaWithExternalEntityExits2NamingFileAndLine() throws {
    let demo = try CLI.demoCopy()
    let evil = """
      <?xml version="1.0"?>
      <!DOCTYPE coverage [
      <!ENTITY x SYSTEM "file:///etc/passwd">
      ]>
      <coverage line-rate="1" lines-valid="1" lines-covered="1"><sources><source>&x;</source></sources></coverage>
      """
    try Data(evil.utf8).write(to: demo.appendingPathComponent("reports/api/coverage.xml"))
    let out = demo.deletingLastPathComponent().appendingPathComponent("OUT")
    let result = try evaluate(demo.appendingPathComponent("homolog.yaml"), out: out)
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.stderr.contains("reports/api/coverage.xml:3"), result.stderr)
    XCTAssertTrue(result.stderr.contains("external entity"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
  }

  func testUnknownEvidenceFileIsListedAsIgnored() throws {
    let demo = try CLI.demoCopy()
    try Data("just some notes\n".utf8).write(to: demo.appendingPathComponent("reports/shared/notes.txt"))
    let out = demo.deletingLastPathComponent().appendingPathComponent("OUT")
    _ = try evaluate(demo.appendingPathComponent("homolog.yaml"), out: out)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("dossier.json"))) as! [String: Any]
    let ignored = json["ignored"] as! [[String: Any]]
    XCTAssertEqual(ignored.map { $0["path"] as? String }, ["reports/shared/notes.txt"])
  }

  func testUsageErrorsExit2() throws {
    XCTAssertEqual(try CLI.run(["evaluate"]).status, 2)
    XCTAssertEqual(try CLI.run(["evaluate", "--config", "x.yaml", "--out", "o", "--lang", "de"]).status, 2)
    XCTAssertEqual(try CLI.run(["nope"]).status, 2)
  }
}

final class MixedEvidenceTests: XCTestCase {
  /// A folder with every genuine fixture, an unknown file and a corrupt one.
  private func mixedFolder() throws -> (demo: URL, corrupt: String) {
    let demo = try CLI.demoCopy()
    let mixed = demo.appendingPathComponent("reports/mixed")
    try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("Tests/Fixtures/real"), to: mixed)
    try Data("nothing homolog knows\n".utf8).write(to: mixed.appendingPathComponent("unknown.txt"))
    let junit = try Data(contentsOf: mixed.appendingPathComponent("junit/ctest-3.25-cjson-1.7.15.xml"))
    try junit.prefix(junit.count / 2).write(to: mixed.appendingPathComponent("corrupt-junit.xml"))
    return (demo, "reports/mixed/corrupt-junit.xml")
  }

  func testEveryKnownFileIsListedTheUnknownIgnoredAndTheCorruptStopsTheRun() throws {
    let (demo, corrupt) = try mixedFolder()
    let out = demo.deletingLastPathComponent().appendingPathComponent("OUT")
    let config = demo.appendingPathComponent("homolog.yaml").path
    let stopped = try CLI.run(["evaluate", "--config", config, "--out", out.path, "--evidence", demo.appendingPathComponent("reports/mixed").path, "--as-of", "2026-11-22"])
    XCTAssertEqual(stopped.status, 2)
    XCTAssertTrue(stopped.stderr.contains(corrupt), stopped.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))

    let kept = try CLI.run(["evaluate", "--config", config, "--out", out.path, "--evidence", demo.appendingPathComponent("reports/mixed").path, "--as-of", "2026-11-22", "--keep-going", "--quiet"])
    XCTAssertTrue([0, 1].contains(kept.status), kept.stderr)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("dossier.json"))) as! [String: Any]
    let evidence = (json["evidence"] as! [[String: Any]]).map { $0["path"] as! String }
    let formats = Set((json["evidence"] as! [[String: Any]]).map { $0["format"] as! String })
    for format in ["trivy-json", "grype-json", "sarif", "gitleaks-json", "sonarqube-json", "dependency-check-json", "dependency-check-xml", "cyclonedx-json", "cobertura-xml", "jacoco-xml", "lcov", "clover-xml", "go-coverprofile", "istanbul-json", "istanbul-summary-json", "junit-xml", "openapi",
      // Tools lane: GitLab security reports, Kubernetes configuration scanners, SonarQube report-task.txt.
      "gitlab-security-json", "gitlab-dependency-scanning-json", "checkov-json", "kubescape-json", "kube-linter-json", "polaris-json", "sonarqube-report-task"] {
      XCTAssertTrue(formats.contains(format), "no \(format) file in the dossier's evidence")
    }
    XCTAssertTrue(evidence.contains("reports/mixed/cobertura/gcovr-8.8-cjson-1.7.15.xml"))
    XCTAssertTrue((json["evidence"] as! [[String: Any]]).allSatisfy { ($0["sha256"] as! String).count == 64 })
    let ignored = (json["ignored"] as! [[String: Any]]).map { $0["path"] as! String }
    XCTAssertTrue(ignored.contains("reports/mixed/unknown.txt"), "\(ignored)")
    XCTAssertEqual((json["unreadable"] as! [[String: Any]]).map { $0["path"] as! String }, [corrupt])
  }
}
