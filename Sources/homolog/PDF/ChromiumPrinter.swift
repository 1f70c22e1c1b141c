import Foundation
import HomologModel

/// Prints the HTML dossier to PDF through headless Chromium (`--format pdf`): the page's print stylesheet decides the
/// paper (A4), margins and page numbers; Chromium's own header and footer are off.
///
/// The browser is `HOMOLOG_CHROMIUM` when set, else the first of `chromium`, `chromium-browser`, `google-chrome` on
/// `PATH`. It runs on a copy of the HTML in a private temporary folder, with a user-data directory (profile, cache)
/// of its own inside it, removed afterwards with the folder its profile's lock socket links to (the browser runs in a
/// process group of its own, stopped whole); as root it needs `--no-sandbox` (Chromium refuses to start otherwise),
/// and only then gets it. A run longer than the timeout (`HOMOLOG_PDF_TIMEOUT` seconds, default 180) is stopped.
enum ChromiumPrinter {
  /// The `--format` name.
  static let format = "pdf"
  /// The output file name.
  static let fileName = "dossier.pdf"
  /// Browser names looked up on `PATH`, in order.
  static let candidates = ["chromium", "chromium-browser", "google-chrome"]
  /// Seconds a print may take when `HOMOLOG_PDF_TIMEOUT` does not say.
  static let defaultTimeout = 180.0

  /// The browser to run, or why there is none (exit 2, naming the Debian package).
  static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(InputError) -> URL {
    if let given = environment["HOMOLOG_CHROMIUM"], !given.isEmpty {
      guard FileManager.default.isExecutableFile(atPath: given) else {
        throw Terminal.inputError(
          "pdf.chromium-variable-missing", [MessageArg("path", given), MessageArg("candidates", candidates.joined(separator: ", "))])
      }
      return URL(fileURLWithPath: given)
    }
    let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
    for name in candidates {
      for folder in folders {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
        if FileManager.default.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
      }
    }
    throw Terminal.inputError("pdf.no-chromium", [MessageArg("candidates", candidates.joined(separator: ", "))])
  }

  /// The PDF Chromium prints from `html`, its dates pinned to `day` (`PDFDates`).
  static func print(_ html: Data, browser: URL, day: String) throws(InputError) -> Data {
    let folder = try temporaryFolder()
    defer {
      removeSocketFolder(of: folder.appendingPathComponent("profile"))
      try? FileManager.default.removeItem(at: folder)
    }
    let page = folder.appendingPathComponent("dossier.html")
    let pdf = folder.appendingPathComponent(fileName)
    let log = folder.appendingPathComponent("chromium.log")
    guard FileManager.default.createFile(atPath: page.path, contents: html) else { throw failure("cannot write \(folder.path)") }
    var environment = ProcessInfo.processInfo.environment
    // UTC dates in the PDF (pinned afterwards); caches and configuration inside the temporary folder.
    environment["TZ"] = "UTC"
    environment["HOME"] = folder.path
    // Chromium's own temporary files (its lock socket's folder) go into the private folder, removed with it.
    environment["TMPDIR"] = folder.path
    environment["XDG_CONFIG_HOME"] = folder.appendingPathComponent("config").path
    environment["XDG_CACHE_HOME"] = folder.appendingPathComponent("cache").path
    let limit = timeout()
    let outcome = ProcessGroup.run(
      browser.path, arguments(profile: folder.appendingPathComponent("profile"), pdf: pdf, page: page), environment: environment, log: log.path,
      timeout: limit)
    let code: Int32
    switch outcome {
    case .notStarted(let error): throw failure(String(cString: strerror(error)))
    case .timedOut:
      throw Terminal.inputError(
        "pdf.timeout", [.number("seconds", limit, decimals: limit == limit.rounded() ? 0 : 1), MessageArg("browser", browser.path)])
    case .exited(let status): code = status
    }
    let printed = (try? Data(contentsOf: pdf)) ?? Data()
    guard code == 0, printed.starts(with: Data("%PDF-".utf8)) else {
      let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      let last = said.split(separator: "\n").last { !$0.contains("dbus") && !$0.contains("bytes written") }.map(String.init) ?? ""
      throw failure("exit status \(code)" + (last.isEmpty ? "" : ": " + last))
    }
    return PDFDates.pin(printed, to: day)
  }

  /// Chromium's command line.
  static func arguments(profile: URL, pdf: URL, page: URL) -> [String] {
    var arguments = [
      "--headless", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
      "--user-data-dir=\(profile.path)", "--print-to-pdf=\(pdf.path)",
    ]
    if geteuid() == 0 { arguments.append("--no-sandbox") }
    arguments.append(page.absoluteString)
    return arguments
  }

  /// `HOMOLOG_PDF_TIMEOUT` when it is a positive number of seconds, else the default.
  static func timeout() -> Double {
    guard let text = ProcessInfo.processInfo.environment["HOMOLOG_PDF_TIMEOUT"], let seconds = Double(text), seconds > 0 else { return defaultTimeout }
    return seconds
  }

  /// The longest temporary directory path Chromium can work in: it puts its lock socket at
  /// `TMPDIR/homolog-pdf-XXXXXX/org.chromium.Chromium.XXXXXX/SingletonSocket`, and a Unix socket's path holds at most
  /// 107 bytes (Chromium aborts with "Socket path too long" beyond).
  static let longestTemporaryBase = 107 - "/homolog-pdf-XXXXXX/org.chromium.Chromium.XXXXXX/SingletonSocket".utf8.count

  /// Where the private folder goes: the temporary directory, or `/tmp` when that path is too long for Chromium's socket.
  static func temporaryBase(_ temporary: String = NSTemporaryDirectory()) -> String {
    let trimmed = temporary.hasSuffix("/") && temporary.count > 1 ? String(temporary.dropLast()) : temporary
    guard trimmed.utf8.count > longestTemporaryBase, FileManager.default.isWritableFile(atPath: "/tmp") else { return trimmed }
    return "/tmp"
  }

  /// A fresh private folder under the temporary directory.
  private static func temporaryFolder() throws(InputError) -> URL {
    var template = Array((temporaryBase() as NSString).appendingPathComponent("homolog-pdf-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw failure("mkdtemp: errno \(errno)") }
    return URL(fileURLWithPath: String(cString: made), isDirectory: true)
  }

  /// Removes the folder Chromium made in `TMPDIR` for its profile's lock socket (`SingletonSocket`, a link into a
  /// folder `org.chromium.Chromium.XXXXXX`): a browser stopped at the timeout leaves it behind.
  private static func removeSocketFolder(of profile: URL) {
    let link = profile.appendingPathComponent("SingletonSocket").path
    guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link) else { return }
    let socketFolder = URL(fileURLWithPath: target).deletingLastPathComponent()
    guard socketFolder.lastPathComponent.hasPrefix("org.chromium.Chromium.") else { return }
    try? FileManager.default.removeItem(at: socketFolder)
  }

  /// Chromium failed: what it said.
  private static func failure(_ reason: String) -> InputError {
    Terminal.inputError("pdf.chromium-failed", [MessageArg("reason", reason)])
  }
}
