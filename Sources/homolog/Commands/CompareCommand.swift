import Foundation
import HomologEvaluate
import HomologModel
import HomologProject
import HomologRender

/// `homolog compare A.json B.json …`: ranks bids for a procurement evaluator.
enum CompareCommand: Command {
  static let name = "compare"
  static let synopsis = ["A B … [options]"]
  static let options: [Option] = [
    .value("--out", "DIR", completion: .directory),
    .flag("--force"),
    .value("--format", "FORMAT", completion: .choices(ComparisonReport.files.map(\.format))),
    .value("--policy", "FILE", completion: .file),
    .flag("--allow-mixed-policies"),
    .flag("--common"),
    .value("--scale", "N"),
    .flag("--anonymize"),
    .value("--mapping", "FILE", completion: .file),
    .value("--lang", "fr|en", completion: .choices(["fr", "en"])),
    .value("--templates", "DIR", completion: .directory),
  ]

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    let out = arguments.value("--out")
    let formatList = arguments.value("--format")
    let common = arguments.flag("--common")
    let policyFile = arguments.value("--policy")
    let allowMixed = arguments.flag("--allow-mixed-policies")
    let scaleText = arguments.value("--scale")
    let anonymize = arguments.flag("--anonymize")
    let mapping = arguments.value("--mapping")
    let lang = try Pipeline.lang(arguments.value("--lang")) ?? "fr"
    let templates = arguments.value("--templates").map(Pipeline.url)
    let paths = arguments.positionals()
    guard paths.count >= 2 else { throw .usage(Message("usage.compare-paths", [.number("count", Double(paths.count), decimals: 0)]), command: name) }
    let scale = try scaleText.map { text throws(CommandError) -> Double in
      guard let value = Double(text), value > 0, value <= 1000 else { throw .usage(Message("usage.scale", [MessageArg("value", text)]), command: name) }
      return value
    } ?? 100
    let known = ComparisonReport.files.map(\.format)
    let formats = try Pipeline.formats(formatList, known: known) ?? (out == nil ? ["md"] : known)
    if out == nil && formats.count != 1 { throw .usage(Message("usage.one-format-without-out"), command: name) }
    if policyFile != nil && allowMixed {
      throw .usage(Message("usage.policy-and-mixed"), command: name)
    }
    if anonymize && out == nil && mapping == nil {
      throw .usage(Message("usage.anonymize-needs-out"), command: name)
    }

    do throws(InputError) {
      let source = TemplateSource(overrideDirectory: templates)
      let table = try TranslationTable.load(lang: lang, from: source)
      var bids: [Comparison.Bid] = []
      for path in paths {
        let (dossier, sha256) = try DossierFile.loadHashed(path)
        bids.append(Comparison.Bid(dossier: dossier, name: dossier.project.name, file: path, sha256: sha256))
      }
      let names = bids.map(\.name)
      for index in bids.indices where names.filter({ $0 == bids[index].name }).count > 1 {
        bids[index].name += " (\(bids[index].file))"
      }
      let rule: Comparison.PolicyRule =
        try policyFile.map { path throws(InputError) in .evaluator(try ProjectConfigLoader.loadPolicy(Pipeline.url(path), displayPath: path)) }
        ?? (allowMixed ? .allowMixed : .uniform)
      let comparison: BidComparison
      do {
        comparison = try Comparison.compare(bids, commonOnly: common, scale: scale, anonymize: anonymize, policy: rule)
      } catch {
        throw refusal(error)
      }
      let report = ComparisonReport(comparison, context: RenderContext(templates: source, table: table))
      for line in report.policyLines() { Console.error(line) }
      var files: [(name: String, data: Data)] = []
      for format in formats {
        let fileName = ComparisonReport.files.first { $0.format == format }?.fileName ?? format
        files.append((fileName, try report.render(format)))
      }
      var separateKey: (url: URL, data: Data)?
      if anonymize {
        let key = try anonymizationKey(bids)
        let url = mapping.map(Pipeline.url)
        if let url, out.map({ Pipeline.url($0).path }) != url.deletingLastPathComponent().standardizedFileURL.path {
          separateKey = (url, key)
        } else {
          files.append((url?.lastPathComponent ?? "anonymization-key.json", key))
        }
      }
      if let out {
        // The output folder is checked first: a refused run writes nothing, not even the mapping.
        try OutputWriter.checkOutputFolder(Pipeline.url(out), writing: files.map(\.name), display: out, force: arguments.flag("--force"))
      }
      if let separateKey, let mapping {
        try OutputWriter.write([(separateKey.url.lastPathComponent, separateKey.data)], to: separateKey.url.deletingLastPathComponent(), display: mapping)
      }
      if let out {
        try OutputWriter.write(
          files, to: Pipeline.url(out), display: out, outputFolder: true,
          force: arguments.flag("--force"))
        Console.error(
          table.text(
            "summary.compare",
            [.number("count", Double(comparison.bids.count), decimals: 0), MessageArg("files", files.map { "\(out)/\($0.name)" }.joined(separator: ", "))]))
      } else if let first = files.first {
        FileHandle.standardOutput.write(first.data)
      }
      return .ok
    } catch {
      throw .input(error)
    }
  }

  private static func refusal(_ error: Comparison.Refusal) -> InputError {
    switch error {
    case .tooFew:
      return Terminal.inputError("compare.refused.too-few")
    case .differentCatalogues(let bids):
      let list = bids.map { "\($0.file): \($0.catalogue.id) \($0.catalogue.version) (sha256 \($0.catalogue.sha256.prefix(12)))" }
      return Terminal.inputError("compare.refused.catalogues", [MessageArg("list", list.joined(separator: "\n  "))])
    case .differentPolicies(let bids):
      let lines = bids.map { bid in
        let differences = bid.differences.map { difference in
          Terminal.text(
            "compare.refused.difference",
            [MessageArg("key", difference.key), difference.value.arg("value"), difference.reference.arg("reference")])
        }
        return Terminal.text(
          "compare.refused.policy-bid",
          [
            MessageArg("file", bid.file), MessageArg("sha", String(bid.sha256.prefix(12))),
            MessageArg("differences", differences.isEmpty ? Terminal.text("compare.refused.policy-default") : differences.joined(separator: Terminal.text("compare.refused.separator"))),
          ])
      }
      return Terminal.inputError("compare.refused.policies", [MessageArg("list", lines.joined(separator: "\n  "))])
    case .notRejudgeable(let file, .missingMeasurement(let checks)):
      return Terminal.inputError(
        "compare.refused.missing-measurement", [MessageArg("checks", checks.joined(separator: ", "))], at: SourceLocation(file: file))
    case .notRejudgeable(let file, .unreadableDate(let date)):
      return Terminal.inputError("compare.refused.unreadable-date", [MessageArg("date", date)], at: SourceLocation(file: file))
    case .nothingInCommon:
      return Terminal.inputError("compare.refused.nothing-in-common")
    }
  }

  /// The key of the anonymous names: bid label, project, file and SHA-256, in label order.
  private static func anonymizationKey(_ bids: [Comparison.Bid]) throws(InputError) -> Data {
    struct Entry: Encodable {
      var bid: String
      var project: String
      var file: String
      var sha256: String
    }
    let labels = Comparison.anonymousLabels(bids)
    let entries = zip(labels, bids).map { Entry(bid: $0, project: $1.dossier.project.name, file: $1.file, sha256: $1.sha256) }
      .sorted { ($0.bid.count, $0.bid) < ($1.bid.count, $1.bid) }
    do {
      var data = try JSONRenderer.encoder.encode(entries)
      data.append(0x0A)
      return data
    } catch {
      throw InputError("cannot encode the anonymization key: \(error)")
    }
  }
}
