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
    var note: String
  }

  var labels: Labels
  var proposal: String
  var proposalLabel: String
  var favorable: Bool
  var authorityName: String
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

  init(_ decision: HomologationDecision, dossier: Dossier, table: TranslationTable, ui: UILabels, links: Linker, escape: (String) -> String) {
    func t(_ key: String, _ args: [MessageArg] = []) -> String { table.text(key, args) }
    labels = Labels(
      heading: t("homologation.heading"), lead: t("homologation.lead", [MessageArg("as_of", dossier.asOf)]),
      proposal: t("homologation.label.proposal"), authority: t("homologation.label.authority"),
      validity: t("homologation.label.validity"), reasons: t("homologation.label.reasons"), blocking: t("homologation.label.blocking"),
      reservations: t("homologation.label.reservations"), noReservations: t("homologation.reservations.none"),
      requirement: t("homologation.column.requirement"), nature: t("homologation.column.nature"), owner: t("homologation.column.owner"),
      due: t("homologation.column.due"), signatures: t("homologation.label.signatures"), signatureName: t("homologation.signature.name"),
      signatureDate: t("homologation.signature.date"), signatureSign: t("homologation.signature.sign"), note: t("homologation.note"))
    proposal = decision.proposal.rawValue
    proposalLabel = t("homologation.proposal.\(decision.proposal.rawValue)")
    favorable = decision.proposal != .unfavorable
    authorityName = decision.authority.map { escape($0.name) } ?? t("homologation.label.authority-unnamed")
    authorityFunction = decision.authority?.function.map(escape) ?? ""
    hasAuthorityFunction = decision.authority?.function != nil
    if let months = decision.validityMonths, let until = decision.validUntil {
      validityText = t("homologation.validity", [.number("months", Double(months), decimals: 0), MessageArg("until", until)])
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
        ? t("homologation.kind.derogation", [MessageArg("id", escape(entry.derogation ?? "")), MessageArg("expires", entry.expiresOn ?? "")])
        : ui["status.\(entry.status.rawValue)"]
      return Item(
        requirement: escape(entry.requirement), anchor: links.requirements[entry.requirement] ?? "",
        title: escape(titles[entry.requirement] ?? ""), nature: nature,
        owner: entry.owner.map(escape) ?? t("homologation.owner.unknown"), ownerKnown: entry.owner != nil,
        due: entry.due.map(escape) ?? t("homologation.due.unknown"), dueKnown: entry.due != nil)
    }
    blockingItems = decision.blocking.map(item)
    hasBlocking = !blockingItems.isEmpty
    reservationItems = decision.reservations.map(item)
    hasReservations = !reservationItems.isEmpty
    // Without named signatories, one block for the authority (named or not) to sign.
    let people = decision.signatories.isEmpty ? [decision.authority ?? DecisionPerson(name: "", function: nil)] : decision.signatories
    signatories = people.map { Signatory(name: escape($0.name), function: $0.function.map(escape) ?? "", hasFunction: $0.function != nil) }
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
      return table.text(key, [MessageArg("derogation", escape(derogation)), MessageArg("expires", expiresOn)])
    }
  }
}
