import Foundation

/// Inline SVG charts for the HTML dossier: no script, no external reference, colours from CSS classes,
/// each an image with a title and a description (`role="img"`), every text escaped.
enum SVGCharts {
  /// One part of a stacked bar; `label` is its tooltip (name and figure).
  struct Segment {
    var cssClass: String
    var value: Int
    var label: String
  }

  /// One stacked bar with its label.
  struct StackedRow {
    var label: String
    var segments: [Segment]
  }

  /// One horizontal bar, with an optional marker (a threshold) on the same scale.
  struct Bar {
    var label: String
    var value: Double
    var valueText: String
    var cssClass: String
    var marker: Double?
  }

  /// What a chart says in words, for assistive technologies.
  struct Alternative {
    var id: String
    var title: String
    var description: String
  }

  /// A half-circle gauge from 0 to 100 with the figure in its middle.
  static func gauge(_ alt: Alternative, percent: Double?, valueText: String, unitText: String) -> String {
    let (cx, cy, radius) = (120.0, 124.0, 96.0)
    let fraction = min(max((percent ?? 0) / 100, 0), 1)
    let angle = Double.pi * (1 - fraction)
    let endX = cx + radius * cos(angle)
    let endY = cy - radius * sin(angle)
    var svg = open(alt, width: 240, height: 160, cssClass: "chart chart-gauge")
    svg += "<path class=\"gauge-track\" d=\"M \(f(cx - radius)) \(f(cy)) A \(f(radius)) \(f(radius)) 0 0 1 \(f(cx + radius)) \(f(cy))\"/>"
    if fraction > 0 {
      svg += "<path class=\"gauge-value\" d=\"M \(f(cx - radius)) \(f(cy)) A \(f(radius)) \(f(radius)) 0 0 1 \(f(endX)) \(f(endY))\"/>"
    }
    svg += "<text class=\"gauge-figure\" x=\"\(f(cx))\" y=\"\(f(cy - 14))\" text-anchor=\"middle\">\(escape(valueText))</text>"
    svg += "<text class=\"gauge-unit\" x=\"\(f(cx))\" y=\"\(f(cy + 24))\" text-anchor=\"middle\">\(escape(unitText))</text>"
    svg += "<text class=\"gauge-scale\" x=\"\(f(cx - radius))\" y=\"\(f(cy + 24))\" text-anchor=\"middle\">0</text>"
    svg += "<text class=\"gauge-scale\" x=\"\(f(cx + radius))\" y=\"\(f(cy + 24))\" text-anchor=\"middle\">100</text>"
    return svg + "</svg>"
  }

  /// Horizontal stacked bars, each scaled to its own total (shares), with a legend on top.
  static func stackedBars(_ alt: Alternative, rows: [StackedRow], legend: [(cssClass: String, label: String)]) -> String {
    let (labelWidth, barX, barWidth, rowHeight, top) = (230.0, 240.0, 400.0, 30.0, 40.0)
    let height = top + Double(rows.count) * rowHeight + 8
    var svg = open(alt, width: 700, height: height, cssClass: "chart chart-stacked")
    var legendX = barX - labelWidth
    for item in legend {
      svg += "<rect class=\"\(item.cssClass)\" x=\"\(f(legendX))\" y=\"8\" width=\"14\" height=\"14\"/>"
      svg += "<text class=\"legend\" x=\"\(f(legendX + 20))\" y=\"20\">\(escape(item.label))</text>"
      legendX += 34 + Double(item.label.count) * 7.2
    }
    for (index, row) in rows.enumerated() {
      let y = top + Double(index) * rowHeight
      let total = row.segments.reduce(0) { $0 + $1.value }
      svg += "<text class=\"row-label\" x=\"\(f(labelWidth))\" y=\"\(f(y + 17))\" text-anchor=\"end\">\(escape(truncated(row.label, 32)))</text>"
      var x = barX
      for segment in row.segments where segment.value > 0 && total > 0 {
        let width = barWidth * Double(segment.value) / Double(total)
        svg += "<rect class=\"\(segment.cssClass)\" x=\"\(f(x))\" y=\"\(f(y + 3))\" width=\"\(f(width))\" height=\"20\">"
        svg += "<title>\(escape(segment.label))</title></rect>"
        if width >= 18 {
          svg += "<text class=\"seg-figure t-\(segment.cssClass)\" x=\"\(f(x + width / 2))\" y=\"\(f(y + 17.5))\" text-anchor=\"middle\">\(segment.value)</text>"
        }
        x += width
      }
      svg += "<text class=\"row-total\" x=\"\(f(barX + barWidth + 10))\" y=\"\(f(y + 17))\">\(total)</text>"
    }
    return svg + "</svg>"
  }

  /// Horizontal bars on a common scale from 0 to `scale`, each with its figure and optional marker.
  static func bars(_ alt: Alternative, bars: [Bar], scale: Double) -> String {
    let (labelWidth, barX, barWidth, rowHeight, top) = (170.0, 180.0, 320.0, 32.0, 8.0)
    let height = top + Double(bars.count) * rowHeight + 6
    let unit = scale > 0 ? barWidth / scale : 0
    var svg = open(alt, width: 780, height: height, cssClass: "chart chart-bars")
    for (index, bar) in bars.enumerated() {
      let y = top + Double(index) * rowHeight
      svg += "<text class=\"row-label\" x=\"\(f(labelWidth))\" y=\"\(f(y + 17))\" text-anchor=\"end\">\(escape(truncated(bar.label, 24)))</text>"
      svg += "<rect class=\"bar-track\" x=\"\(f(barX))\" y=\"\(f(y + 4))\" width=\"\(f(barWidth))\" height=\"18\"/>"
      let width = min(max(bar.value, 0) * unit, barWidth)
      if width > 0 {
        svg += "<rect class=\"\(bar.cssClass)\" x=\"\(f(barX))\" y=\"\(f(y + 4))\" width=\"\(f(width))\" height=\"18\"/>"
      }
      if let marker = bar.marker {
        let markerX = barX + min(max(marker, 0) * unit, barWidth)
        svg += "<line class=\"marker\" x1=\"\(f(markerX))\" y1=\"\(f(y))\" x2=\"\(f(markerX))\" y2=\"\(f(y + 26))\"/>"
      }
      svg += "<text class=\"row-value\" x=\"\(f(barX + barWidth + 10))\" y=\"\(f(y + 17))\">\(escape(bar.valueText))</text>"
    }
    return svg + "</svg>"
  }

  private static func open(_ alt: Alternative, width: Double, height: Double, cssClass: String) -> String {
    let id = escape(alt.id)
    return "<svg class=\"\(cssClass)\" role=\"img\" "
      + "viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" "
      + "aria-labelledby=\"\(id)-title \(id)-desc\">"
      + "<title id=\"\(id)-title\">\(escape(alt.title))</title><desc id=\"\(id)-desc\">\(escape(alt.description))</desc>"
  }

  private static func truncated(_ text: String, _ length: Int) -> String {
    text.count <= length ? text : String(text.prefix(length - 1)) + "…"
  }

  private static func escape(_ text: String) -> String { MustacheHTMLEscaping.escape(text) }

  /// A coordinate with at most one decimal, the same on every machine.
  private static func f(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
  }
}
