import Foundation
import HomologModel
import HomologRender
import XCTest

/// Structure, languages and template overrides of `dossier.html`.
final class HTMLRendererTests: XCTestCase {
  func testIsRegisteredAfterMarkdown() {
    XCTAssertEqual(Array(AllRenderers.formats.prefix(3)), ["json", "md", "html"])
    XCTAssertEqual(HTMLRenderer.fileName, "dossier.html")
  }

  func testPageHasLandmarksAndOneMainInFrench() throws {
    let html = try RenderFixture.render(HTMLRenderer())
    XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
    XCTAssertEqual(html.occurrences(of: "<main"), 1)
    XCTAssertEqual(html.occurrences(of: "<h1"), 1)
    for landmark in ["<header", "<nav", "<footer"] { XCTAssertTrue(html.contains(landmark), landmark) }
    XCTAssertTrue(html.contains("default-src 'none'"))
    XCTAssertTrue(html.contains("Éliminatoire"))
    XCTAssertTrue(html.contains("<caption>"))
    XCTAssertFalse(html.contains("<th>"), "every header cell states its scope")
  }

  func testPageMakesNoExternalRequest() throws {
    let html = try RenderFixture.render(HTMLRenderer())
    let pattern = try NSRegularExpression(pattern: #"(?:src|href|action|poster|srcset)\s*=\s*["']?\s*(?!#|data:)[a-z]+:"#, options: .caseInsensitive)
    XCTAssertNil(pattern.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)), "an attribute points outside the page")
    XCTAssertNil(html.range(of: #"url\(\s*['"]?(?!data:|#)"#, options: .regularExpression), "CSS loads an external resource")
    XCTAssertFalse(html.contains("@import"))
    XCTAssertFalse(html.contains("<link"))
  }

  func testHeadingsDoNotSkipLevels() throws {
    let html = try RenderFixture.render(HTMLRenderer())
    let regex = try NSRegularExpression(pattern: "<h([1-6])[ >]")
    var previous = 0
    for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
      let level = Int((html as NSString).substring(with: match.range(at: 1))) ?? 0
      XCTAssertLessThanOrEqual(level, previous + 1, "h\(level) after h\(previous)")
      previous = level
    }
  }

  func testEverySectionIsThere() throws {
    let html = try RenderFixture.render(HTMLRenderer())
    for id in ["summary", "indicators", "requirements", "derogations", "risks", "regression", "evidence"] {
      XCTAssertTrue(html.contains("<section id=\"\(id)\""), id)
    }
    XCTAssertTrue(html.contains("refusé en production"), "enforced Kubernetes observation")
    XCTAssertTrue(html.contains("Deployment/rhab/api [api] (rhab/templates/api.yaml)"))
    XCTAssertTrue(html.contains("21ddf0ace772fad4e22c891fdb57a61b1abc66634fae09e4667d9342eda1b7be"), "evidence SHA-256")
    XCTAssertTrue(html.contains("CVE-2024-45491"), "residual risk above the critical limit")
    XCTAssertFalse(html.contains("suppressed by a VEX statement"), "suppressed findings are not residual risks")
    XCTAssertEqual(html.occurrences(of: "role=\"img\""), 4, "gauge, categories, vulnerabilities, coverage")
  }

  func testPageWithoutRegressionHasNoRegressionSection() throws {
    var dossier = DemoDossier.make()
    dossier.regression = nil
    let html = try RenderFixture.render(HTMLRenderer(), dossier)
    XCTAssertFalse(html.contains("id=\"regression\""))
    XCTAssertFalse(html.contains("href=\"#regression\""))
  }

  func testEnglishHasEnglishLabelsAndNoFrenchOnes() throws {
    let html = try RenderFixture.render(HTMLRenderer(), lang: "en")
    XCTAssertTrue(html.contains("<html lang=\"en\">"))
    for label in ["Eliminatory", "Important requirements score", "Derogation register", "Residual risks", "Evidence provenance", "Skip to content"] {
      XCTAssertTrue(html.contains(label), label)
    }
    for label in ["Éliminatoire", "Registre des dérogations", "Risques résiduels", "Provenance des preuves", "Aller au contenu", "Non évalué", "Sommaire"] {
      XCTAssertFalse(html.contains(label), label)
    }
    let markdown = try RenderFixture.render(MarkdownRenderer(), lang: "en")
    XCTAssertTrue(markdown.contains("Eliminatory"))
    XCTAssertFalse(markdown.contains("Éliminatoire"))
  }

  func testUserTemplateOverridesOnePartialAndTheRestFallsBack() throws {
    let folder = try RenderFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("html"), withIntermediateDirectories: true)
    try Data("<footer class=\"custom\">{{t.title}} — {{project_name}} — override</footer>\n".utf8)
      .write(to: folder.appendingPathComponent("html/footer.mustache"))
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("md"), withIntermediateDirectories: true)
    try Data("custom summary {{{verdict_label}}}\n".utf8).write(to: folder.appendingPathComponent("md/summary.mustache"))

    let html = try RenderFixture.render(HTMLRenderer(), templates: folder)
    XCTAssertTrue(html.contains("<footer class=\"custom\">Dossier de conformité et d&#39;homologation — Registre des habilitations (RHab) — override</footer>"))
    XCTAssertFalse(html.contains("class=\"page-footer\""), "the built-in footer is replaced")
    XCTAssertTrue(html.contains("<section id=\"derogations\""), "the other partials fall back to the built-in ones")
    XCTAssertTrue(html.contains("<style>"), "the built-in stylesheet is still inlined")

    let markdown = try RenderFixture.render(MarkdownRenderer(), templates: folder)
    XCTAssertTrue(markdown.contains("custom summary Éliminatoire"))
    XCTAssertTrue(markdown.contains("DER-2026-04"), "built-in derogation partial still used")
  }

  func testUserLayoutAndLabelsOverrideBuiltInOnes() throws {
    let folder = try RenderFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("i18n/fr"), withIntermediateDirectories: true)
    try Data(#"{"title": "Dossier du ministère"}"#.utf8).write(to: folder.appendingPathComponent("i18n/fr/ui.json"))
    try Data("<!DOCTYPE html><html lang=\"{{lang}}\"><title>{{t.title}}</title>{{> header}}</html>".utf8)
      .write(to: folder.appendingPathComponent("dossier.html.mustache"))
    let html = try RenderFixture.render(HTMLRenderer(), templates: folder)
    XCTAssertTrue(html.contains("<title>Dossier du ministère</title>"))
    XCTAssertTrue(html.contains("<header class=\"banner\">"), "built-in partial under a user layout")
  }
}

extension String {
  /// How many times `needle` occurs, without overlap.
  func occurrences(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}
