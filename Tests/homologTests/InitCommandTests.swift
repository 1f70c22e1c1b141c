import Foundation
import XCTest

/// `homolog init` leads somewhere: the project evaluates at once, and init says what to add next.
final class InitCommandTests: XCTestCase {
  private var dir: URL!

  override func setUpWithError() throws {
    dir = try CLI.temporaryDirectory()
    let root = dir!
    addTeardownBlock { try? FileManager.default.removeItem(at: root) }
  }

  func testInitThenEvaluateWithNoOptionGivesACompleteDossierEveryRequirementNonEvalue() throws {
    let initialised = try CLI.run(["init", "--name", "Essai"], in: dir)
    XCTAssertEqual(initialised.status, 0, initialised.stderr)
    XCTAssertTrue(
      initialised.stdout.hasPrefix("écrit : homolog.yaml\nécrit : attestations.yaml\nécrit : derogations.yaml\nécrit : reports/\n\nÉtapes suivantes :\n"),
      initialised.stdout)
    for step in [
      "  1. lancez `homolog evaluate` : le projet s'évalue dès maintenant, chaque exigence restant non évaluée (code de sortie 1) "
        + "tant qu'aucune preuve n'est ajoutée\n",
      "  2. déposez vos rapports dans reports/ (ou listez fichiers et dossiers sous `evidence:` dans homolog.yaml) ; "
        + "chaque type de rapport permet de juger :\n",
      "     - la description OpenAPI de l'API : EXI-DATA-1\n",
      "     - le rapport de tests JUnit de chaque composant : EXI-ORG-11, EXI-ORG-14\n",
      "  4. attestez ce qu'aucun fichier ne prouve : attestations.yaml liste, en commentaire, les 52 exigences qu'une attestation peut prouver ;",
    ] {
      XCTAssertTrue(initialised.stdout.contains(step), step + "\n" + initialised.stdout)
    }

    let evaluated = try CLI.run(["evaluate", "--color", "never"], in: dir)
    XCTAssertEqual(evaluated.status, 1, evaluated.stderr)
    XCTAssertTrue(evaluated.stderr.contains("(0 conforme, 0 non conforme, 0 dérogation, 55 non évaluées, 0 non applicable)"), evaluated.stderr)
    let out = dir.appendingPathComponent("dossier")
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(),
      [
        ".homolog-outputs", "action-plan.csv", "dossier.html", "dossier.json", "dossier.md", "findings.sarif", "gl-code-quality.json",
        "junit.xml", "oscal-assessment-results.json",
      ])
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("dossier.json"))) as! [String: Any]
    let requirements = json["requirements"] as! [[String: Any]]
    XCTAssertEqual(requirements.count, 55)
    XCTAssertEqual(Set(requirements.map { $0["status"] as! String }), ["non_evalue"])
    XCTAssertEqual((json["project"] as! [String: Any])["name"] as? String, "Essai")
  }

  func testInitKeepsExistingFilesUnlessForced() throws {
    XCTAssertEqual(try CLI.run(["init"], in: dir).status, 0)
    let again = try CLI.run(["init", "--color", "never"], in: dir)
    XCTAssertEqual(again.status, 2)
    XCTAssertEqual(again.stderr, "homolog.yaml: erreur : homolog.yaml existe déjà (--force pour l'écraser)\n")
    let english = try CLI.run(["init", "--lang", "en", "--color", "never"], in: dir)
    XCTAssertEqual(english.stderr, "homolog.yaml: error: homolog.yaml already exists (use --force to overwrite)\n")
    XCTAssertEqual(try CLI.run(["init", "--force", "--name", "Autre"], in: dir).status, 0)
    XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("homolog.yaml"), encoding: .utf8).contains("name: \"Autre\""))
  }

  func testFromCIPrefillsTheReportsThePipelineProduces() throws {
    try FileManager.default.copyItem(
      at: CLI.repository.appendingPathComponent("Tests/Fixtures/ci/gitlab-ci-dso.yml"), to: dir.appendingPathComponent(".gitlab-ci-dso.yml"))
    let web = dir.appendingPathComponent("frontend/coverage")
    try FileManager.default.createDirectory(at: web, withIntermediateDirectories: true)
    let demo = CLI.repository.appendingPathComponent("samples/demo/reports/web")
    try FileManager.default.copyItem(at: demo.appendingPathComponent("cobertura-coverage.xml"), to: web.appendingPathComponent("cobertura-coverage.xml"))
    try FileManager.default.copyItem(at: demo.appendingPathComponent("junit.xml"), to: dir.appendingPathComponent("frontend/junit.xml"))

    let initialised = try CLI.run(["init", "--from-ci", ".gitlab-ci-dso.yml"], in: dir)
    XCTAssertEqual(initialised.status, 0, initialised.stderr)
    XCTAssertTrue(
      initialised.stdout.contains("     - docker-build : l'image est scannée par l'adaptateur Trivy de Harbor, hors du pipeline :"), initialised.stdout)
    XCTAssertTrue(
      initialised.stdout.contains("     - test-api : la quality gate SonarQube n'apparaît que dans le statut du job :"), initialised.stdout)
    let project = try String(contentsOf: dir.appendingPathComponent("homolog.yaml"), encoding: .utf8)
    for line in [
      "  - name: \"backend\"         # from job test-api\n    role: backend\n    evidence:\n      []\n",
      "      # - \"backend/target/surefire-reports\"   # test-api (.java:sonar): JUnit test reports, left in the job, not kept as an artifact;",
      "      # - \"backend/target/site/jacoco/jacoco.xml\"   # test-api (.java:sonar): JaCoCo coverage,",
      "  - name: \"frontend\"         # from job build-web\n",
      "      - \"frontend/junit.xml\"   # build-web: junit report, kept as an artifact\n",
      "      - \"frontend/coverage/cobertura-coverage.xml\"   # build-web: coverage report, kept as an artifact\n",
    ] {
      XCTAssertTrue(project.contains(line), line)
    }
    XCTAssertFalse(project.contains("frontend/dist"), "a build output is not evidence")

    let evaluated = try CLI.run(["evaluate", "--quiet"], in: dir)
    XCTAssertEqual(evaluated.status, 1, evaluated.stderr)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("dossier/dossier.json"))) as! [String: Any]
    let formats = (json["evidence"] as! [[String: Any]]).map { $0["format"] as! String }.sorted()
    XCTAssertEqual(formats, ["cobertura-xml", "junit-xml"])
  }

  func testFromCIQuotesJobNamesAndPathsSoTheProjectEvaluates() throws {
    let pipeline = """
      "build #1":
        extends: .java:build
        artifacts:
          reports:
            junit: "report: a.xml"
      scan:
        artifacts:
          paths: ['out/"q" \\ #x-report.json']

      """
    try Data(pipeline.utf8).write(to: dir.appendingPathComponent("ci.yml"))
    try FileManager.default.copyItem(
      at: CLI.repository.appendingPathComponent("samples/demo/reports/web/junit.xml"), to: dir.appendingPathComponent("report: a.xml"))
    let initialised = try CLI.run(["init", "--from-ci", "ci.yml"], in: dir)
    XCTAssertEqual(initialised.status, 0, initialised.stderr)
    let project = try String(contentsOf: dir.appendingPathComponent("homolog.yaml"), encoding: .utf8)
    for line in [
      "  - name: \"build #1\"         # from job build #1\n    role: backend\n    evidence:\n      - \"report: a.xml\"   # build #1: junit report, kept as an artifact\n",
      "  # - \"out/\\\"q\\\" \\\\ #x-report.json\"   # scan: report, kept as an artifact; not here yet:",
    ] {
      XCTAssertTrue(project.contains(line), project)
    }
    let evaluated = try CLI.run(["evaluate", "--quiet"], in: dir)
    XCTAssertEqual(evaluated.status, 1, evaluated.stderr)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("dossier/dossier.json"))) as! [String: Any]
    let evidence = (json["evidence"] as! [[String: Any]]).map { "\($0["format"] as! String) \($0["path"] as? String ?? "?")" }
    XCTAssertEqual(evidence, ["junit-xml report: a.xml"])
    let components = ((json["project"] as! [String: Any])["components"] as! [[String: Any]]).map { $0["name"] as! String }
    XCTAssertEqual(components, ["build #1"])
  }

  func testFromCIExpandsVariablesByTheirLongestName() throws {
    let pipeline = """
      variables:
        WORKING_DIR: app
      scan:
        variables:
          WORKING_DIR_X: other
          NESTED: $WORKING_DIR/deep
        artifacts:
          reports:
            junit: ["$WORKING_DIR_X/junit.xml", "${WORKING_DIR}_X/b.xml", "$UNKNOWN/c.xml", "$CI_PROJECT_DIR/$NESTED/d.xml", "$$WORKING_DIR/e.xml"]

      """
    try Data(pipeline.utf8).write(to: dir.appendingPathComponent("ci.yml"))
    // Expansion once walked a dictionary in random order: several runs must all give the same file.
    var projects: Set<String> = []
    for _ in 0..<5 {
      let initialised = try CLI.run(["init", "--from-ci", "ci.yml", "--force"], in: dir)
      XCTAssertEqual(initialised.status, 0, initialised.stderr)
      projects.insert(try String(contentsOf: dir.appendingPathComponent("homolog.yaml"), encoding: .utf8))
    }
    XCTAssertEqual(projects.count, 1)
    let listed = projects.first!.split(separator: "\n").filter { $0.hasPrefix("  # - \"") }.map { $0.split(separator: "\"")[1] }
    XCTAssertEqual(listed, ["other/junit.xml", "app_X/b.xml", "$UNKNOWN/c.xml", "app/deep/d.xml", "$$WORKING_DIR/e.xml"])
  }

  func testInitSpeaksEnglishWithLangEn() throws {
    let initialised = try CLI.run(["init", "--name", "Essai", "--lang", "en"], in: dir)
    XCTAssertEqual(initialised.status, 0, initialised.stderr)
    XCTAssertTrue(initialised.stdout.hasPrefix("wrote homolog.yaml\nwrote attestations.yaml\nwrote derogations.yaml\nwrote reports/\n\nNext steps:\n"), initialised.stdout)
    for step in [
      "  1. run `homolog evaluate`: it works now, every requirement not evaluated (exit 1) until evidence is added\n",
      "     - the API's OpenAPI description: EXI-DATA-1\n",
      "  4. attest what no file proves: attestations.yaml lists the 52 requirements an attestation may prove, commented out;",
    ] {
      XCTAssertTrue(initialised.stdout.contains(step), step + "\n" + initialised.stdout)
    }
    try FileManager.default.copyItem(
      at: CLI.repository.appendingPathComponent("Tests/Fixtures/ci/gitlab-ci-dso.yml"), to: dir.appendingPathComponent(".gitlab-ci-dso.yml"))
    let fromCI = try CLI.run(["init", "--from-ci", ".gitlab-ci-dso.yml", "--force", "--lang", "en"], in: dir)
    XCTAssertTrue(fromCI.stdout.contains("     - docker-build: the image is scanned by Harbor's Trivy adapter, not in the pipeline:"), fromCI.stdout)
  }

  func testFromCIOnAFileThatIsNotAPipeline() throws {
    try Data("- a\n- b\n".utf8).write(to: dir.appendingPathComponent("ci.yml"))
    let result = try CLI.run(["init", "--from-ci", "ci.yml", "--color", "never"], in: dir)
    XCTAssertEqual(result.status, 2)
    // A diagnostic about an input file's content stays English, like a compiler's.
    XCTAssertEqual(result.stderr, "ci.yml:1:1: error: expected a GitLab CI file: a mapping of jobs, found a sequence\n")
  }
}
