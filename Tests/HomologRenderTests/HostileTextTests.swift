import Foundation
import HomologModel
import HomologRender
import XCTest

/// Evidence strings holding HTML, Markdown and Mustache syntax render as inert text in HTML and Markdown.
final class HostileTextTests: XCTestCase {
  private static let script = "<script>alert(1)</script>"
  private static let image = "<img src=x onerror=alert(1)>"
  private static let markdown = "[x](javascript:alert(1)) | `code` **bold**"
  private static let mustache = "{{t.title}}"
  private static let payload = "\(script) \(image) \(markdown) \(mustache)"
  /// The payload as HTML shows it.
  private static let escapedHTML = "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1)) | `code` **bold** {{t.title}}"

  /// The demo dossier with the payload in every text that comes from evidence or declarations.
  private static func hostileDossier() -> Dossier {
    var dossier = DemoDossier.make()
    dossier.project.name = payload
    dossier.project.version = payload
    dossier.findings[0].title = payload
    dossier.findings[0].ruleId = payload
    dossier.findings[0].location = FindingLocation(path: payload, line: 1)
    dossier.findings[0].package?.name = payload
    dossier.findings[0].tool = payload
    for index in dossier.requirements.indices {
      dossier.requirements[index].title = payload
      dossier.requirements[index].statement = payload
      dossier.requirements[index].category = payload
      for checkIndex in dossier.requirements[index].checks.indices {
        dossier.requirements[index].checks[checkIndex].summaryText = payload
        dossier.requirements[index].checks[checkIndex].evidence.append(payload)
        for observationIndex in dossier.requirements[index].checks[checkIndex].observations.indices {
          dossier.requirements[index].checks[checkIndex].observations[observationIndex].text = payload
          dossier.requirements[index].checks[checkIndex].observations[observationIndex].location = SourceLocation(file: payload, line: 2)
          dossier.requirements[index].checks[checkIndex].observations[observationIndex].object?.name = payload
        }
      }
      dossier.requirements[index].attestation?.statement = payload
      dossier.requirements[index].attestation?.links = [payload, "javascript:alert(1)"]
    }
    dossier.derogations[0].justification = payload
    dossier.derogations[0].compensatingMeasures = [payload]
    dossier.derogations[0].approvedBy = payload
    dossier.evidence[0].path = payload
    dossier.evidence[0].tool = ToolInfo(name: payload)
    dossier.ignored = [IgnoredFile(path: payload, reason: payload)]
    dossier.unreadable = [IgnoredFile(path: payload, reason: payload)]
    dossier.coverage[0].component = payload
    dossier.score.categories[0].category = payload
    dossier.regression?.reasonTexts = [payload]
    dossier.regression?.newFindings[0].title = payload
    dossier.decision?.authority = DecisionPerson(name: payload, function: payload)
    dossier.decision?.signatories = [DecisionPerson(name: payload, function: payload)]
    dossier.decision?.reservations[0].owner = payload
    dossier.decision?.reservations[0].derogation = payload
    dossier.decision?.reasons.append(.derogationExpiry(derogation: payload, expiresOn: "2026-12-15"))
    dossier.catalogue.id = payload
    dossier.staleDeclarations = [
      StaleDeclaration(file: payload, line: 4, kind: .derogation, id: payload, requirement: "EXI-ORG-7 " + payload, likely: payload)
    ]
    return dossier
  }

  func testHTMLShowsEvidenceAsText() throws {
    let html = try RenderFixture.render(HTMLRenderer(), Self.hostileDossier())
    XCTAssertFalse(html.contains("<script>alert"), "raw script from evidence")
    XCTAssertFalse(html.contains("<img"), "raw image from evidence")
    XCTAssertFalse(html.contains("onerror=alert(1)>"), "unescaped attribute from evidence")
    XCTAssertFalse(html.contains("href=\"javascript"), "links from evidence never become hyperlinks")
    XCTAssertFalse(html.contains("href=\"[x]"))
    XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    XCTAssertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    XCTAssertTrue(html.contains("[x](javascript:alert(1)) | `code` **bold**"), "Markdown shows as typed")
    XCTAssertTrue(html.contains("{{t.title}}"), "template syntax in evidence is not rendered")
    XCTAssertTrue(
      html.contains("<tr class=\"worse\"><th scope=\"row\"><code>\(Self.escapedHTML):4</code></th><td>dérogation</td><td>\(Self.escapedHTML)</td>"),
      "a stale declaration's file and id, escaped")
    // Exactly one script element: the page's own.
    XCTAssertEqual(html.occurrences(of: "<script"), 1)
    // Charts escape what they draw too (category and component names).
    let charts = html.components(separatedBy: "role=\"img\"").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
    XCTAssertEqual(charts.count, 4)
    for chart in charts { XCTAssertFalse(chart.contains("<script") || chart.contains("<img"), chart) }
  }

  func testMarkdownShowsEvidenceAsText() throws {
    let markdown = try RenderFixture.render(MarkdownRenderer(), Self.hostileDossier())
    XCTAssertFalse(markdown.contains("<script"), "raw script from evidence")
    XCTAssertFalse(markdown.contains("<img"), "raw image from evidence")
    XCTAssertFalse(markdown.contains("](javascript"), "no Markdown link from evidence")
    XCTAssertTrue(markdown.contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;"))
    XCTAssertTrue(markdown.contains("\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\| \\`code\\` \\*\\*bold\\*\\*"), "Markdown syntax escaped")
    XCTAssertTrue(markdown.contains("\\{\\{t.title\\}\\}"), "template syntax kept literally (escaped braces render as {{t.title}})")
    // Table rows keep their table's column count (its separator row's): the payload's pipe is escaped.
    var columns = 0
    var rows = 0
    for line in markdown.components(separatedBy: "\n") {
      if line.hasPrefix("|---") { columns = line.occurrences(of: "|") }
      guard line.hasPrefix("| ") && line.contains("EXI-ORG-7") else { continue }
      rows += 1
      XCTAssertEqual(line.replacingOccurrences(of: "\\|", with: "").occurrences(of: "|"), columns, line)
    }
    XCTAssertEqual(rows, 3, "the requirements table, the stale declarations and the decision's blocking requirements")
  }
}
