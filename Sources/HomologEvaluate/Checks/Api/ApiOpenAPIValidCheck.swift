import HomologModel

/// A valid OpenAPI (or Swagger) description with at least one path is provided.
public struct ApiOpenAPIValidCheck: Check {
  public static let doc = CheckDoc(
    id: "api.openapi-valid", title: "A valid OpenAPI description of the API is provided",
    rationale: "EXI-DATA-1: the application provides at least one valid OpenAPI description file.", reads: [.api])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    let documents = evidence.files.compactMap { file in file.api.map { ($0, file.id) } }
    guard !documents.isEmpty else { return result(.noEvidence) }
    var observations: [Observation] = []
    var good = 0
    for (api, file) in documents {
      let args = [MessageArg("spec", api.specVersion), MessageArg("title", api.title ?? ""), MessageArg("paths", "\(api.pathCount)")]
      if api.isValid && api.pathCount > 0 {
        good += 1
        observations.append(Observation(Message("api.valid", args), problem: false, evidence: file))
      } else {
        if api.pathCount == 0 { observations.append(Observation(Message("api.no-paths", args), problem: true, evidence: file)) }
        for problem in api.problems.prefix(20) {
          observations.append(Observation(Message("api.problem", [MessageArg("problem", problem)]), problem: true, evidence: file))
        }
      }
    }
    return result(good > 0 ? .pass : .fail, [MessageArg("count", "\(documents.count)")], observations: observations, evidence: documents.map(\.1))
  }
}
