import Foundation
import HomologEvaluate
import HomologIngest
import HomologModel
import HomologParsing
import HomologProject
import HomologRender
import HomologResources

/// Loads what an evaluation needs: configuration, catalogue, evidence, attestations, derogations.
enum Pipeline {
  /// The current directory, for resolving command-line paths and showing them relative.
  static var currentDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

  /// A command-line path as a URL (relative to the current directory).
  static func url(_ path: String) -> URL {
    (path.hasPrefix("/") ? URL(fileURLWithPath: path) : currentDirectory.appendingPathComponent(path)).standardizedFileURL
  }

  /// The built-in catalogue, or the given file, validated against the built-in checks.
  static func catalogue(_ url: URL?, displayPath: String? = nil) throws(InputError) -> Catalogue {
    if let url {
      let shown = displayPath ?? url.path
      let data = try FileInput.readWhole(url, displayPath: shown, limit: 16 << 20)
      return try CatalogueLoader.loadValid(data, file: shown, knownChecks: AllChecks.ids)
    }
    guard let data = Resources.builtIn(Resources.defaultCataloguePath) else {
      throw Terminal.inputError("catalogue.missing-built-in")
    }
    return try CatalogueLoader.loadValid(data, file: Resources.defaultCataloguePath, knownChecks: AllChecks.ids)
  }

  /// The evaluation date: `--as-of`, else `SOURCE_DATE_EPOCH`, else today (UTC).
  static func asOf(_ option: String?) throws(CommandError) -> Day {
    if let option {
      guard let day = Day(option) else { throw .usage(Message("usage.as-of", [MessageArg("value", option)]), command: nil) }
      return day
    }
    if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
      guard let seconds = Int(epoch) else { throw .usage(Message("usage.source-date-epoch", [MessageArg("value", epoch)]), command: nil) }
      return Day(unixSeconds: seconds)
    }
    return Day(unixSeconds: Int(Date().timeIntervalSince1970))
  }

  /// `--config`: the file, or `FOLDER/homolog.yaml` when it names a folder.
  static func projectFile(_ path: String) -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url(path).path, isDirectory: &isDirectory), isDirectory.boolValue else { return path }
    return join(path, "homolog.yaml")
  }

  /// A name inside a folder given on the command line, as the user would write it (`out/` or `out` and `x` give
  /// `out/x`), joined with URL path APIs.
  static func join(_ folder: String, _ name: String) -> String {
    let base = URL(fileURLWithPath: "/", isDirectory: true)
    let joined = URL(fileURLWithPath: folder, isDirectory: true, relativeTo: base).appendingPathComponent(name)
    return folder.hasPrefix("/") ? joined.path : joined.relativePath
  }

  /// `--lang`: fr or en (nil when not given); anything else is a usage error with a suggestion.
  static func lang(_ option: String?) throws(CommandError) -> String? {
    guard let option else { return nil }
    guard TranslationTable.languages.contains(option) else {
      throw .usage(Terminal.problem("usage.lang", [MessageArg("value", option)], closestTo: option, in: TranslationTable.languages), command: nil)
    }
    return option
  }

  /// `--format a,b`: the names, each known (a usage error names an unknown one with a suggestion); nil when not given.
  static func formats(_ option: String?, known: [String]) throws(CommandError) -> [String]? {
    guard let option else { return nil }
    let names = option.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard !names.isEmpty else { throw .usage(Message("usage.format-empty", [MessageArg("expected", known.joined(separator: ", "))]), command: nil) }
    if let unknown = names.first(where: { !known.contains($0) }) {
      throw .usage(
        Terminal.problem("usage.format-unknown", [MessageArg("name", unknown), MessageArg("expected", known.joined(separator: ", "))], closestTo: unknown, in: known),
        command: nil)
    }
    return names
  }

  /// `--max-file-mb N`: the largest evidence file read, in MB (10^6 bytes); default 1000.
  static func maxFileBytes(_ option: String?) throws(CommandError) -> Int {
    guard let option else { return EvidenceCollector.defaultMaxFileBytes }
    guard let megabytes = Int(option), megabytes > 0, megabytes <= 1 << 20 else {
      throw .usage(Message("usage.max-file-mb", [MessageArg("value", option)]), command: nil)
    }
    return megabytes * 1_000_000
  }

  /// Everything needed to evaluate a project, ready for the evaluator.
  static func load(
    config configURL: URL, configDisplay: String, extraEvidence: [URL], asOf: Day, lang: String, keepGoing: Bool,
    maxFileBytes: Int = EvidenceCollector.defaultMaxFileBytes
  ) throws(InputError) -> (EvaluationInput, ProjectConfig, [StaleReference]) {
    guard FileManager.default.fileExists(atPath: configURL.path) else {
      throw InputError(
        Message("path.config-missing", [MessageArg("path", configDisplay)]), english: "project file does not exist", at: SourceLocation(file: configDisplay))
    }
    for url in extraEvidence where !FileManager.default.fileExists(atPath: url.path) {
      let shown = display(url, base: currentDirectory)
      throw InputError(
        Message("path.option-missing", [MessageArg("path", shown), MessageArg("option", "--evidence")]), english: "evidence path does not exist",
        at: SourceLocation(file: shown))
    }
    let config = try ProjectConfigLoader.load(configURL, displayPath: configDisplay)
    let declared = [("catalogue", config.catalogue), ("attestations", config.attestations), ("derogations", config.derogations)]
    for case let (what, url?) in declared {
      try checkDeclared(url, what: what, folder: false, config: config, configDisplay: configDisplay)
    }
    let catalogue = try catalogue(config.catalogue, displayPath: config.catalogue.map { display($0, base: config.baseDirectory) })
    try config.checkActions(against: catalogue)
    for path in config.allEvidencePaths {
      try checkDeclared(path, what: "evidence", folder: true, config: config, configDisplay: configDisplay)
    }
    let collector = EvidenceCollector(
      baseDirectory: config.baseDirectory, maxFileBytes: maxFileBytes, progress: Console.progress(Terminal.text("progress.reading-evidence")))
    let collected = try collector.collect(config.allEvidencePaths + extraEvidence, keepGoing: keepGoing)

    let byPath = config.components.map { component in
      let prefixes = component.evidence.map { $0.standardizedFileURL.path }
      let files = collected.files.filter { file in
        let path = config.baseDirectory.appendingPathComponent(file.id).standardizedFileURL.path
        let absolute = file.id.hasPrefix("/") ? file.id : path
        return prefixes.contains { absolute == $0 || absolute.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
      }.map(\.id)
      return ComponentEvidence(name: component.name, role: component.role, files: files)
    }
    let components = ReportAttribution.attribute(byPath, files: collected.files)
    let history = try history(of: catalogue, declared: config.catalogue != nil)
    var stale: [StaleReference] = []
    var attestations: [Attestation] = []
    if let url = config.attestations {
      attestations = try DeclarationsLoader.attestations(
        url, displayPath: display(url, base: config.baseDirectory), catalogue: catalogue, history: history, stale: &stale,
        baseDirectory: config.baseDirectory, display: { display($0, base: config.baseDirectory) })
    }
    var derogations: [Derogation] = []
    if let url = config.derogations {
      derogations = try DeclarationsLoader.derogations(
        url, displayPath: display(url, base: config.baseDirectory), catalogue: catalogue, history: history, stale: &stale)
    }
    let project = ProjectSummary(
      name: config.name, version: config.version, organisation: config.organisation, context: config.context,
      components: config.components.map { ComponentSummary(name: $0.name, role: $0.role) })
    let evidence = EvidenceSet(
      files: ReportAttribution.assign(collected.files, components: components), components: components, policy: config.policy, context: config.context, asOf: asOf)
    var input = EvaluationInput(
      generator: ToolInfo(name: "homolog", version: CommandLineTool.version), catalogue: catalogue, project: project,
      evidence: evidence, ignored: collected.ignored, unreadable: collected.unreadable, attestations: attestations,
      derogations: derogations, asOf: asOf, lang: lang, gate: config.gate, decision: config.decision)
    input.staleDeclarations = stale.map(\.record)
    return (input, config, stale)
  }

  /// Where stale ids are looked up when a project declares its own catalogue: the built-in one (nil when the project
  /// uses the built-in catalogue, or a copy of it).
  private static func history(of catalogue: Catalogue, declared: Bool) throws(InputError) -> RequirementHistory? {
    guard declared else { return nil }
    let builtIn = try Pipeline.catalogue(nil)
    return builtIn.sha256 == catalogue.sha256 ? nil : RequirementHistory(reference: builtIn, current: catalogue)
  }

  /// What a declared path is, in the English of the project loader's messages (`PathConfinement`).
  private static let englishNames = [
    "catalogue": "catalogue", "attestations": "attestations file", "derogations": "derogations file", "evidence": "evidence path",
  ]

  /// A path homolog.yaml declares: inside the project folder, existing, a file unless a folder is allowed; errors are
  /// located at the line declaring it.
  private static func checkDeclared(_ url: URL, what: String, folder: Bool, config: ProjectConfig, configDisplay: String) throws(InputError) {
    let shown = display(url, base: config.baseDirectory)
    let location = config.sources.location(of: url) ?? SourceLocation(file: configDisplay)
    do {
      try PathConfinement.check(url, inside: config.baseDirectory, shown: shown, declaredIn: configDisplay, what: englishNames[what] ?? what)
    } catch {
      throw InputError(error.message, at: location)
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      let key = what == "evidence" ? "path.missing-evidence" : "path.missing"
      throw Terminal.inputError(key, [MessageArg("what", what), MessageArg("path", shown)], at: location)
    }
    if isDirectory.boolValue && !folder {
      throw Terminal.inputError("path.is-folder", [MessageArg("what", what), MessageArg("path", shown)], at: location)
    }
  }

  /// A path shown relative to a base folder when inside it.
  static func display(_ url: URL, base: URL) -> String {
    let path = url.standardizedFileURL.path
    let prefix = base.standardizedFileURL.path.hasSuffix("/") ? base.standardizedFileURL.path : base.standardizedFileURL.path + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}
