import XCTest

@testable import HomologRender

/// The inline SVG charts: accessible names, escaping, bounded geometry, stable bytes.
final class SVGChartsTests: XCTestCase {
  private let alt = SVGCharts.Alternative(id: "c", title: "Score <b>", description: "desc & more")

  func testChartIsAnImageWithTitleAndDescription() {
    let svg = SVGCharts.gauge(alt, percent: 50, valueText: "50", unitText: "sur 100")
    XCTAssertTrue(svg.hasPrefix("<svg class=\"chart chart-gauge\" role=\"img\""))
    XCTAssertTrue(svg.contains("aria-labelledby=\"c-title c-desc\""))
    XCTAssertTrue(svg.contains("<title id=\"c-title\">Score &lt;b&gt;</title><desc id=\"c-desc\">desc &amp; more</desc>"))
    XCTAssertTrue(svg.hasSuffix("</svg>"))
  }

  func testGaugeArcFollowsTheScoreAndStaysInRange() {
    XCTAssertFalse(SVGCharts.gauge(alt, percent: nil, valueText: "n/a", unitText: "").contains("gauge-value"))
    XCTAssertFalse(SVGCharts.gauge(alt, percent: 0, valueText: "0", unitText: "").contains("gauge-value"))
    XCTAssertTrue(SVGCharts.gauge(alt, percent: 100, valueText: "100", unitText: "").contains("0 0 1 216 124\"/>"))
    XCTAssertTrue(SVGCharts.gauge(alt, percent: 250, valueText: "250", unitText: "").contains("0 0 1 216 124\"/>"))
    XCTAssertTrue(SVGCharts.gauge(alt, percent: 50, valueText: "50", unitText: "").contains("0 0 1 120 28\"/>"))
  }

  func testStackedBarsEscapeLabelsAndSkipEmptySegments() {
    let svg = SVGCharts.stackedBars(
      alt,
      rows: [
        SVGCharts.StackedRow(
          label: "<script>alert(1)</script>",
          segments: [
            SVGCharts.Segment(cssClass: "s-conforme", value: 3, label: "Conforme : 3"),
            SVGCharts.Segment(cssClass: "s-non_conforme", value: 0, label: "Non conforme : 0"),
          ])
      ], legend: [("s-conforme", "Conforme & co")])
    XCTAssertFalse(svg.contains("<script"))
    XCTAssertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    XCTAssertTrue(svg.contains("Conforme &amp; co"))
    XCTAssertEqual(svg.components(separatedBy: "class=\"s-non_conforme\"").count, 1, "no zero-width segment")
    XCTAssertTrue(svg.contains("width=\"400\""), "a single segment fills the bar")
  }

  func testBarsClampToTheScaleAndDrawTheMarker() {
    let svg = SVGCharts.bars(
      alt, bars: [SVGCharts.Bar(label: "api", value: 150, valueText: "150 %", cssClass: "cov-ok", marker: 60)], scale: 100)
    XCTAssertTrue(svg.contains("<rect class=\"cov-ok\" x=\"180\" y=\"12\" width=\"320\""), "clamped to the track")
    XCTAssertTrue(svg.contains("<line class=\"marker\" x1=\"372\""), "marker at 60 % of 320 px")
    XCTAssertTrue(svg.contains(">150 %</text>"))
  }

  func testAnchorsAreUniqueAndSafe() {
    var anchors = Anchors()
    XCTAssertEqual(anchors.make("req", "EXI-ORG-17"), "req-exi-org-17")
    XCTAssertEqual(anchors.make("req", "EXI-ORG-17"), "req-exi-org-17-2")
    XCTAssertEqual(anchors.make("ev", "reports/a b\"<x>.json"), "ev-reports_a_b__x__json")
    XCTAssertEqual(anchors.make("ev", "é"), "ev-_")
  }
}
