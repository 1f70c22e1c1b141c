import Foundation
import XCTest

/// `ci/gitlab/homolog.yml` in the Cloud Pi Native catalogue's example pipeline, with the lines the README
/// tells a project to add, rendered and checked by `scripts/check-gitlab-pipeline.py` (needs python3-yaml).
final class GitLabTemplateTests: XCTestCase {
  private static let script = CLI.repository.appendingPathComponent("scripts/check-gitlab-pipeline.py").path

  func testCatalogueExamplePipelineWithTheREADMELinesIsValid() throws {
    let result = try check(snippet: nil)
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertTrue(
      result.output.contains("stages (read-secret, build-app, sonar, docker-build, homolog)"), result.output)
    XCTAssertTrue(result.output.contains("homolog jobs: homolog-collect (homolog), homolog (homolog), homolog-gate (homolog)"), result.output)
  }

  func testAJobInAStageThePipelineDoesNotDeclareIsRefused() throws {
    let snippet = try readmeSnippet().replacingOccurrences(of: "  - homolog\n", with: "")
    let result = try check(snippet: snippet)
    XCTAssertEqual(result.status, 1, result.output)
    XCTAssertTrue(result.output.contains("homolog: stage 'homolog' is not declared in stages"), result.output)
  }

  func testTheCatalogueExamplesUndeclaredSonarStageIsCaught() throws {
    let snippet = try readmeSnippet().replacingOccurrences(of: "  - sonar  ", with: "  # sonar")
    let result = try check(snippet: snippet)
    XCTAssertEqual(result.status, 1, result.output)
    XCTAssertTrue(result.output.contains("sonar-app: stage 'sonar' is not declared"), result.output)
  }

  func testAnImageWithoutVersionOrLatestIsRefused() throws {
    let snippet = try readmeSnippet().replacingOccurrences(of: "homolog:0.1.0-1a2b3c4d-ci\"", with: "homolog:latest\"")
    let result = try check(snippet: snippet)
    XCTAssertEqual(result.status, 1, result.output)
    XCTAssertTrue(result.output.contains("has no version tag (never latest: EXI-ARCH-27)"), result.output)
  }

  func testNeedsThatDoNotResolveAreRefused() throws {
    let snippet = try readmeSnippet()
      .replacingOccurrences(of: "needs: [read_secret, docker-build, sonar-app]", with: "needs: [docker-build, trivy]")
    let result = try check(snippet: snippet)
    XCTAssertEqual(result.status, 1, result.output)
    XCTAssertTrue(result.output.contains("homolog-collect: needs 'trivy', which is not a job of the pipeline"), result.output)
    XCTAssertTrue(result.output.contains("homolog-collect: does not need read_secret"), result.output)
  }

  func testTheTemplateHasOnlyHiddenJobsWithPinnedImages() throws {
    let template = try String(contentsOf: CLI.repository.appendingPathComponent("ci/gitlab/homolog.yml"), encoding: .utf8)
    let topLevelKeys = template.split(separator: "\n").filter { $0.first.map { !$0.isWhitespace && $0 != "#" } ?? false }
    XCTAssertEqual(topLevelKeys, [".homolog:collect:", ".homolog:evaluate:", ".homolog:gate:"])
    XCTAssertEqual(template.components(separatedBy: "\n  when: always\n").count, 4, "every job runs when: always")
    XCTAssertFalse(template.contains(":latest"))
    XCTAssertFalse(template.contains("stage:"), "the project places the jobs in its own homolog stage")
    XCTAssertTrue(template.contains("name: docker.io/curlimages/curl:8.11.1"))
  }

  func testInitFromTheRenderedPipelineListsWhatTheJobsKeep() throws {
    let folder = try CLI.temporaryDirectory()
    let rendered = folder.appendingPathComponent("gitlab-ci-dso.json")
    guard try check(snippet: nil, out: rendered).status == 0 else { return XCTFail("the pipeline does not render") }
    let initialised = try CLI.run(["init", "--from-ci", rendered.path, "--lang", "en"], in: folder)
    XCTAssertEqual(initialised.status, 0, initialised.stderr)
    let project = try String(contentsOf: folder.appendingPathComponent("homolog.yaml"), encoding: .utf8)
    for line in [
      "# - \"homolog-evidence\"   # homolog-collect (.homolog:collect): Harbor scans and the Sonar quality gate, kept as an artifact;",
      "# - \"target/site/jacoco/jacoco.xml\"   # sonar-app: report, kept as an artifact; not here yet: uncomment when it is there",
      "# - \"target/surefire-reports\"   # sonar-app: junit report, kept as an artifact;",
    ] {
      XCTAssertTrue(project.contains(line), "\(line)\n\(project)")
    }
  }

  func testEvaluateSucceedsWhenTheDossierIsWrittenAndTheGateJobFails() throws {
    let template = try String(contentsOf: CLI.repository.appendingPathComponent("ci/gitlab/homolog.yml"), encoding: .utf8)
    // GitLab serves the artifacts of successful jobs only: the evaluate job keeps the dossier as the next baseline.
    XCTAssertTrue(template.contains("echo \"$status\" > homolog-gate/status"))
    XCTAssertTrue(template.contains("[ \"$status\" -le 1 ]"))
    XCTAssertTrue(template.contains("exit \"$status\""))
  }

  private func readmeSnippet() throws -> String {
    let readme = try String(contentsOf: CLI.repository.appendingPathComponent("README.md"), encoding: .utf8)
    let begin = try XCTUnwrap(readme.range(of: "<!-- cpin-pipeline-snippet:begin -->\n```yaml\n"))
    let end = try XCTUnwrap(readme.range(of: "```\n<!-- cpin-pipeline-snippet:end -->"))
    return String(readme[begin.upperBound..<end.lowerBound])
  }

  private func check(snippet: String?, out: URL? = nil) throws -> (status: Int32, output: String) {
    guard let python = ["python3", "/usr/bin/python3"].first(where: { run([$0, "-c", "import yaml"]).status == 0 }) else {
      throw XCTSkip("python3 with PyYAML is not installed (apt-get install python3-yaml)")
    }
    var arguments = [python, Self.script]
    if let snippet {
      let folder = try CLI.temporaryDirectory()
      let file = folder.appendingPathComponent("snippet.yml")
      try Data(snippet.utf8).write(to: file)
      arguments += ["--snippet", file.path]
    }
    if let out { arguments += ["--out", out.path] }
    return run(arguments)
  }

  private func run(_ arguments: [String]) -> (status: Int32, output: String) {
    let result = ChildProcess.run(arguments)
    return (result.status, result.text)
  }
}
