/// The subset of OSCAL 1.1 assessment-results that `OSCALRenderer` writes, with OSCAL's kebab-case keys.
extension OSCALRenderer {
  struct Document: Encodable {
    var assessmentResults: AssessmentResults
    enum CodingKeys: String, CodingKey { case assessmentResults = "assessment-results" }
  }
  struct AssessmentResults: Encodable {
    var uuid: String
    var metadata: Metadata
    var importAp: ImportAp
    var localDefinitions: LocalDefinitions
    var results: [Result]
    enum CodingKeys: String, CodingKey {
      case uuid, metadata, importAp = "import-ap", localDefinitions = "local-definitions", results
    }
  }
  struct Metadata: Encodable {
    var title: String
    var lastModified: String
    var version: String
    var oscalVersion: String
    var props: [Property]?
    enum CodingKeys: String, CodingKey {
      case title, lastModified = "last-modified", version, oscalVersion = "oscal-version", props
    }
  }
  struct Property: Encodable {
    var name: String
    var value: String
    var ns: String
  }
  struct ImportAp: Encodable {
    var href: String
    var remarks: String
  }
  struct LocalDefinitions: Encodable {
    var objectivesAndMethods: [LocalObjective]?
    enum CodingKeys: String, CodingKey { case objectivesAndMethods = "objectives-and-methods" }
  }
  struct LocalObjective: Encodable {
    var controlId: String
    var description: String
    var props: [Property]?
    var parts: [Part]
    enum CodingKeys: String, CodingKey { case controlId = "control-id", description, props, parts }
  }
  struct Part: Encodable {
    var name: String
    var prose: String
  }
  struct Result: Encodable {
    var uuid: String
    var title: String
    var description: String
    var start: String
    var end: String
    var props: [Property]?
    var reviewedControls: ReviewedControls
    var observations: [Observation]?
    var risks: [Risk]?
    var findings: [OSCALFinding]?
    enum CodingKeys: String, CodingKey {
      case uuid, title, description, start, end, props, reviewedControls = "reviewed-controls", observations, risks, findings
    }
  }
  struct ReviewedControls: Encodable {
    var controlSelections: [ControlSelection]
    enum CodingKeys: String, CodingKey { case controlSelections = "control-selections" }
  }
  struct ControlSelection: Encodable {
    var includeControls: [SelectControl]
    enum CodingKeys: String, CodingKey { case includeControls = "include-controls" }
  }
  struct SelectControl: Encodable {
    var controlId: String
    enum CodingKeys: String, CodingKey { case controlId = "control-id" }
  }
  struct Observation: Encodable {
    var uuid: String
    var title: String
    var description: String
    var props: [Property]?
    var methods: [String]
    var types: [String]
    var relevantEvidence: [RelevantEvidence]?
    var collected: String
    enum CodingKeys: String, CodingKey {
      case uuid, title, description, props, methods, types, relevantEvidence = "relevant-evidence", collected
    }
  }
  struct RelevantEvidence: Encodable {
    var href: String
    var description: String
  }
  struct OSCALFinding: Encodable {
    var uuid: String
    var title: String
    var description: String
    var props: [Property]?
    var target: Target
    var relatedObservations: [RelatedObservation]
    var relatedRisks: [RelatedRisk]?
    enum CodingKeys: String, CodingKey {
      case uuid, title, description, props, target, relatedObservations = "related-observations", relatedRisks = "related-risks"
    }
  }
  struct Target: Encodable {
    var type: String
    var targetId: String
    var title: String
    var status: ObjectiveStatus
    enum CodingKeys: String, CodingKey { case type, targetId = "target-id", title, status }
  }
  struct ObjectiveStatus: Encodable {
    var state: String
    var reason: String
  }
  struct RelatedObservation: Encodable {
    var observationUuid: String
    enum CodingKeys: String, CodingKey { case observationUuid = "observation-uuid" }
  }
  struct RelatedRisk: Encodable {
    var riskUuid: String
    enum CodingKeys: String, CodingKey { case riskUuid = "risk-uuid" }
  }
  struct Risk: Encodable {
    var uuid: String
    var title: String
    var description: String
    var statement: String
    var props: [Property]?
    var status: String
    var mitigatingFactors: [MitigatingFactor]?
    var deadline: String
    var relatedObservations: [RelatedObservation]?
    enum CodingKeys: String, CodingKey {
      case uuid, title, description, statement, props, status, mitigatingFactors = "mitigating-factors", deadline
      case relatedObservations = "related-observations"
    }
  }
  struct MitigatingFactor: Encodable {
    var uuid: String
    var description: String
  }
}
