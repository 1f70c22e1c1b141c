import Foundation
import XCTest

/// `evaluate --format pdf`: the demo's dossier printed by headless Chromium, read back with poppler-utils (pdfinfo,
/// pdftotext, pdftoppm). Skipped only where no Chromium is installed (CI installs it); the refusal without Chromium
/// runs everywhere.
final class PDFOutputTests: XCTestCase {
  /// The demo's PDF, printed once per test process (each test writes its own copy to read back).
  nonisolated(unsafe) private static var demoPDF: Data?

  private func requireChromium() throws {
    let found = ChildProcess.run(["sh", "-c", "command -v chromium || command -v chromium-browser || command -v google-chrome"])
    guard found.status == 0 else { throw XCTSkip("no Chromium on PATH (Debian package chromium)") }
  }

  /// A private temporary directory with a short path (Chromium's lock socket path must stay under 108 bytes, so a
  /// longer TMPDIR makes homolog print under /tmp instead, and this folder would prove nothing), removed after the test.
  private func shortScratch() throws -> URL {
    let url = URL(fileURLWithPath: "/tmp/hpdf-" + UUID().uuidString.prefix(8), isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
  }

  /// Prints the demo (French) into a fresh folder; returns that folder. The print's temporary folder is made in a
  /// private `TMPDIR` (other processes share the system's), left empty afterwards.
  private func printDemo(formats: String = "html,pdf") throws -> URL {
    try requireChromium()
    let project = try CLI.demoCopy()
    let scratch = try shortScratch()
    let result = try CLI.run(
      ["evaluate", "--out", "out", "--as-of", "2026-03-01", "--quiet", "--format", formats], in: project, environment: ["TMPDIR": scratch.path])
    XCTAssertEqual(result.status, 1, result.stderr)  // éliminatoire: written, gate failed
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), [], "no temporary folder of the print is left behind")
    return project.appendingPathComponent("out")
  }

  /// A copy of the demo's PDF in a temporary folder.
  private func demoPDF() throws -> URL {
    if Self.demoPDF == nil { Self.demoPDF = try Data(contentsOf: printDemo().appendingPathComponent("dossier.pdf")) }
    let url = try CLI.temporaryDirectory().appendingPathComponent("dossier.pdf")
    try XCTUnwrap(Self.demoPDF).write(to: url)
    return url
  }

  private func poppler(_ arguments: [String]) throws -> String {
    let result = ChildProcess.run(arguments)
    XCTAssertEqual(result.status, 0, result.text)
    return result.output
  }

  private func pageCount(_ pdf: URL) throws -> Int {
    let info = try poppler(["pdfinfo", pdf.path])
    let line = try XCTUnwrap(info.split(separator: "\n").first { $0.hasPrefix("Pages:") })
    return try XCTUnwrap(Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)))
  }

  private func text(_ pdf: URL, page: Int) throws -> String {
    try poppler(["pdftotext", "-f", String(page), "-l", String(page), "-layout", pdf.path, "-"])
  }

  func testDemoPDFIsWrittenListedAndReproducible() throws {
    let out = try printDemo()
    let pdf = try Data(contentsOf: out.appendingPathComponent("dossier.pdf"))
    XCTAssertTrue(pdf.starts(with: Data("%PDF-".utf8)))
    let listed = try String(contentsOf: out.appendingPathComponent(".homolog-outputs"), encoding: .utf8)
    XCTAssertTrue(listed.contains("\(try CLI.sha256(pdf))  dossier.pdf\n"), listed)
    XCTAssertTrue(listed.contains("  dossier.html\n"), listed)
    // The print dates are pinned to the evaluation date: two prints are the same bytes.
    let again = try printDemo(formats: "pdf")
    XCTAssertEqual(try Data(contentsOf: again.appendingPathComponent("dossier.pdf")), pdf)
    XCTAssertFalse(FileManager.default.fileExists(atPath: again.appendingPathComponent("dossier.html").path), "pdf alone writes no HTML")
    let info = try poppler(["pdfinfo", again.appendingPathComponent("dossier.pdf").path])
    XCTAssertTrue(info.contains("CreationDate:    Sun Mar  1 00:00:00 2026 UTC\n"), info)
  }

  func testPagesAreA4() throws {
    let pdf = try demoPDF()
    let count = try pageCount(pdf)
    XCTAssertGreaterThanOrEqual(count, 2)
    let info = try poppler(["pdfinfo", "-f", "1", "-l", String(count), pdf.path])
    let sizes = info.split(separator: "\n").filter { $0.hasPrefix("Page ") && $0.contains(" size:") }
    XCTAssertEqual(sizes.count, count)
    for line in sizes {
      // "Page    1 size: 594.96 x 841.92 pts (A4)": A4 is 595 x 842 points.
      let words = line.split(separator: " ")
      let index = try XCTUnwrap(words.firstIndex(of: "x"))
      let width = try XCTUnwrap(Double(words[index - 1]))
      let height = try XCTUnwrap(Double(words[index + 1]))
      XCTAssertEqual(width, 595, accuracy: 1, String(line))
      XCTAssertEqual(height, 842, accuracy: 1, String(line))
    }
  }

  func testTextHoldsTheVerdict() throws {
    let pdf = try demoPDF()
    let first = try text(pdf, page: 1)
    XCTAssertTrue(first.contains("Registre des habilitations (RHab)"), first)
    XCTAssertTrue(first.contains("Éliminatoire"), first)
    XCTAssertTrue(first.contains("2026-03-01"), first)
  }

  func testFirstAndLastPagesRenderToPNG() throws {
    let pdf = try demoPDF()
    let count = try pageCount(pdf)
    for page in [1, count] {
      let prefix = pdf.deletingLastPathComponent().appendingPathComponent("page-\(page)").path
      _ = try poppler(["pdftoppm", "-png", "-r", "40", "-f", String(page), "-l", String(page), "-singlefile", pdf.path, prefix])
      let png = try Data(contentsOf: URL(fileURLWithPath: prefix + ".png"))
      XCTAssertTrue(png.starts(with: Data([0x89, 0x50, 0x4E, 0x47])), "page \(page) is a PNG")
      XCTAssertGreaterThan(png.count, 1000, "page \(page)")
    }
  }

  /// The section headings of the demo's HTML dossier (`<h2>`), entities decoded, the visually hidden one left out.
  private func sectionHeadings() throws -> [String] {
    let html = try String(contentsOf: try printDemo(formats: "html").appendingPathComponent("dossier.html"), encoding: .utf8)
    let pattern = try NSRegularExpression(pattern: #"<h2 id="[a-z-]+-title">([^<]+)</h2>"#)
    return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
      Range(match.range(at: 1), in: html).map {
        String(html[$0]).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
      }
    }
  }

  /// The decision (its heading on page P) fills the pages from P to the end: no other section of the dossier prints after
  /// it, and the last page ends with the signature block (`templates/html/decision.mustache`'s labels) and its number.
  func testDecisionPageIsLastPage() throws {
    let pdf = try demoPDF()
    let count = try pageCount(pdf)
    let pages = try (1...count).map { try text(pdf, page: $0) }
    let decision = "Proposition de décision d'homologation"
    let headings = try sectionHeadings()
    XCTAssertEqual(headings.last, decision, "\(headings)")
    XCTAssertTrue(headings.contains("Provenance des preuves"), "\(headings)")
    let first = try XCTUnwrap(pages.firstIndex { $0.contains(decision) }, "no page holds the decision heading") + 1
    XCTAssertGreaterThan(first, 1)
    for page in first...count {
      for heading in headings.dropLast() {
        XCTAssertFalse(pages[page - 1].contains(heading), "page \(page) of \(count) (decision from \(first)) holds « \(heading) »")
      }
    }
    // Every other section printed before the decision.
    for heading in headings.dropLast() {
      XCTAssertTrue(pages[..<(first - 1)].contains { $0.contains(heading) }, "« \(heading) » before page \(first)")
    }
    let last = pages[count - 1]
    let lines = last.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    let signatures = try XCTUnwrap(lines.firstIndex(of: "Signatures"), last)
    XCTAssertEqual(Array(lines[(signatures + 1)...].prefix(3)), ["Nom et fonction", "Date", "Signature"], last)
    // Page numbers, n / total, printed by the print stylesheet.
    XCTAssertEqual(lines.last, "\(count) / \(count)", last)
    XCTAssertTrue(pages[0].contains("1 / \(count)"), pages[0])
  }

  func testWithoutChromiumNothingIsWritten() throws {
    let project = try CLI.demoCopy()
    let empty = try CLI.temporaryDirectory()
    let result = try CLI.run(
      ["evaluate", "--out", "out", "--as-of", "2026-03-01", "--format", "html,pdf"], in: project,
      environment: ["PATH": empty.path, "HOMOLOG_CHROMIUM": ""])
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(
      result.stderr,
      "erreur : --format pdf imprime dossier.html avec Chromium, introuvable : aucun de chromium, chromium-browser, google-chrome dans le PATH ;"
        + " installez le paquet Debian chromium (apt-get install chromium) ou donnez le navigateur avec HOMOLOG_CHROMIUM\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("out").path))

    let named = try CLI.run(
      ["evaluate", "--out", "out", "--as-of", "2026-03-01", "--format", "pdf", "--lang", "en"], in: project,
      environment: ["HOMOLOG_CHROMIUM": empty.appendingPathComponent("chromium").path])
    XCTAssertEqual(named.status, 2)
    XCTAssertEqual(
      named.stderr,
      "error: HOMOLOG_CHROMIUM names \(empty.path)/chromium, which does not exist or is not executable; install the Debian package chromium"
        + " (apt-get install chromium) or correct the variable\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("out").path))
  }

  func testAFailedOrSlowPrintWritesNothing() throws {
    let project = try CLI.demoCopy()
    let failed = try CLI.run(
      ["evaluate", "--out", "out", "--as-of", "2026-03-01", "--format", "json,pdf", "--lang", "en"], in: project,
      environment: ["HOMOLOG_CHROMIUM": "/bin/false"])
    XCTAssertEqual(failed.status, 2)
    XCTAssertEqual(failed.stderr, "error: Chromium did not print the PDF (exit status 1): nothing is written\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("out").path))
    try requireChromium()
    let scratch = try shortScratch()
    let slow = try CLI.run(
      ["evaluate", "--out", "out", "--as-of", "2026-03-01", "--format", "pdf", "--lang", "en"], in: project,
      environment: ["HOMOLOG_PDF_TIMEOUT": "0.2", "TMPDIR": scratch.path])
    XCTAssertEqual(slow.status, 2)
    XCTAssertTrue(slow.stderr.hasPrefix("error: Chromium did not print the PDF within 0.2 s ("), slow.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("out").path))
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), [], "no temporary folder of the print is left behind")
  }

  func testALongTemporaryDirectoryStillPrints() throws {
    try requireChromium()
    let project = try CLI.demoCopy()
    // 120 bytes: Chromium alone would abort ("Socket path too long") with its lock socket under it.
    var long = try CLI.temporaryDirectory()
    while long.path.utf8.count < 120 { long.appendPathComponent("deeper-folder") }
    try FileManager.default.createDirectory(at: long, withIntermediateDirectories: true)
    let result = try CLI.run(
      ["evaluate", "--out", "out", "--as-of", "2026-03-01", "--quiet", "--format", "pdf"], in: project, environment: ["TMPDIR": long.path])
    XCTAssertEqual(result.status, 1, result.stderr)
    let pdf = try Data(contentsOf: project.appendingPathComponent("out/dossier.pdf"))
    XCTAssertTrue(pdf.starts(with: Data("%PDF-".utf8)))
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: long.path), [])
  }
}
