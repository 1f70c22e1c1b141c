import Foundation
import HomologEvaluate
import HomologModel
import HomologProject
import HomologRender

/// `homolog compare A.json B.json …`: ranks bids for a procurement evaluator.
enum CompareCommand: Command {
  static let name = "compare"
  static let summary = "rank bids' dossiers: eliminated ones flagged, the others by Important score"
  static let synopsis = ["A B … [options]"]
  static let about = """
    Ranks the bids, each a dossier.json or the folder holding it: eliminated bids first (a Primordial
    requirement not met), flagged with the requirements that eliminate them, then the others by Important
    score, with per-category scores side by side and each requirement's status per bid. Dossiers of
    different catalogues are refused unless --common.

    The evaluator's policy rules: with --policy FILE every bid is judged again under the thresholds of FILE
    before ranking (from what its dossier carries: measurements, attestation dates, derogations), and the
    report gives that policy's SHA-256 and, per bid, the requirements whose status changed. Without it, bids
    judged under different policies (their dossiers' policy hashes differ) are refused, naming each bid and
    the thresholds it changed; --allow-mixed-policies compares them as they are, with a warning per bid.
    """
  static let options: [Option] = [
    .value("--out", "DIR", "write comparison.md, comparison.html, comparison.csv, comparison.json into DIR (without it, print one format on stdout)",
      completion: .directory),
    .flag("--force", "with --out: write into a folder that holds other files than homolog's (they are kept)"),
    .value("--format", "FORMAT", "with --out: the formats to write, comma-separated (default all); without --out: the one to print, "
      + "md, html, csv or json (default md)", completion: .choices(ComparisonReport.files.map(\.format))),
    .value("--policy", "FILE", "a homolog.yaml whose policy: section (only that section; a file holding just policy: will do) sets the "
      + "thresholds every bid is judged under; its gate is not used", completion: .file),
    .flag("--allow-mixed-policies", "compare bids judged under different policies as they are (each flagged)"),
    .flag("--common", "compare only the requirements every bid was evaluated on (different catalogues)"),
    .value("--scale", "N", "marks out of N, e.g. 20 (default 100)"),
    .flag("--anonymize", "name bids Offre A, B, C… in the order of their files' SHA-256; the mapping is written to --mapping FILE "
      + "(default DIR/anonymization-key.json), never beside the names on stdout"),
    .value("--mapping", "FILE", "where to write the anonymization key", completion: .file),
    .value("--lang", "fr|en", "language of labels (default fr)", completion: .choices(["fr", "en"])),
    .value("--templates", "DIR", "override built-in translations", completion: .directory),
  ]
  static let exitCodes = """
    0 written, 2 bad input or usage (e.g. different catalogues without --common, different policies without
    --policy or --allow-mixed-policies, a dossier that cannot be judged again).
    """

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
      let table = try TranslationTable.load(lang: lang, from: TemplateSource(overrideDirectory: templates))
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
      for line in ComparisonReport(comparison, table: table).policyLines() { Console.error(line) }
      let report = ComparisonReport(comparison, table: table)
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
    case .differentCatalogues(let list):
      return Terminal.inputError("compare.refused.catalogues", [MessageArg("list", list.joined(separator: "\n  "))])
    case .differentPolicies(let bids):
      let lines = bids.map { bid in
        let differences = bid.differences.map { difference in
          Terminal.text(
            "compare.refused.difference",
            [MessageArg("key", difference.key), MessageArg("value", difference.value), MessageArg("reference", difference.reference)])
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
