import HomologModel

/// The dossier's charts as inline SVG, keyed for templates as `charts.<name>`; every word comes from the
/// UI labels, every figure from the dossier, each chart's figures are also in a table of the page.
enum DossierCharts {
  static func make(_ dossier: Dossier, ui: UILabels) -> [String: String] {
    let lang = dossier.lang
    let style = NumberFormatting.Style(lang: lang)
    func number(_ value: Double?) -> String { value.map { NumberFormatting.text($0, style: style) } ?? ui["score.none"] }
    let separator = ui["chart.separator"]
    var charts: [String: String] = [:]

    let score = dossier.score
    charts["gauge"] = SVGCharts.gauge(
      SVGCharts.Alternative(
        id: "chart-gauge", title: ui["score.title"],
        description: ui.format("chart.gauge_desc", ["score": number(score.important), "without": number(score.importantWithoutDerogations)])),
      percent: score.important, valueText: number(score.important), unitText: ui["chart.gauge_unit"])

    var order: [String] = []
    var tallies: [String: StatusCounts] = [:]
    for result in dossier.requirements {
      if tallies[result.category] == nil { order.append(result.category) }
      tallies[result.category, default: StatusCounts()].add(result.status)
    }
    let statuses = RequirementStatus.allCases
    let rows = order.map { name in
      SVGCharts.StackedRow(
        label: name,
        segments: statuses.map { status in
          let label = ui["status.\(status.rawValue)"]
          let count = tallies[name]?[status] ?? 0
          return SVGCharts.Segment(
            cssClass: "s-\(status.rawValue)", value: count, label: ui.format("chart.segment", ["label": label, "count": "\(count)"]))
        })
    }
    if !rows.isEmpty {
      let description = statuses.map { ui.format("chart.segment", ["label": ui["status.\($0.rawValue)"], "count": "\(dossier.counts[$0])"]) }
      charts["categories"] = SVGCharts.stackedBars(
        SVGCharts.Alternative(
          id: "chart-categories", title: ui["chart.categories_title"],
          description: ui.format("chart.categories_desc", ["counts": description.joined(separator: separator)])),
        rows: rows, legend: statuses.map { ("s-\($0.rawValue)", ui["status.\($0.rawValue)"]) })
    }

    var open = SeverityCounts()
    for finding in dossier.findings where finding.kind == .vulnerability && finding.suppression == nil { open.add(finding.severity) }
    let limits = dossier.policy.vulnerabilities
    let vulnerabilityBars = Severity.allCases.map { severity in
      let count = open[severity]
      let values = ["count": "\(count)", "limit": limits[severity].map(String.init) ?? ""]
      let key: String
      if let limit = limits[severity] {
        key = count > limit ? "chart.vuln_value_exceeded" : "chart.vuln_value"
      } else {
        key = "chart.vuln_value_unlimited"
      }
      return SVGCharts.Bar(
        label: ui["severity.\(severity.rawValue)"], value: Double(count), valueText: ui.format(key, values),
        cssClass: "sev-\(severity.rawValue)", marker: limits[severity].map(Double.init))
    }
    let vulnerabilityScale = Double(max(Severity.allCases.map { max(open[$0], limits[$0] ?? 0) }.max() ?? 1, 1))
    charts["vulnerabilities"] = SVGCharts.bars(
      SVGCharts.Alternative(
        id: "chart-vulnerabilities", title: ui["chart.vulnerabilities_title"],
        description: vulnerabilityBars.map { "\($0.label) \($0.valueText)" }.joined(separator: separator)),
      bars: vulnerabilityBars, scale: vulnerabilityScale)

    let coverageBars = dossier.coverage.map { entry in
      let percent = NumberFormatting.percent(entry.lines.covered, of: entry.lines.total)
      let threshold = entry.threshold.map { NumberFormatting.text($0, decimals: NumberFormatting.givenDecimals, style: style) }
      let values = ["percent": number(percent), "threshold": threshold ?? ui["score.none"]]
      let key: String
      if entry.threshold != nil {
        key = entry.isBelowThreshold ? "chart.coverage_value_below" : "chart.coverage_value"
      } else {
        key = "chart.coverage_value_no_threshold"
      }
      return SVGCharts.Bar(
        label: ui.format("chart.coverage_label", ["component": entry.component, "role": ui["role.\(entry.role.rawValue)"]]),
        value: percent ?? 0, valueText: ui.format(key, values),
        cssClass: entry.isBelowThreshold ? "cov-below" : "cov-ok", marker: entry.threshold)
    }
    if !coverageBars.isEmpty {
      charts["coverage"] = SVGCharts.bars(
        SVGCharts.Alternative(
          id: "chart-coverage", title: ui["chart.coverage_title"],
          description: coverageBars.map { "\($0.label) \($0.valueText)" }.joined(separator: separator)),
        bars: coverageBars, scale: 100)
    }
    return charts
  }
}
