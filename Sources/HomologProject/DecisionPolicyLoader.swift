import HomologModel

/// Reads homolog.yaml's `decision:` section: validity bands, vulnerability limits, authority, signatories and action
/// plan. Every bad value is refused with its line and column.
enum DecisionPolicyLoader {
  static let keys: Set<String> = [
    "authority", "signatories", "validity", "critical_vulnerability_months", "high_vulnerability_months", "actions",
  ]
  /// The longest validity a band or limit may state (10 years).
  static let maximumMonths = 120

  static func parse(_ fields: YAMLFields?) throws(InputError) -> (DecisionPolicy, [SourceLocation]) {
    var policy = DecisionPolicy()
    guard let fields else { return (policy, []) }
    try fields.rejectUnknown(keys)
    if let authority = try fields.mapping("authority") { policy.authority = try person(authority) }
    for (index, node) in (try fields.list("signatories") ?? []).enumerated() {
      policy.signatories.append(try person(try YAMLFields(node, file: fields.file, context: "decision.signatories[\(index)]")))
    }
    if let bands = try fields.list("validity") { policy.validity = try validity(bands, fields) }
    for key in ["critical_vulnerability_months", "high_vulnerability_months"] {
      guard let months = try fields.int(key) else { continue }
      try checkMonths(months, field: "decision.\(key)", fields, at: fields.node[key])
      if key == "critical_vulnerability_months" { policy.criticalVulnerabilityMonths = months } else { policy.highVulnerabilityMonths = months }
    }
    // A high vulnerability never shortens the validity more than a critical one does.
    if policy.highVulnerabilityMonths < policy.criticalVulnerabilityMonths {
      let high = policy.highVulnerabilityMonths
      let critical = policy.criticalVulnerabilityMonths
      throw fields.error(
        .severityMonths(high, critical),
        "decision.high_vulnerability_months: expected at least critical_vulnerability_months (\(critical)), got \(high) (a high vulnerability never shortens the validity more than a critical one)",
        at: fields.node["high_vulnerability_months"] ?? fields.node["critical_vulnerability_months"])
    }
    var locations: [SourceLocation] = []
    var planned = Set<String>()
    for (index, node) in (try fields.list("actions") ?? []).enumerated() {
      let context = "decision.actions[\(index)]"
      let action = try YAMLFields(node, file: fields.file, context: context)
      try action.rejectUnknown(["requirement", "owner", "due"])
      let requirement = try action.requiredString("requirement")
      guard planned.insert(requirement).inserted else {
        throw action.error(
          .duplicateAction(context, requirement), "\(context): requirement '\(requirement)' already has an action", at: node["requirement"])
      }
      policy.actions.append(
        PlannedAction(requirement: requirement, owner: try action.requiredString("owner"), due: try action.day("due"), line: node.line))
      locations.append(YAMLFields.location(node["requirement"] ?? node, fields.file))
    }
    return (policy, locations)
  }

  /// The action plan's requirements exist in the catalogue; `locations` are the actions' requirement nodes.
  static func checkActions(_ policy: DecisionPolicy, locations: [SourceLocation], catalogue: Catalogue) throws(InputError) {
    let ids = catalogue.requirements.map(\.id)
    for (index, action) in policy.actions.enumerated() where catalogue.requirement(action.requirement) == nil {
      let context = "decision.actions[\(index)]"
      throw InputError(
        Message(
          "declarations.unknown-requirement",
          [MessageArg("context", context), MessageArg("id", action.requirement), MessageArg("catalogue", catalogue.id)]
            + YAMLFields.hint(action.requirement, in: ids)),
        english: "\(context): unknown requirement '\(action.requirement)' in catalogue \(catalogue.id)\(Suggestion.phrase(action.requirement, in: ids))",
        at: index < locations.count ? locations[index] : nil)
    }
  }

  /// `{name, function}`: a name is required.
  private static func person(_ fields: YAMLFields) throws(InputError) -> DecisionPerson {
    try fields.rejectUnknown(["name", "function"])
    return DecisionPerson(name: try fields.requiredString("name"), function: try fields.string("function"))
  }

  /// `validity: [{min_score, months}]`: minimums strictly decreasing from 100 down to a last band at 0, months never
  /// longer for a lower score.
  private static func validity(_ nodes: [Node], _ fields: YAMLFields) throws(InputError) -> [ValidityBand] {
    guard !nodes.isEmpty else {
      throw fields.error(.emptyValidity, "decision.validity: expected at least one band (min_score, months)", at: fields.node["validity"])
    }
    var bands: [ValidityBand] = []
    for (index, node) in nodes.enumerated() {
      let context = "decision.validity[\(index)]"
      let band = try YAMLFields(node, file: fields.file, context: context)
      try band.rejectUnknown(["min_score", "months"])
      guard let minimum = try band.double("min_score") else {
        throw band.error(Message("yaml.missing-key", [MessageArg("context", context), MessageArg("key", "min_score")]), "\(context): missing required key 'min_score'")
      }
      guard (0...100).contains(minimum) else {
        throw band.error(
          Message("policy.percent", [MessageArg("field", "\(context).min_score")]), "\(context).min_score: expected a percent between 0 and 100",
          at: node["min_score"])
      }
      guard let months = try band.int("months") else {
        throw band.error(Message("yaml.missing-key", [MessageArg("context", context), MessageArg("key", "months")]), "\(context): missing required key 'months'")
      }
      try checkMonths(months, field: "\(context).months", band, at: node["months"])
      if let previous = bands.last {
        guard minimum < previous.minScore else {
          throw band.error(
            .bandOrder(context, minimum, previous.minScore),
            "\(context).min_score: expected less than the previous band's \(NumberFormatting.text(previous.minScore, style: .plain)) (bands go from the highest score down)",
            at: node["min_score"])
        }
        guard months <= previous.months else {
          throw band.error(
            .bandMonths(context, months, previous.months),
            "\(context).months: expected at most the previous band's \(previous.months) months (a lower score never earns a longer validity)",
            at: node["months"])
        }
      }
      bands.append(ValidityBand(minScore: minimum, months: months))
    }
    if let last = bands.last, last.minScore != 0 {
      throw fields.error(.lastBand(nodes.count - 1), "decision.validity[\(nodes.count - 1)].min_score: the last band must start at 0 so every score has one",
        at: nodes.last?["min_score"])
    }
    return bands
  }

  private static func checkMonths(_ months: Int, field: String, _ fields: YAMLFields, at node: Node?) throws(InputError) {
    guard (1...maximumMonths).contains(months) else {
      throw fields.error(.months(field), "\(field): expected a number of months from 1 to \(maximumMonths)", at: node)
    }
  }
}

extension Message {
  fileprivate static func months(_ field: String) -> Message {
    Message("homologation.error.months", [MessageArg("field", field), .number("maximum", Double(DecisionPolicyLoader.maximumMonths), decimals: 0)])
  }
  fileprivate static let emptyValidity = Message("homologation.error.validity-empty")
  fileprivate static func bandOrder(_ context: String, _ minimum: Double, _ previous: Double) -> Message {
    Message(
      "homologation.error.band-order",
      [MessageArg("field", "\(context).min_score"), .number("minimum", minimum), .number("previous", previous)])
  }
  fileprivate static func bandMonths(_ context: String, _ months: Int, _ previous: Int) -> Message {
    Message(
      "homologation.error.band-months",
      [MessageArg("field", "\(context).months"), .number("months", Double(months), decimals: 0), .number("previous", Double(previous), decimals: 0)])
  }
  fileprivate static func severityMonths(_ high: Int, _ critical: Int) -> Message {
    Message(
      "homologation.error.severity-months",
      [.number("high", Double(high), decimals: 0), .number("critical", Double(critical), decimals: 0)])
  }
  fileprivate static func lastBand(_ index: Int) -> Message {
    Message("homologation.error.last-band", [MessageArg("field", "decision.validity[\(index)].min_score")])
  }
  fileprivate static func duplicateAction(_ context: String, _ requirement: String) -> Message {
    Message("homologation.error.duplicate-action", [MessageArg("context", context), MessageArg("id", requirement)])
  }
}
