import HomologRender
import XCTest

final class MustacheTemplateTests: XCTestCase {
  func testVariablesEscapeHTML() throws {
    let template = try MustacheTemplate(parsing: "<td>{{text}}</td><td title='{{text}}'>{{{text}}}</td>")
    let output = try template.render(["text": "<script>alert(1)</script> & 'x' \"y\""])
    XCTAssertEqual(
      output,
      "<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39; &quot;y&quot;</td>"
        + "<td title='&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39; &quot;y&quot;'>"
        + "<script>alert(1)</script> & 'x' \"y\"</td>")
  }

  func testUnclosedSectionNamesItsLine() {
    XCTAssertThrowsError(try MustacheTemplate(parsing: "# Report\n\n  {{#rows}}\n| {{name}} |\n", name: "report.md")) {
      let error = $0 as! MustacheError
      XCTAssertEqual(error.line, 3)
      XCTAssertEqual(error.column, 3)
      XCTAssertEqual(
        error.description, "report.md:3:3: error: unclosed section \"rows\": expected {{/rows}} before the end")
    }
  }

  func testUnnamedTemplateErrorSaysLineAndColumn() {
    XCTAssertThrowsError(try MustacheTemplate(parsing: "a\n{{#rows}}")) {
      XCTAssertEqual("\($0)", "line 2, column 1: unclosed section \"rows\": expected {{/rows}} before the end")
    }
  }

  func testMismatchedClosingTagNamesBothLines() {
    XCTAssertThrowsError(try MustacheTemplate(parsing: "{{#a}}\n{{#b}}\nx\n{{/a}}\n{{/b}}")) {
      let error = $0 as! MustacheError
      XCTAssertEqual(error.line, 4)
      XCTAssertEqual(
        error.message, "closing tag \"a\" does not match section \"b\" opened on line 2: expected {{/b}}")
    }
  }

  func testClosingTagWithoutSectionFails() {
    XCTAssertThrowsError(try MustacheTemplate(parsing: "x\n{{/a}}")) {
      XCTAssertEqual(($0 as! MustacheError).line, 2)
    }
  }

  func testUnclosedTagNamesItsLine() {
    for source in ["ok\n  {{name", "ok\n  {{name {{other}}", "ok\n  {{{name}}"] {
      XCTAssertThrowsError(try MustacheTemplate(parsing: source), source.debugDescription) {
        let error = $0 as! MustacheError
        XCTAssertEqual(error.line, 2, source.debugDescription)
        XCTAssertEqual(error.column, 3, source.debugDescription)
        XCTAssertTrue(error.message.hasPrefix("unclosed tag"), error.message)
      }
    }
  }

  func testInvalidNamesAndDelimitersFail() {
    for source in ["{{}}", "{{a b}}", "{{a..b}}", "{{=<%=}}", "{{#}}{{/}}"] {
      XCTAssertThrowsError(try MustacheTemplate(parsing: source), source)
    }
  }

  func testRecursivePartialIsBoundedWithAnError() throws {
    let partials = try MustachePartials(sources: ["loop": "x\n{{>loop}}"])
    let template = try MustacheTemplate(parsing: "{{>loop}}", name: "main")
    XCTAssertThrowsError(try template.render([:], partials: partials)) {
      let error = $0 as! MustacheError
      XCTAssertEqual(error.template, "loop")
      XCTAssertEqual(error.line, 2)
      XCTAssertTrue(error.message.contains("nested more than 64 levels"), error.message)
    }
  }

  func testRecursivePartialWithinTheBoundRenders() throws {
    var tree: MustacheValue = ["name": "leaf", "children": []]
    for level in (0..<60).reversed() {
      tree = ["name": .string("n\(level)"), "children": [tree]]
    }
    let partials = try MustachePartials(sources: ["node": "{{name}}({{#children}}{{>node}}{{/children}})"])
    let output = try MustacheTemplate(parsing: "{{>node}}").render(tree, partials: partials)
    XCTAssertTrue(output.hasPrefix("n0(n1(n2("), output)
    XCTAssertTrue(output.hasSuffix("leaf()" + String(repeating: ")", count: 60)), output)
  }

  func testNestedStandalonePartialsAddTheirIndentation() throws {
    let partials = try MustachePartials(sources: [
      "outer": "- outer\n  {{>inner}}\n",
      "inner": "- {{value}}\n{{#list}}\n- {{.}}\n{{/list}}\n",
    ])
    let template = try MustacheTemplate(parsing: "start\n  {{>outer}}\nend\n")
    let output = try template.render(["value": "a\nb", "list": [1, 2]], partials: partials)
    XCTAssertEqual(output, "start\n  - outer\n    - a\nb\n    - 1\n    - 2\nend\n")
  }

  func testClosurePartialProvider() throws {
    let row = try MustacheTemplate(parsing: "[{{.}}]")
    let partials = MustachePartialLookup { $0 == "row" ? row : nil }
    let output = try MustacheTemplate(parsing: "{{#rows}}{{>row}}{{/rows}}{{>missing}}").render(
      ["rows": [1, 2.5, "x"]], partials: partials)
    XCTAssertEqual(output, "[1][2.5][x]")
  }

  func testFalseyValuesFollowJavaScript() throws {
    let template = try MustacheTemplate(parsing: "{{#v}}yes{{/v}}{{^v}}no{{/v}}")
    let cases: [(MustacheValue, String)] = [
      (0, "no"), (0.0, "no"), ("", "no"), ([], "no"), ([:], "no"), (nil, "no"), (false, "no"),
      (1, "yes"), ("0", "yes"), (["a": 1], "yes"), (true, "yes"),
    ]
    for (value, expected) in cases {
      XCTAssertEqual(try template.render(["v": value]), expected, "\(value)")
    }
  }

  func testTwentyThousandRowTable() throws {
    let rows = (0..<20_000).map { index -> MustacheValue in
      [
        "id": .string("CVE-2024-\(index)"), "severity": "HIGH", "score": .number(.real(7.5)),
        "fixed": .bool(index % 2 == 0),
      ]
    }
    let template = try MustacheTemplate(
      parsing: """
        | id | severity | score | fixed |
        |---|---|---|---|
        {{#rows}}
        | {{id}} | {{severity}} | {{score}} | {{#fixed}}yes{{/fixed}}{{^fixed}}no{{/fixed}} |
        {{/rows}}

        """)
    let output = try template.render(["rows": .list(rows)])
    let lines = output.split(separator: "\n")
    XCTAssertEqual(lines.count, 20_002)
    XCTAssertEqual(lines[2], "| CVE-2024-0 | HIGH | 7.5 | yes |")
    XCTAssertEqual(lines.last, "| CVE-2024-19999 | HIGH | 7.5 | no |")
  }
}
