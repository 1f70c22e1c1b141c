import HomologModel

/// The proposed homologation decision prepared for templates: every label from the `homologation.*` messages, every
/// text from homolog.yaml or derogations.yaml through `escape` (Markdown escaping, or identity for HTML).
struct DecisionView: Encodable {
  /// One requirement reserved or blocking, as a table row.
  struct Item: Encodable {
    var requirement: String
    var anchor: String
    var title: String
    var nature: String
    var owner: String
    var ownerKnown: Bool
    var due: String
    var dueKnown: Bool
  }
  /// One signature block.
  struct Signatory: Encodable {
    var name: String
    /// False for the blank block of an unnamed authority: a line to write the name on.
    var hasName: Bool
    var function: String
    var hasFunction: Bool
  }
  /// The page's fixed texts.
  struct Labels: Encodable {
    var heading: String
    var lead: String
    var proposal: String
    var authority: String
    var validity: String
    var reasons: String
    var blocking: String
    var reservations: String
    var noReservations: String
    var requirement: String
    var nature: String
    var owner: String
    var due: String
    var signatures: String
    var signatureName: String
    var signatureDate: String
    var signatureSign: String
    var rule: String
    var note: String
  }

  var labels: Labels
  var proposal: String
  var proposalLabel: String
  var favorable: Bool
  var authorityName: String
  /// False when homolog.yaml names no authority (`authority_name` then says « à désigner »).
  var hasAuthority: Bool
  var authorityFunction: String
  var hasAuthorityFunction: Bool
  var validityText: String
  var hasValidity: Bool
  var reasons: [String]
  var blockingItems: [Item]
  var hasBlocking: Bool
  var reservationItems: [Item]
  var hasReservations: Bool
  var signatories: [Signatory]
  /// The rule applied, stated from the dossier's `decision.policy` (bands and caps), so the page stands alone.
  var rule: String

  init(_ decision: HomologationDecision, dossier: Dossier, table: TranslationTable, ui: UILabels, links: Linker, escape: (String) -> String) {
    func t(_ key: String, _ args: [MessageArg] = []) -> String { table.text(key, args) }
    labels = Labels(
      heading: t("homologation.heading"), lead: t("homologation.lead", [MessageArg("as_of", Self.date(dossier.asOf, table: table))]),
      proposal: t("homologation.label.proposal"), authority: t("homologation.label.authority"),
      validity: t("homologation.label.validity"), reasons: t("homologation.label.reasons"), blocking: t("homologation.label.blocking"),
      reservations: t("homologation.label.reservations"), noReservations: t("homologation.reservations.none"),
      requirement: t("homologation.column.requirement"), nature: t("homologation.column.nature"), owner: t("homologation.column.owner"),
      due: t("homologation.column.due"), signatures: t("homologation.label.signatures"), signatureName: t("homologation.signature.name"),
      signatureDate: t("homologation.signature.date"), signatureSign: t("homologation.signature.sign"), rule: t("homologation.label.rule"), note: t("homologation.note"))
    proposal = decision.proposal.rawValue
    proposalLabel = t("homologation.proposal.\(decision.proposal.rawValue)")
    favorable = decision.proposal != .unfavorable
    authorityName = decision.authority.map { escape($0.name) } ?? t("homologation.label.authority-unnamed")
    hasAuthority = decision.authority != nil
    authorityFunction = decision.authority?.function.map(escape) ?? ""
    hasAuthorityFunction = decision.authority?.function != nil
    if let months = decision.validityMonths, let until = decision.validUntil {
      let figures: [MessageArg] = [.number("months", Double(months), decimals: 0), MessageArg("until", Self.date(until, table: table))]
      // A derogation's expiry ended the validity before the months did: say so, the months being what it would be without it.
      if let derogation = decision.cappingDerogation {
        validityText = t("homologation.validity.capped", figures + [MessageArg("derogation", escape(derogation))])
      } else {
        validityText = t("homologation.validity", figures)
      }
      hasValidity = true
    } else {
      validityText = t("homologation.validity.none")
      hasValidity = false
    }
    reasons = decision.reasons.map { Self.reason($0, table: table, escape: escape) }
    let titles = Dictionary(dossier.requirements.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    func item(_ entry: DecisionItem) -> Item {
      let nature =
        entry.kind == .derogation
        ? t("homologation.kind.derogation", [MessageArg("id", escape(entry.derogation ?? "")), MessageArg("expires", Self.date(entry.expiresOn ?? "", table: table))])
        : ui["status.\(entry.status.rawValue)"]
      return Item(
        requirement: escape(entry.requirement), anchor: links.requirements[entry.requirement] ?? "",
        title: escape(titles[entry.requirement] ?? ""), nature: nature,
        owner: entry.owner.map(escape) ?? t("homologation.owner.unknown"), ownerKnown: entry.owner != nil,
        due: entry.due.map { escape(Self.date($0, table: table)) } ?? t("homologation.due.unknown"), dueKnown: entry.due != nil)
    }
    blockingItems = decision.blocking.map(item)
    hasBlocking = !blockingItems.isEmpty
    reservationItems = decision.reservations.map(item)
    hasReservations = !reservationItems.isEmpty
    // Without named signatories, one block for the authority (named or not) to sign.
    let people = decision.signatories.isEmpty ? [decision.authority ?? DecisionPerson(name: "", function: nil)] : decision.signatories
    signatories = people.map { Signatory(name: escape($0.name), hasName: !$0.name.isEmpty, function: $0.function.map(escape) ?? "", hasFunction: $0.function != nil) }
    rule = Self.rule(decision.policy, table: table)
  }

  /// The rule the decision applied, from its policy: the bands, the vulnerability caps, the derogation cap.
  static func rule(_ policy: DecisionPolicy, table: TranslationTable) -> String {
    func months(_ value: Int) -> MessageArg { .number("months", Double(value), decimals: 0) }
    let bands = policy.validity.enumerated().map { index, band in
      if band.minScore == 0 && index == policy.validity.count - 1 {
        return table.text(index == 0 ? "homologation.rule.band.any" : "homologation.rule.band.rest", [months(band.months)])
      }
      return table.text(
        "homologation.rule.band", [.number("minimum", band.minScore, decimals: NumberFormatting.givenDecimals), months(band.months)])
    }
    return table.text(
      "homologation.rule",
      [
        MessageArg("bands", bands.joined(separator: ", ")),
        .number("critical", Double(policy.criticalVulnerabilityMonths), decimals: 0),
        .number("high", Double(policy.highVulnerabilityMonths), decimals: 0),
      ])
  }

  /// A `YYYY-MM-DD` day written out in the table's language (`10 janvier 2027`); any other text unchanged.
  static func date(_ text: String, table: TranslationTable) -> String {
    guard Day(text) != nil else { return text }
    let parts = text.split(separator: "-").compactMap { Int($0) }
    let args = [MessageArg("day", String(parts[2])), MessageArg("month", String(parts[1])), MessageArg("year", String(parts[0]))]
    return table.text(parts[2] == 1 ? "homologation.date.first" : "homologation.date", args)
  }

  /// A reason in the table's language, its figures in the language's style, its ids through `escape`.
  static func reason(_ reason: DecisionReason, table: TranslationTable, escape: (String) -> String) -> String {
    let key = "homologation.reason.\(reason.code)"
    switch reason {
    case .eliminatory(let requirements):
      return table.text(
        key, [.number("count", Double(requirements.count), decimals: 0), MessageArg("requirements", requirements.map(escape).joined(separator: ", "))])
    case .scoreBand(let score, let minimum, let months):
      let figures: [MessageArg] = [
        .number("minimum", minimum, decimals: NumberFormatting.givenDecimals), .number("months", Double(months), decimals: 0),
      ]
      guard let score else { return table.text(key + ".none", figures) }
      return table.text(key, [.number("score", score)] + figures)
    case .criticalVulnerabilities(let count, let months), .highVulnerabilities(let count, let months):
      return table.text(key, [.number("count", Double(count), decimals: 0), .number("months", Double(months), decimals: 0)])
    case .derogationExpiry(let derogation, let expiresOn):
      return table.text(key, [MessageArg("derogation", escape(derogation)), MessageArg("expires", date(expiresOn, table: table))])
    }
  }
}
