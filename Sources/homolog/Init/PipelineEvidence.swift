import Foundation
import HomologModel
import HomologParsing

/// What a GitLab CI file (a Cloud Pi Native `.gitlab-ci-dso.yml`) says about the evidence its jobs produce.
///
/// From the CPiN catalogue (gitlab-ci-catalog): `.java:sonar` runs the unit tests and JaCoCo, leaving
/// `target/surefire-reports/` and `target/site/jacoco/jacoco.xml` in the job, not kept as artifacts; the other catalogue
/// jobs (build, npm, kaniko/buildkit, helm, sonar-scanner, vault) produce no report file; homolog's own `.homolog:collect`
/// (ci/gitlab/homolog.yml) keeps Harbor's scans and the Sonar gate status in `homolog-evidence/`. A job's own `artifacts:`
/// (`reports: junit`, `coverage_report`, `paths`) are kept and read as they are.
struct PipelineEvidence {
  /// One evidence path a job produces.
  struct Path: Equatable {
    var path: String
    /// The job and why it produces the path, for the comment beside it.
    var origin: String
    /// Whether the job keeps it as an artifact (a later job, or homolog in CI, can read it).
    var kept: Bool
  }

  /// A component inferred from a build job.
  struct Component: Equatable {
    var name: String
    var role: ComponentRole
    var job: String
    var paths: [Path]
  }

  var components: [Component] = []
  /// Paths not tied to a component.
  var shared: [Path] = []
  /// What the pipeline does that leaves no file homolog reads, and how to get one.
  var notes: [Message] = []

  /// Top-level keys of a GitLab CI file that are not jobs.
  private static let reserved: Set<String> = [
    "include", "stages", "variables", "default", "workflow", "image", "services", "cache", "before_script", "after_script",
    "spec",
  ]

  /// Reads a GitLab CI file with the project's YAML parser.
  static func read(_ data: Data, file: String) throws(InputError) -> PipelineEvidence {
    let root = try YAMLParser().parseDocuments(data, file: file).last ?? Node(.mapping([]), line: 1, column: 1)
    guard let pairs = root.pairs else {
      throw InputError("expected a GitLab CI file: a mapping of jobs, found a \(root.kindName)", at: SourceLocation(file: file, line: root.line, column: root.column))
    }
    let globals = variables(root["variables"])
    var result = PipelineEvidence()
    for pair in pairs {
      guard let job = pair.key.string, !job.hasPrefix("."), !reserved.contains(job), pair.value.pairs != nil else { continue }
      result.add(job: job, pair.value, globals: globals)
    }
    return result
  }

  private mutating func add(job: String, _ node: Node, globals: [String: String]) {
    let templates = Self.strings(node["extends"])
    var vars = globals.merging(Self.variables(node["variables"])) { $1 }
    vars["CI_PROJECT_DIR"] = vars["CI_PROJECT_DIR"] ?? "."
    if templates.contains(".npm:build-publish") && vars["WORKING_DIR"] == nil { vars["WORKING_DIR"] = "." }
    let workdir = Self.clean(Self.expand(vars["WORKING_DIR"] ?? "", vars))
    var paths = artifactPaths(job: job, node, vars: vars)

    if templates.contains(".java:sonar") {
      let prefix = workdir.isEmpty ? "" : workdir + "/"
      let kept = Set(paths.map(\.path))
      for (path, what) in [("target/surefire-reports", "JUnit test reports"), ("target/site/jacoco/jacoco.xml", "JaCoCo coverage")]
      where !kept.contains(prefix + path) {
        paths.append(Path(path: prefix + path, origin: "\(job) (.java:sonar): \(what), left in the job, not kept as an artifact", kept: false))
      }
    }
    if templates.contains(".homolog:collect") {
      // ci/gitlab/homolog.yml: Harbor's scans of the pushed images and the Sonar gate status, kept as artifacts.
      paths.append(Path(path: "homolog-evidence", origin: "\(job) (.homolog:collect): Harbor scans and the Sonar quality gate, kept as an artifact", kept: true))
    }
    let builds: [(String, ComponentRole)] = [(".java:sonar", .backend), (".java:build", .backend), (".java:deploy", .backend), (".npm:build-publish", .frontend)]
    if let role = builds.first(where: { templates.contains($0.0) })?.1 {
      let name = workdir.isEmpty ? job : (workdir as NSString).lastPathComponent
      if let index = components.firstIndex(where: { $0.name == name }) {
        components[index].paths += paths.filter { !components[index].paths.contains($0) }
      } else {
        components.append(Component(name: name, role: role, job: job, paths: paths))
      }
    } else {
      shared += paths.filter { !shared.contains($0) }
    }
    if templates.contains(".sonar:sonar-scanner") || templates.contains(".java:sonar") {
      note(Message("next.pipeline.sonar", [MessageArg("job", job)]))
    }
    if templates.contains(where: { $0.hasPrefix(".kaniko:") || $0.hasPrefix(".buildkit:") }) {
      note(Message("next.pipeline.image", [MessageArg("job", job)]))
    }
    if templates.contains(".helm:build-push") {
      note(Message("next.pipeline.helm", [MessageArg("job", job)]))
    }
  }

  private mutating func note(_ message: Message) {
    if !notes.contains(message) { notes.append(message) }
  }

  /// The report files a job keeps: `artifacts: reports` (junit, coverage_report, scanners' JSON) and report-like `paths`.
  private func artifactPaths(job: String, _ node: Node, vars: [String: String]) -> [Path] {
    guard let artifacts = node["artifacts"], artifacts.pairs != nil else { return [] }
    var found: [Path] = []
    func add(_ raw: String, _ what: String) {
      let path = Self.folderOfGlob(Self.clean(Self.expand(raw, vars)))
      guard !path.isEmpty, !found.contains(where: { $0.path == path }) else { return }
      found.append(Path(path: path, origin: "\(job): \(what), kept as an artifact", kept: true))
    }
    if let reports = artifacts["reports"], let pairs = reports.pairs {
      for pair in pairs {
        guard let kind = pair.key.string else { continue }
        if kind == "coverage_report" {
          for path in Self.strings(pair.value["path"]) { add(path, "coverage report") }
        } else if kind != "dotenv" && kind != "metrics" && kind != "terraform" {
          for path in Self.strings(pair.value) { add(path, "\(kind) report") }
        }
      }
    }
    for path in Self.strings(artifacts["paths"]) where Self.looksLikeReport(path) { add(path, "report") }
    return found
  }

  /// A path that names a report file homolog may read (by extension or name), not a build output.
  private static func looksLikeReport(_ path: String) -> Bool {
    let lowered = path.lowercased()
    return [".xml", ".json", ".sarif", ".info", ".lcov"].contains { lowered.hasSuffix($0) } || lowered.contains("report")
  }

  /// A text or a list of texts.
  private static func strings(_ node: Node?) -> [String] {
    guard let node else { return [] }
    if let items = node.items { return items.compactMap(\.string) }
    return node.string.map { [$0] } ?? []
  }

  /// A `variables:` mapping (values may be `{value: …, description: …}`).
  private static func variables(_ node: Node?) -> [String: String] {
    var result: [String: String] = [:]
    for pair in node?.pairs ?? [] {
      guard let key = pair.key.string else { continue }
      if let text = pair.value.string ?? pair.value["value"]?.string { result[key] = text }
    }
    return result
  }

  /// `$NAME` and `${NAME}` replaced by the job's variables, the longest name read (`$WORKING_DIR_X` is
  /// `WORKING_DIR_X`, never `WORKING_DIR` then `_X`); a value's own variables expanded in turn, a few levels deep;
  /// unknown variables and `$$` kept as written.
  private static func expand(_ text: String, _ vars: [String: String], depth: Int = 0) -> String {
    let scalars = Array(text.unicodeScalars)
    func isName(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
      scalar == "_" || (scalar.isASCII && (first ? CharacterSet.letters : CharacterSet.alphanumerics).contains(scalar))
    }
    var out = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      guard scalar == "$", index + 1 < scalars.count else {
        out.append(scalar)
        index += 1
        continue
      }
      if scalars[index + 1] == "$" {
        out.append(contentsOf: "$$".unicodeScalars)
        index += 2
        continue
      }
      let braced = scalars[index + 1] == "{"
      var end = index + (braced ? 2 : 1)
      let start = end
      while end < scalars.count, isName(scalars[end], first: end == start) { end += 1 }
      let name = String(String.UnicodeScalarView(scalars[start..<end]))
      let closed = !braced || (end < scalars.count && scalars[end] == "}")
      guard !name.isEmpty, closed, let value = vars[name] else {
        out.append(scalar)
        index += 1
        continue
      }
      out.append(contentsOf: (depth < 8 ? expand(value, vars, depth: depth + 1) : value).unicodeScalars)
      index = braced ? end + 1 : end
    }
    return String(out)
  }

  /// `./a/b/` → `a/b`; `.` → empty.
  private static func clean(_ path: String) -> String {
    var text = path.trimmingCharacters(in: .whitespaces)
    while text.hasPrefix("./") { text.removeFirst(2) }
    while text.hasSuffix("/") { text.removeLast() }
    return text == "." ? "" : text
  }

  /// A glob (`target/surefire-reports/TEST-*.xml`) stands for its folder; homolog reads folders whole.
  private static func folderOfGlob(_ path: String) -> String {
    guard path.contains("*") || path.contains("?") else { return path }
    let parts = path.split(separator: "/")
    let fixed = parts.prefix { !$0.contains("*") && !$0.contains("?") }
    return fixed.joined(separator: "/")
  }
}
