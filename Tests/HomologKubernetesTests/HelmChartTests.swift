import Foundation
import HomologEvaluate
import HomologIngest
import HomologKubernetes
import HomologModel
import XCTest

/// homolog's own Helm chart (`deploy/helm/homolog/`): its committed rendering is what `scripts/render-chart.py`
/// renders from the templates and `ci/default-values.yaml`, and those manifests pass every Kubernetes check of
/// homolog, every platform admission rule homolog predicts, and the rule it does not predict for Job pods
/// (need-liveness-readiness), checked here on the rule's own terms; each Job's collector script lays out what it
/// fetches from GitLab as homolog expects it.
final class HelmChartTests: XCTestCase {
  private static let chart = Fixtures.repository.appendingPathComponent("deploy/helm/homolog")
  private static let rendering = Fixtures.repository.appendingPathComponent("deploy/helm/homolog-rendered.yaml")

  /// The rendering's evidence, read as `homolog evaluate` reads it.
  private func evidence(environments: [String]?) throws -> EvidenceSet {
    let root = Self.rendering.deletingLastPathComponent()
    let collected = try EvidenceCollector(baseDirectory: root).collect([Self.rendering])
    XCTAssertEqual(collected.ignored.map(\.path), [])
    XCTAssertEqual(collected.files.map(\.provenance.format), ["kubernetes-yaml"])
    return EvidenceSet(files: collected.files, context: ProjectContext(environments: environments))
  }

  func testRenderingPassesEveryKubernetesCheckThatHasSomethingToJudge() throws {
    let evidence = try evidence(environments: ["prod"])
    XCTAssertEqual(
      evidence.files.flatMap(\.kubernetes).map { "\($0.kind)/\($0.name)" },
      ["PersistentVolumeClaim/homolog-data", "Job/homolog-eval-rhab", "Job/homolog-eval-annuaire", "CronJob/homolog-portfolio"])
    // What a chart of Jobs and a CronJob gives nothing to judge: no long-running workload (probes, health endpoints,
    // replicas), no port (homolog listens on none), no Service, ConfigMap, Secret or Argo CD Application (the console
    // creates it).
    let nothingToJudge: Set<String> = [
      "k8s.probes", "k8s.health-endpoints", "k8s.high-availability", "k8s.unprivileged-ports", "k8s.argocd-application",
      "k8s.configmap-no-credentials", "k8s.secret-no-private-key", "k8s.no-nodeport", "k8s.no-session-affinity",
    ]
    for check in TestEvidence.kubernetesChecks {
      let result = check.evaluate(evidence)
      XCTAssertNotEqual(result.outcome, .fail, check.id)
      XCTAssertEqual(result.outcome, nothingToJudge.contains(check.id) ? .noEvidence : .pass, check.id)
      XCTAssertEqual(
        result.problems.map { "\($0.location?.description ?? "") \($0.message.key)" }, [], "\(check.id) has problems")
    }
  }

  /// EXI-ARCH-26: the chart imposes nothing in its securityContexts, not even the restrictive settings the
  /// platform's SCC applies anyway (no privilege escalation, capabilities dropped, seccomp profile), so the check
  /// passes with no observation at all; what remains is `runAsNonRoot` and `readOnlyRootFilesystem`, which it allows.
  func testRenderingImposesNoSecurityContextField() throws {
    let evidence = try evidence(environments: ["prod"])
    let result = SecurityContextUnsetCheck().evaluate(evidence)
    XCTAssertEqual(result.outcome, .pass)
    XCTAssertEqual(result.observations.map(\.message.key), [])
    var fields: [String] = []
    for workload in evidence.files.flatMap(\.kubernetes).compactMap(Workload.init) {
      fields += (workload.podSecurityContext?.pairs ?? []).map { "pod \($0.key.string ?? "")" }
      for container in workload.containers {
        fields += (container.securityContext?.pairs ?? []).map { "\(container.name) \($0.key.string ?? "")" }
      }
    }
    XCTAssertEqual(
      fields,
      [
        "pod runAsNonRoot", "homolog readOnlyRootFilesystem", "collect readOnlyRootFilesystem",
        "pod runAsNonRoot", "homolog readOnlyRootFilesystem", "collect readOnlyRootFilesystem",
        "pod runAsNonRoot", "homolog readOnlyRootFilesystem",
      ])
  }

  /// Kyverno need-liveness-readiness (ENFORCE in production): "Assure que tous les conteneurs ont l'une des trois
  /// sondes (Liveness, Readiness ou Startup)". The doc excepts no kind, and Kyverno applies Pod rules to the pods
  /// Jobs and CronJobs create, so homolog's pods must carry one. homolog's own prediction (`k8s.probes`) judges
  /// long-running workloads only and says no evidence here: this test applies the rule's text itself to every
  /// regular container of the rendering (init containers cannot carry probes in Kubernetes).
  func testEveryContainerOfTheJobsAndTheCronJobHasAProbeTheImageCanRun() throws {
    let workloads = try evidence(environments: ["prod"]).files.flatMap(\.kubernetes).compactMap(Workload.init)
    XCTAssertEqual(workloads.map(\.object.kind), ["Job", "Job", "CronJob"])
    var probed: [String] = []
    for workload in workloads {
      for container in workload.containers([.regular]) {
        let probes = ["livenessProbe", "readinessProbe", "startupProbe"].filter { container[$0].map { !$0.isNull } ?? false }
        XCTAssertEqual(probes, ["startupProbe"], "\(workload.object.name)/\(container.name)")
        // An exec probe of the binary itself: the image has no shell, and homolog listens on no port.
        let command = container["startupProbe"]?["exec"]?["command"]?.items?.compactMap(\.string)
        XCTAssertEqual(command, ["/usr/local/bin/homolog", "--version"], "\(workload.object.name)/\(container.name)")
        probed.append("\(workload.object.name)/\(container.name)")
      }
    }
    XCTAssertEqual(probed, ["homolog-eval-rhab/homolog", "homolog-eval-annuaire/homolog", "homolog-portfolio/homolog"])
  }

  /// The collector's script, as rendered for `rhab`, run by busybox's sh (the shell of a curl image) with a stub
  /// `curl` that records each URL and answers like GitLab: homolog.yaml from the files API, a zip from each job's
  /// artifacts. Only the two absolute roots are moved into a temporary folder.
  func testCollectorFetchesTheConfigAndEachJobsArtifactsIntoTheApplicationsFolder() throws {
    guard let busybox = ["/bin/busybox", "/usr/bin/busybox"].first(where: FileManager.default.isExecutableFile) else {
      throw XCTSkip("busybox is not installed (apt-get install busybox-static)")
    }
    let job = try XCTUnwrap(try evidence(environments: nil).files.flatMap(\.kubernetes).compactMap(Workload.init).first)
    XCTAssertEqual(job.object.name, "homolog-eval-rhab")
    let collector = try XCTUnwrap(job.containers([.initContainer]).first)
    let command = try XCTUnwrap(collector["command"]?.items?.compactMap(\.string))
    XCTAssertEqual(Array(command.prefix(2)), ["/bin/sh", "-c"])
    var environment: [String: String] = ["GITLAB_TOKEN": "glpat-test"]
    for variable in collector["env"]?.items ?? [] {
      if let name = variable["name"]?.string, let value = variable["value"]?.string { environment[name] = value }
    }
    let root = try TemporaryFolders.make("homolog-collector")
    let bin = root.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    for applet in ["sh", "sed", "dirname", "mkdir", "rm", "cp", "unzip", "cat"] {
      try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent(applet).path, withDestinationPath: busybox)
    }
    let zip = root.appendingPathComponent("artifacts.zip").path
    let made = Self.run([
      "python3", "-c",
      "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], 'w'); z.writestr('homolog-evidence/harbor/web.json', '{}'); z.close()",
      zip,
    ])
    XCTAssertEqual(made.status, 0, made.error)
    let log = root.appendingPathComponent("urls").path
    try """
      #!\(busybox) sh
      while [ $# -gt 0 ]; do
        case "$1" in --output) out="$2"; shift ;; --header) echo "$2" >> \(log).headers; shift ;; http*) url="$1" ;; esac
        shift
      done
      echo "$url" >> \(log)
      case "$url" in *"/jobs/artifacts/"*) cp \(zip) "$out" ;; *) echo "project: {name: rhab}" > "$out" ;; esac

      """.write(to: bin.appendingPathComponent("curl"), atomically: true, encoding: .utf8)
    XCTAssertEqual(Self.run(["chmod", "+x", bin.appendingPathComponent("curl").path]).status, 0)
    let script = command[2]
      .replacingOccurrences(of: "/data/evidence", with: root.appendingPathComponent("evidence").path)
      .replacingOccurrences(of: "/tmp/artifacts.zip", with: root.appendingPathComponent("download.zip").path)
    environment["PATH"] = bin.path
    let result = Self.run([busybox, "sh", "-c", script], environment: environment)
    XCTAssertEqual(result.status, 0, result.error)
    XCTAssertEqual(result.output, "collected 4242@main: homolog.yaml and the artifacts of homolog-collect build\n")
    let api = "https://gitlab.apps.c6.numerique-interieur.com/api/v4/projects/4242"
    XCTAssertEqual(
      try String(contentsOfFile: log, encoding: .utf8),
      [
        "\(api)/repository/files/homolog.yaml/raw?ref=main", "\(api)/jobs/artifacts/main/download?job=homolog-collect",
        "\(api)/jobs/artifacts/main/download?job=build", "",
      ].joined(separator: "\n"))
    XCTAssertEqual(try String(contentsOfFile: log + ".headers", encoding: .utf8), String(repeating: "PRIVATE-TOKEN: glpat-test\n", count: 3))
    let folder = root.appendingPathComponent("evidence/rhab")
    XCTAssertEqual(
      try String(contentsOf: folder.appendingPathComponent("homolog.yaml"), encoding: .utf8), "project: {name: rhab}\n")
    XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("homolog-evidence/harbor/web.json").path))
    XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("download.zip").path))
  }

  func testRenderingIsAdmittedInProductionByEveryPlatformRule() throws {
    let catalogue = Catalogue(id: "t", title: "T", version: "1", source: nil, requirements: [], sha256: "0")
    let context = ProjectContext(environments: ["prod"])
    let dossier = Evaluator.evaluate(
      EvaluationInput(
        generator: ToolInfo(name: "homolog", version: "test"), catalogue: catalogue,
        project: ProjectSummary(name: "homolog", version: nil, organisation: nil, context: context, components: []),
        evidence: try evidence(environments: ["prod"]), asOf: Day("2026-12-02")!, lang: "fr"))
    let outcomes = Dictionary(uniqueKeysWithValues: dossier.admission.map { ($0.policy, $0.outcome) })
    XCTAssertEqual(dossier.admission.count, PlatformRules.list.count)
    XCTAssertEqual(
      outcomes,
      [
        "check-labels": .admitted, "cm-no-credentials": .noEvidence, "disallow-latest": .admitted,
        "disallow-hostpath": .admitted, "limit-size-pvc": .admitted, "need-containers-ressources": .admitted,
        // need-liveness-readiness judges the Jobs' and the CronJob's containers too, as Kyverno does.
        "restrict-image-registry": .admitted, "restrict-nodeport": .noEvidence, "need-liveness-readiness": .admitted,
        "job-history": .admitted,
      ])
    XCTAssertEqual(dossier.admission.flatMap(\.entries).count, 0, "nothing refused, audited or rewritten")
  }

  func testCommittedRenderingIsTheTemplatesRendering() throws {
    let values = Self.chart.appendingPathComponent("ci/default-values.yaml").path
    let result = try Self.render([Self.chart.path, "-f", values])
    XCTAssertEqual(result.status, 0, result.error)
    XCTAssertEqual(
      result.output, try String(contentsOf: Self.rendering, encoding: .utf8),
      "regenerate: scripts/render-chart.py deploy/helm/homolog -f deploy/helm/homolog/ci/default-values.yaml > deploy/helm/homolog-rendered.yaml"
    )
  }

  func testRenderingWithoutAnImageTagIsRefused() throws {
    let result = try Self.render([Self.chart.path])
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(result.output, "")
    XCTAssertTrue(result.error.contains("image.tag: VERSION-COMMIT, as scripts/build-image.sh tags it"), result.error)
  }

  /// Runs `scripts/render-chart.py` with python3 (with its yaml module, as .ci/run installs it).
  private static func render(_ arguments: [String]) throws -> ChildProcess.Result {
    // The first python3 on PATH, else Debian's own (where apt-get puts python3-yaml).
    guard let python = ["python3", "/usr/bin/python3"].first(where: { run([$0, "-c", "import yaml"]).status == 0 }) else {
      throw XCTSkip("python3 with its yaml module is not installed (apt-get install python3-yaml)")
    }
    return run([python, Fixtures.repository.appendingPathComponent("scripts/render-chart.py").path] + arguments)
  }

  private static func run(_ arguments: [String], environment: [String: String]? = nil) -> ChildProcess.Result {
    ChildProcess.run(arguments, environment: environment)
  }
}
