/// The dossier: every figure any output shows. JSON is its serialization; other outputs derive from it.
public struct Dossier: Codable, Sendable {
  /// Schema identifier of this JSON shape.
  public static let schemaID = SchemaVersion.schemaID(major: SchemaVersion.current.major)

  public var schema: String
  /// The schema version it follows (`SchemaVersion`); nil in dossiers written before 2.1.0, read as 2.0.0.
  public var schemaVersion: String?
  public var generator: ToolInfo
  /// Evaluation date, `YYYY-MM-DD`.
  public var asOf: String
  /// Language of texts: `fr` or `en`.
  public var lang: String
  public var project: ProjectSummary
  public var catalogue: CatalogueSummary
  public var verdict: Verdict
  public var score: Score
  public var counts: StatusCounts
  public var requirements: [RequirementResult]
  public var derogations: [DerogationEntry]
  public var evidence: [EvidenceSummary]
  public var ignored: [IgnoredFile]
  public var unreadable: [IgnoredFile]
  public var findings: [Finding]
  public var coverage: [ComponentCoverage]
  public var tests: [ComponentTests]
  public var policy: Policy
  /// SHA-256 of the policy's canonical JSON (`PolicyDigest`); nil in dossiers written before it was recorded.
  public var policySha256: String?
  /// The platform's admission rules predicted from the manifests (apart from the CCT verdicts).
  public var admission: [AdmissionRule]
  /// What the cluster itself reported, per policy (PolicyReports read as evidence); nil when none was read.
  public var admissionReported: [ReportedPolicy]?
  /// The gate rules the run applied (`eliminatory`, `score<80`…).
  public var gate: [String] = []
  public var regression: Regression?
  /// The decision proposed to the homologation authority; nil in dossiers written before it was proposed.
  public var decision: HomologationDecision?
  /// Attestations and derogations left out because their requirement id is not in the catalogue in use; nil when none.
  public var staleDeclarations: [StaleDeclaration]?
  /// The declaration files the evaluation read, as they were (what `homolog sign` compares before signing them); nil in
  /// dossiers written before they were recorded.
  public var declarations: [DeclarationFile]?

  public init(
    generator: ToolInfo, asOf: String, lang: String, project: ProjectSummary,
    catalogue: CatalogueSummary, verdict: Verdict, score: Score, counts: StatusCounts,
    requirements: [RequirementResult], derogations: [DerogationEntry], evidence: [EvidenceSummary],
    ignored: [IgnoredFile], unreadable: [IgnoredFile], findings: [Finding],
    coverage: [ComponentCoverage], tests: [ComponentTests], policy: Policy, admission: [AdmissionRule] = [],
    regression: Regression? = nil
  ) {
    self.admission = admission
    self.schema = Dossier.schemaID
    self.schemaVersion = SchemaVersion.current.description
    self.generator = generator
    self.asOf = asOf
    self.lang = lang
    self.project = project
    self.catalogue = catalogue
    self.verdict = verdict
    self.score = score
    self.counts = counts
    self.requirements = requirements
    self.derogations = derogations
    self.evidence = evidence
    self.ignored = ignored
    self.unreadable = unreadable
    self.findings = findings
    self.coverage = coverage
    self.tests = tests
    self.policy = policy
    self.regression = regression
  }
}

/// A component of the project and its role.
public struct ComponentSummary: Codable, Hashable, Sendable {
  public var name: String
  public var role: ComponentRole
  public init(name: String, role: ComponentRole) {
    self.name = name
    self.role = role
  }
}

/// The project evaluated.
public struct ProjectSummary: Codable, Hashable, Sendable {
  public var name: String
  public var version: String?
  public var organisation: String?
  public var context: ProjectContext
  public var components: [ComponentSummary]
  public init(name: String, version: String?, organisation: String?, context: ProjectContext, components: [ComponentSummary]) {
    self.name = name
    self.version = version
    self.organisation = organisation
    self.context = context
    self.components = components
  }
}

/// The catalogue the project was evaluated against.
public struct CatalogueSummary: Codable, Hashable, Sendable {
  public var id: String
  public var title: String
  public var version: String
  public var sha256: String
  public init(id: String, title: String, version: String, sha256: String) {
    self.id = id
    self.title = title
    self.version = version
    self.sha256 = sha256
  }
}

/// The verdict: eliminatory or not, and which requirements eliminate.
public struct Verdict: Codable, Hashable, Sendable {
  public var eliminatory: Bool
  public var status: VerdictStatus
  /// Ids of the applicable Primordial requirements not met without a valid derogation.
  public var eliminating: [String]
  public init(eliminatory: Bool, status: VerdictStatus, eliminating: [String]) {
    self.eliminatory = eliminatory
    self.status = status
    self.eliminating = eliminating
  }
}

/// The Important score of one category.
public struct CategoryScore: Codable, Hashable, Sendable {
  public var category: String
  /// Percent with derogated requirements counted as met, one decimal; nil when nothing applies.
  public var important: Double?
  /// Percent with derogated requirements counted as not met, one decimal.
  public var importantWithoutDerogations: Double?
  /// Σ weight of Important requirements met (derogations counted as met).
  public var met: Double
  public var metWithoutDerogations: Double
  /// Σ weight of applicable Important requirements.
  public var applicable: Double
  public init(
    category: String, important: Double?, importantWithoutDerogations: Double?, met: Double,
    metWithoutDerogations: Double, applicable: Double
  ) {
    self.category = category
    self.important = important
    self.importantWithoutDerogations = importantWithoutDerogations
    self.met = met
    self.metWithoutDerogations = metWithoutDerogations
    self.applicable = applicable
  }
}

/// The Important score overall and per category.
public struct Score: Codable, Hashable, Sendable {
  /// Σ weight(Important met, derogations counted as met) / Σ weight(applicable Important) × 100, one decimal.
  public var important: Double?
  public var importantWithoutDerogations: Double?
  public var met: Double
  public var metWithoutDerogations: Double
  public var applicable: Double
  public var formula: String
  public var categories: [CategoryScore]
  public init(
    important: Double?, importantWithoutDerogations: Double?, met: Double,
    metWithoutDerogations: Double, applicable: Double, formula: String, categories: [CategoryScore]
  ) {
    self.important = important
    self.importantWithoutDerogations = importantWithoutDerogations
    self.met = met
    self.metWithoutDerogations = metWithoutDerogations
    self.applicable = applicable
    self.formula = formula
    self.categories = categories
  }
}

/// How many requirements have each status, overall and per level.
public struct StatusCounts: Codable, Hashable, Sendable {
  public var conforme = 0
  public var nonConforme = 0
  public var derogation = 0
  public var nonApplicable = 0
  public var nonEvalue = 0
  public init() {}

  /// Adds one requirement with the given status.
  public mutating func add(_ status: RequirementStatus) {
    switch status {
    case .conforme: conforme += 1
    case .nonConforme: nonConforme += 1
    case .derogation: derogation += 1
    case .nonApplicable: nonApplicable += 1
    case .nonEvalue: nonEvalue += 1
    }
  }

  /// The count of one status.
  public subscript(status: RequirementStatus) -> Int {
    switch status {
    case .conforme: conforme
    case .nonConforme: nonConforme
    case .derogation: derogation
    case .nonApplicable: nonApplicable
    case .nonEvalue: nonEvalue
    }
  }

  /// Total requirements counted.
  public var total: Int { conforme + nonConforme + derogation + nonApplicable + nonEvalue }
}

/// An attestation as it stands in the dossier.
public struct AttestationRecord: Codable, Hashable, Sendable {
  public var requirement: String
  public var statement: String
  public var author: String
  public var date: String
  public var evidence: [AttestedFile]
  public var links: [String]
  /// Ids of the parts it covers; nil covers every attestable part.
  public var parts: [String]?
  /// True when fresh (within the policy's maximum age) and not dated in the future.
  public var valid: Bool
  /// Why it is not valid, when it is not.
  public var problem: Message?
  public var problemText: String?
  public init(
    requirement: String, statement: String, author: String, date: String, evidence: [AttestedFile],
    links: [String], valid: Bool, problem: Message?
  ) {
    self.requirement = requirement
    self.statement = statement
    self.author = author
    self.date = date
    self.evidence = evidence
    self.links = links
    self.valid = valid
    self.problem = problem
    self.problemText = nil
  }

  /// True when it covers the part with this id.
  public func covers(_ part: String) -> Bool { parts?.contains(part) ?? true }
}

/// A file attached to an attestation, hashed.
public struct AttestedFile: Codable, Hashable, Sendable {
  public var path: String
  public var sha256: String
  public var bytes: Int
  public init(path: String, sha256: String, bytes: Int) {
    self.path = path
    self.sha256 = sha256
    self.bytes = bytes
  }
}

/// One requirement's result.
public struct RequirementResult: Codable, Hashable, Sendable {
  public var id: String
  public var sourceId: String
  public var level: Level
  public var category: String
  public var title: String
  public var statement: String
  public var weight: Double
  public var status: RequirementStatus
  public var basis: StatusBasis
  /// Why the requirement does not apply, when it does not.
  public var applicability: Message?
  public var applicabilityText: String?
  /// Each part of the text, how it is proven and where it stands.
  public var parts: [PartResult]
  public var checks: [CheckResult]
  /// The attestation that proves its attestable parts, when one is valid.
  public var attestation: AttestationRecord?
  /// Every attestation of the requirement, newest first, valid or not (a future or stale one is shown, never hidden).
  public var attestations: [AttestationRecord]
  /// Id of the valid derogation that covers it.
  public var derogation: String?
  public var attestable: Bool

  public init(
    id: String, sourceId: String, level: Level, category: String, title: String,
    statement: String, weight: Double, status: RequirementStatus, basis: StatusBasis,
    applicability: Message?, parts: [PartResult] = [], checks: [CheckResult], attestation: AttestationRecord?,
    attestations: [AttestationRecord] = [], derogation: String?, attestable: Bool
  ) {
    self.parts = parts
    self.attestations = attestations
    self.id = id
    self.sourceId = sourceId
    self.level = level
    self.category = category
    self.title = title
    self.statement = statement
    self.weight = weight
    self.status = status
    self.basis = basis
    self.applicability = applicability
    self.applicabilityText = nil
    self.checks = checks
    self.attestation = attestation
    self.derogation = derogation
    self.attestable = attestable
  }
}

/// A derogation's state on the evaluation date.
public enum DerogationState: String, Codable, Hashable, Sendable, CaseIterable {
  /// Approved and not expired.
  case active
  /// Active, but expires within 30 days.
  case expiring
  /// Past its expiry date: it does not count.
  case expired
  /// Not yet approved at the evaluation date (approval dated later): it does not count.
  case notYetValid = "not_yet_valid"
}

/// One entry of the derogation register.
public struct DerogationEntry: Codable, Hashable, Sendable {
  public var id: String
  public var requirement: String
  public var justification: String
  public var compensatingMeasures: [String]
  public var approvedBy: String
  public var approvedOn: String
  public var expiresOn: String
  public var scope: String?
  /// Who answers for the requirement while the derogation runs, when derogations.yaml names them.
  public var owner: String?
  public var state: DerogationState
  /// Days from the evaluation date to expiry (negative once expired).
  public var daysToExpiry: Int
  /// True when the requirement it covers is met anyway, or does not apply: the derogation is not needed.
  public var unused: Bool
  public init(
    id: String, requirement: String, justification: String, compensatingMeasures: [String],
    approvedBy: String, approvedOn: String, expiresOn: String, scope: String?,
    state: DerogationState, daysToExpiry: Int, unused: Bool, owner: String? = nil
  ) {
    self.owner = owner
    self.id = id
    self.requirement = requirement
    self.justification = justification
    self.compensatingMeasures = compensatingMeasures
    self.approvedBy = approvedBy
    self.approvedOn = approvedOn
    self.expiresOn = expiresOn
    self.scope = scope
    self.state = state
    self.daysToExpiry = daysToExpiry
    self.unused = unused
  }
}

/// An evidence file in the dossier: provenance and what was found in it.
public struct EvidenceSummary: Codable, Hashable, Sendable {
  public var path: String
  public var sha256: String
  public var bytes: Int
  public var format: FormatID
  public var tool: ToolInfo?
  public var generatedAt: String?
  /// Components this file belongs to (from homolog.yaml).
  public var components: [String]
  public var findings: SeverityCounts?
  public var coverage: CoverageSummary?
  public var tests: TestSummary?
  public var qualityGate: QualityGateStatus?
  public var kubernetesObjects: Int?
  public init(
    provenance: Provenance, components: [String], findings: SeverityCounts?,
    coverage: CoverageSummary?, tests: TestSummary?, qualityGate: QualityGateStatus?,
    kubernetesObjects: Int?
  ) {
    self.path = provenance.path
    self.sha256 = provenance.sha256
    self.bytes = provenance.bytes
    self.format = provenance.format
    self.tool = provenance.tool
    self.generatedAt = provenance.generatedAt
    self.components = components
    self.findings = findings
    self.coverage = coverage
    self.tests = tests
    self.qualityGate = qualityGate
    self.kubernetesObjects = kubernetesObjects
  }
}

/// Line and branch totals of a coverage report.
public struct CoverageSummary: Codable, Hashable, Sendable {
  public var lines: CoverageCounter
  public var branches: CoverageCounter?
  public init(lines: CoverageCounter, branches: CoverageCounter?) {
    self.lines = lines
    self.branches = branches
  }
}

/// Test counts of a report.
public struct TestSummary: Codable, Hashable, Sendable {
  public var total: Int
  public var failed: Int
  public var errored: Int
  public var skipped: Int
  public init(total: Int, failed: Int, errored: Int, skipped: Int) {
    self.total = total
    self.failed = failed
    self.errored = errored
    self.skipped = skipped
  }
}

/// Coverage of one component of the project.
public struct ComponentCoverage: Codable, Hashable, Sendable {
  public var component: String
  public var role: ComponentRole
  public var lines: CoverageCounter
  public var branches: CoverageCounter?
  /// Line coverage percent, truncated to one decimal (`NumberFormatting.percent`); judge on `lines`.
  public var percent: Double?
  /// The policy's minimum for this role.
  public var threshold: Double?
  public var files: [String]
  public init(
    component: String, role: ComponentRole, lines: CoverageCounter, branches: CoverageCounter?,
    percent: Double?, threshold: Double?, files: [String]
  ) {
    self.component = component
    self.role = role
    self.lines = lines
    self.branches = branches
    self.percent = percent
    self.threshold = threshold
    self.files = files
  }

  /// The exact line coverage (covered / total) is below the policy's minimum; false without a minimum.
  public var isBelowThreshold: Bool {
    guard let threshold else { return false }
    return (lines.percent ?? 0) < threshold
  }
}

/// Test results of one component.
public struct ComponentTests: Codable, Hashable, Sendable {
  public var component: String
  public var role: ComponentRole
  public var summary: TestSummary
  public var files: [String]
  public init(component: String, role: ComponentRole, summary: TestSummary, files: [String]) {
    self.component = component
    self.role = role
    self.summary = summary
    self.files = files
  }
}

/// Changes against a baseline dossier (filled by `--baseline`).
public struct Regression: Codable, Hashable, Sendable {
  public var baselineAsOf: String
  public var newFindings: [Finding]
  public var fixedFindings: [Finding]
  public var coverageChanges: [CoverageChange]
  public var scoreBefore: Double?
  public var scoreAfter: Double?
  public var statusChanges: [StatusChange]
  public var derogationsAdded: [String]
  public var derogationsExpired: [String]
  /// Each reason this counts as a regression; empty when it does not.
  public var reasons: [Message]
  public var reasonTexts: [String]
  public init(
    baselineAsOf: String, newFindings: [Finding], fixedFindings: [Finding],
    coverageChanges: [CoverageChange], scoreBefore: Double?, scoreAfter: Double?,
    statusChanges: [StatusChange], derogationsAdded: [String], derogationsExpired: [String],
    reasons: [Message]
  ) {
    self.baselineAsOf = baselineAsOf
    self.newFindings = newFindings
    self.fixedFindings = fixedFindings
    self.coverageChanges = coverageChanges
    self.scoreBefore = scoreBefore
    self.scoreAfter = scoreAfter
    self.statusChanges = statusChanges
    self.derogationsAdded = derogationsAdded
    self.derogationsExpired = derogationsExpired
    self.reasons = reasons
    self.reasonTexts = []
  }

  /// True when at least one regression rule fired.
  public var isRegression: Bool { !reasons.isEmpty }
}

/// A component's coverage before and after.
public struct CoverageChange: Codable, Hashable, Sendable {
  public var component: String
  /// Line coverage percent in the baseline, truncated to one decimal.
  public var before: Double?
  /// Line coverage percent now, truncated to one decimal.
  public var after: Double?
  /// Covered and total lines in the baseline (absent in diffs written before they were recorded).
  public var linesBefore: CoverageCounter?
  /// Covered and total lines now.
  public var linesAfter: CoverageCounter?
  public init(
    component: String, before: Double?, after: Double?, linesBefore: CoverageCounter? = nil, linesAfter: CoverageCounter? = nil
  ) {
    self.component = component
    self.before = before
    self.after = after
    self.linesBefore = linesBefore
    self.linesAfter = linesAfter
  }

  /// The exact drop in points (covered / total, not the printed figures); nil unless both sides were measured.
  public var pointsDown: Double? {
    if let old = linesBefore?.percent, let new = linesAfter?.percent { return old - new }
    guard let before, let after else { return nil }
    return before - after
  }

  /// Coverage went down, by however little.
  public var isDown: Bool { (pointsDown ?? 0) > 0 }
}

/// A requirement whose status changed.
public struct StatusChange: Codable, Hashable, Sendable {
  public var requirement: String
  public var before: RequirementStatus
  public var after: RequirementStatus
  public init(requirement: String, before: RequirementStatus, after: RequirementStatus) {
    self.requirement = requirement
    self.before = before
    self.after = after
  }
}
