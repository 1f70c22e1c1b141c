import Foundation
import HomologModel
import HomologParsing

/// Reads homolog.yaml: project identity, context, components, evidence paths, policy.
public enum ProjectConfigLoader {
  /// Loads and validates the configuration file at `url`; `displayPath` names it in messages.
  public static func load(_ url: URL, displayPath: String) throws(InputError) -> ProjectConfig {
    let data = try FileInput.readWhole(url, displayPath: displayPath, limit: 16 << 20)
    return try parse(data, file: displayPath, baseDirectory: url.deletingLastPathComponent(), url: url)
  }

  static func parse(_ data: Data, file: String, baseDirectory: URL, url: URL) throws(InputError) -> ProjectConfig {
    let root = try YAMLParser().parseDocument(data, file: file)
    let top = try YAMLFields(root, file: file, context: "homolog.yaml", isRoot: true)
    try top.rejectUnknown(["project", "context", "catalogue", "components", "evidence", "attestations", "derogations", "policy", "decision"])
    guard let project = try top.mapping("project") else { throw top.error(Message("project.missing"), "missing required key 'project' (name, version, organisation)") }
    try project.rejectUnknown(["name", "version", "organisation"])

    var context = ProjectContext()
    if let fields = try top.mapping("context") {
      try fields.rejectUnknown([
        "exposure", "data_sensitivity", "personal_data", "hosting", "procurement", "deployment", "environments",
      ])
      context.exposure = try fields.enumValue("exposure", Exposure.self)
      context.dataSensitivity = try fields.enumValue("data_sensitivity", DataSensitivity.self)
      context.personalData = try fields.bool("personal_data")
      context.hosting = try fields.enumValue("hosting", Hosting.self)
      context.procurement = try fields.bool("procurement")
      context.deployment = try fields.enumValue("deployment", DeploymentMethod.self)
      context.environments = try environments(fields)
    }

    func resolve(_ path: String) -> URL {
      path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)
    }
    var sources = ProjectSources()
    /// Records where each path of a key was written.
    func locate(_ fields: YAMLFields, _ key: String) {
      for node in fields.listNodes(key) {
        guard let text = node.string else { continue }
        sources.paths[resolve(text).standardizedFileURL.path] = YAMLFields.location(node, file)
      }
    }

    var components: [ComponentConfig] = []
    var names = Set<String>()
    for (index, node) in (try top.list("components") ?? []).enumerated() {
      let fields = try YAMLFields(node, file: file, context: "components[\(index)]")
      try fields.rejectUnknown(["name", "role", "evidence"])
      let name = try fields.requiredString("name")
      guard names.insert(name).inserted else { throw fields.error(
          Message("components.duplicate-name", [MessageArg("context", "components[\(index)]"), MessageArg("name", name)]),
          "components[\(index)]: duplicate component name '\(name)'") }
      guard let role = try fields.enumValue("role", ComponentRole.self) else {
        throw fields.error(
          Message("yaml.missing-key", [MessageArg("context", "components[\(index)]"), MessageArg("key", "role")]), "components[\(index)]: missing required key 'role'")
      }
      components.append(ComponentConfig(name: name, role: role, evidence: (try fields.stringList("evidence") ?? []).map(resolve)))
      locate(fields, "evidence")
    }
    // Declared components state the project's roles; none declared states nothing.
    context.roles = components.isEmpty ? nil : components.map(\.role)

    let policyFields = try top.mapping("policy")
    let (policy, gate) = try parsePolicy(policyFields)
    for key in ["evidence", "catalogue", "attestations", "derogations"] { locate(top, key) }
    sources.gate = policyFields.map { $0.listNodes("gate").map { YAMLFields.location($0, file) } } ?? []
    var config = ProjectConfig(
      file: url, baseDirectory: baseDirectory, name: try project.requiredString("name"), version: try project.string("version"),
      organisation: try project.string("organisation"), context: context, catalogue: try top.string("catalogue").map(resolve),
      components: components, evidence: (try top.stringList("evidence") ?? []).map(resolve),
      attestations: try top.string("attestations").map(resolve), derogations: try top.string("derogations").map(resolve),
      policy: policy, gate: gate)
    let (decision, actions) = try DecisionPolicyLoader.parse(try top.mapping("decision"))
    sources.actions = actions
    config.decision = decision
    config.sources = sources
    return config
  }

  /// `context.environments`: distinct, non-empty names; nil when absent.
  private static func environments(_ fields: YAMLFields) throws(InputError) -> [String]? {
    guard let names = try fields.stringList("environments") else { return nil }
    var seen = Set<String>()
    for (index, name) in names.enumerated() {
      let node = fields.node["environments"]?.items?[index]
      guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw fields.error(Message("environments.empty"), "context.environments: an environment name is empty", at: node)
      }
      guard seen.insert(name).inserted else { throw fields.error(
          Message("environments.duplicate", [MessageArg("name", name)]), "context.environments: duplicate environment '\(name)'", at: node) }
    }
    return names
  }

  /// The `policy:` section of a homolog.yaml (other sections are not required and not read), as `compare --policy`
  /// applies it: thresholds validated as for `evaluate`; a file without a `policy:` section is an error.
  public static func loadPolicy(_ url: URL, displayPath: String) throws(InputError) -> Policy {
    let data = try FileInput.readWhole(url, displayPath: displayPath, limit: 16 << 20)
    let root = try YAMLParser().parseDocument(data, file: displayPath)
    let top = try YAMLFields(root, file: displayPath, context: "homolog.yaml", isRoot: true)
    try top.rejectUnknown(["project", "context", "catalogue", "components", "evidence", "attestations", "derogations", "policy", "decision"])
    guard let fields = try top.mapping("policy") else {
      throw top.error(Message("policy.missing"), "no 'policy:' section: the evaluator's thresholds are read from it (vulnerabilities, coverage…)")
    }
    return try parsePolicy(fields).0
  }

  private static func parsePolicy(_ fields: YAMLFields?) throws(InputError) -> (Policy, [String]) {
    var policy = Policy()
    guard let fields else { return (policy, ["eliminatory"]) }
    try fields.rejectUnknown([
      "vulnerabilities", "coverage", "sast_blocking_severity", "attestation_max_age_days", "derogation_warning_days",
      "allowed_registries", "gate", "regression_severity", "coverage_tolerance",
    ])
    if let limits = try fields.mapping("vulnerabilities") {
      try limits.rejectUnknown(Set(Severity.allCases.map(\.rawValue)))
      for severity in Severity.allCases where limits.node[severity.rawValue] != nil {
        // An explicit null lifts the limit.
        let value = try limits.int(severity.rawValue)
        if let value, value < 0 { throw limits.error(
            Message("policy.at-least-zero", [MessageArg("field", "policy.vulnerabilities.\(severity.rawValue)")]),
            "policy.vulnerabilities.\(severity.rawValue): expected 0 or more", at: limits.node[severity.rawValue]) }
        policy.vulnerabilities[severity] = value
      }
    }
    if let coverage = try fields.mapping("coverage") {
      try coverage.rejectUnknown(Set(ComponentRole.allCases.map(\.rawValue)))
      var thresholds: [CoverageThreshold] = []
      for role in ComponentRole.allCases {
        if let minimum = try coverage.double(role.rawValue) {
          guard (0...100).contains(minimum) else { throw coverage.error(
              Message("policy.percent", [MessageArg("field", "policy.coverage.\(role.rawValue)")]),
              "policy.coverage.\(role.rawValue): expected a percent between 0 and 100", at: coverage.node[role.rawValue]) }
          thresholds.append(CoverageThreshold(role: role, minimum: minimum))
        } else if let existing = policy.coverageMinimum(for: role), coverage.node[role.rawValue] == nil {
          thresholds.append(CoverageThreshold(role: role, minimum: existing))
        }
      }
      policy.coverage = thresholds
    }
    policy.sastBlockingSeverity = try fields.enumValue("sast_blocking_severity", Severity.self) ?? policy.sastBlockingSeverity
    for key in ["attestation_max_age_days", "derogation_warning_days"] {
      if let days = try fields.int(key), days < 0 {
        throw fields.error(Message("policy.days", [MessageArg("field", "policy.\(key)")]), "policy.\(key): expected 0 or more days", at: fields.node[key])
      }
    }
    policy.attestationMaxAgeDays = try fields.int("attestation_max_age_days") ?? policy.attestationMaxAgeDays
    policy.derogationWarningDays = try fields.int("derogation_warning_days") ?? policy.derogationWarningDays
    policy.allowedRegistries = try fields.stringList("allowed_registries") ?? policy.allowedRegistries
    policy.regressionSeverity = try fields.enumValue("regression_severity", Severity.self) ?? policy.regressionSeverity
    if let tolerance = try fields.double("coverage_tolerance") {
      guard (0...100).contains(tolerance) else {
        throw fields.error(
          Message("policy.points", [MessageArg("field", "policy.coverage_tolerance")]), "policy.coverage_tolerance: expected points between 0 and 100",
          at: fields.node["coverage_tolerance"])
      }
      policy.coverageTolerance = tolerance
    }
    let gate = try fields.stringList("gate") ?? ["eliminatory"]
    return (policy, gate)
  }
}
