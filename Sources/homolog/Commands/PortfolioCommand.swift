import Foundation
import HomologEvaluate
import HomologModel
import HomologRender

/// `homolog portfolio DIR`: many applications' dossiers in one table.
enum PortfolioCommand: Command {
  static let name = "portfolio"
  static let synopsis = ["DIR [options]"]
  static let options: [Option] = [
    .value("--out", "DIR", completion: .directory),
    .flag("--force"),
    .value("--format", "FORMAT", completion: .choices(PortfolioReport.files.map(\.format))),
    .value("--lang", "fr|en", completion: .choices(["fr", "en"])),
    .value("--templates", "DIR", completion: .directory),
  ]

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    let out = arguments.value("--out")
    let formatList = arguments.value("--format")
    let lang = try Pipeline.lang(arguments.value("--lang")) ?? "fr"
    let templates = arguments.value("--templates").map(Pipeline.url)
    let paths = arguments.positionals()
    guard paths.count == 1, let folder = paths.first else { throw .usage(Message("usage.portfolio-folder"), command: name) }
    let known = PortfolioReport.files.map(\.format)
    let formats = try Pipeline.formats(formatList, known: known) ?? (out == nil ? ["md"] : known)
    if out == nil && formats.count != 1 { throw .usage(Message("usage.one-format-without-out"), command: name) }

    do throws(InputError) {
      let source = TemplateSource(overrideDirectory: templates)
      let table = try TranslationTable.load(lang: lang, from: source)
      let root = Pipeline.url(folder)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw Terminal.inputError("portfolio.not-a-folder", at: SourceLocation(file: folder))
      }
      let files = jsonFiles(under: root)
      let outcomes = PortfolioLoader.load(files, root: root)
      let portfolio = PortfolioSummary.portfolio(outcomes.rows, unreadable: outcomes.unreadable)
      let report = PortfolioReport(portfolio, context: RenderContext(templates: source, table: table))
      var outputs: [(name: String, data: Data)] = []
      for format in formats {
        outputs.append((PortfolioReport.files.first { $0.format == format }?.fileName ?? format, try report.render(format)))
      }
      if let out {
        try OutputWriter.write(
          outputs, to: Pipeline.url(out), display: out, outputFolder: true, force: arguments.flag("--force"))
      } else if let first = outputs.first {
        FileHandle.standardOutput.write(first.data)
      }
      Console.error(
        table.text(
          "summary.portfolio",
          [
            .number("count", Double(portfolio.rows.count), decimals: 0), .number("unreadable", Double(outcomes.unreadable.count), decimals: 0),
            .number("skipped", Double(outcomes.skipped), decimals: 0),
          ])
          + (out.map { " → \($0)" } ?? ""))
      return .ok
    } catch {
      throw .input(error)
    }
  }

  /// Every `*.json` file under a folder, hidden entries skipped, in path order.
  static func jsonFiles(under root: URL) -> [URL] {
    guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
      return []
    }
    var files: [URL] = []
    for case let url as URL in enumerator where url.pathExtension == "json" { files.append(url) }
    return files.sorted { $0.path < $1.path }
  }
}

/// Reads many dossiers on every core, keeping only what the portfolio needs.
enum PortfolioLoader {
  struct Outcome {
    var rows: [PortfolioRow] = []
    var unreadable: [IgnoredFile] = []
    var skipped = 0
  }

  private final class Slots: @unchecked Sendable {
    var items: [Result<PortfolioRow, InputError>?]
    let lock = NSLock()
    init(_ count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<PortfolioRow, InputError>?) {
      lock.lock()
      items[index] = value
      lock.unlock()
    }
  }

  static func load(_ files: [URL], root: URL) -> Outcome {
    let slots = Slots(files.count)
    let skipped = Slots(files.count)
    let base = root.standardizedFileURL.path
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      let url = files[index]
      var relative = url.standardizedFileURL.path
      if relative.hasPrefix(base + "/") { relative = String(relative.dropFirst(base.count + 1)) }
      guard let data = try? Data(contentsOf: url, options: .mappedIfSafe), data.count <= DossierFile.sizeLimit else {
        slots.set(index, .failure(InputError(Terminal.text("portfolio.cannot-read"), at: SourceLocation(file: relative))))
        return
      }
      do throws(InputError) {
        let dossier = try DossierFile.decode(data, display: relative)
        slots.set(index, .success(PortfolioSummary.row(dossier, file: relative)))
      } catch {
        if DossierFile.isDossier(data) {
          slots.set(index, .failure(error))
        } else {
          skipped.set(index, .failure(error))
        }
      }
    }
    var outcome = Outcome()
    for (index, item) in slots.items.enumerated() {
      switch item {
      case .success(let row): outcome.rows.append(row)
      case .failure(let error): outcome.unreadable.append(IgnoredFile(path: error.location?.file ?? files[index].path, reason: error.message))
      case nil: if skipped.items[index] != nil { outcome.skipped += 1 }
      }
    }
    return outcome
  }
}
