import HomologEvaluate
import HomologModel

/// What `init` prints after writing the starters: which evidence to add for which requirements, how to attest.
enum NextSteps {
  /// What a kind of evidence is, as a user produces it.
  static func describe(_ kind: EvidenceKind) -> String {
    switch kind {
    case .vulnerabilities: "a vulnerability scan (Trivy, Grype, Harbor, Dependency-Check, CycloneDX with vulnerabilities)"
    case .findings: "static analysis and secret scanning (SARIF, SonarQube issues, Gitleaks)"
    case .coverage: "each component's coverage report (Cobertura, JaCoCo, LCOV…), components declared in homolog.yaml"
    case .tests: "each component's JUnit test report"
    case .qualityGate: "the SonarQube quality-gate status (api/qualitygates/project_status)"
    case .images: "an image scan stating its OS (Trivy, Grype)"
    case .api: "the API's OpenAPI description"
    case .kubernetes: "the rendered Kubernetes manifests (helm template > manifests.yaml)"
    }
  }

  /// The requirements each kind of evidence lets the built-in checks judge, in catalogue order.
  static func requirements(_ catalogue: Catalogue) -> [(kind: EvidenceKind, requirements: [String])] {
    EvidenceKind.allCases.compactMap { kind in
      let checks = AllChecks.list.map { type(of: $0).doc }.filter { $0.reads.contains(kind) }.map(\.id)
      let judged = Set(checks.flatMap { CatalogueMapping.judged(by: $0, in: catalogue) })
      let ordered = catalogue.requirements.map(\.id).filter(judged.contains)
      return ordered.isEmpty ? nil : (kind, ordered)
    }
  }

  /// The text, numbered steps.
  static func text(_ catalogue: Catalogue, folder: String, pipeline: PipelineEvidence?) -> String {
    let attestable = catalogue.requirements.filter(\.attestable).count
    var steps: [String] = []
    steps.append("run `homolog evaluate`\(folder.isEmpty ? "" : " in \(folder)"): it works now, every requirement non évalué (exit 1) until evidence is added")
    var evidence = "put your reports in \(Starters.reportsFolder)/ (or list files and folders under evidence: in homolog.yaml); each kind lets homolog judge:"
    for (kind, ids) in requirements(catalogue) {
      evidence += "\n     - \(describe(kind)): \(ids.joined(separator: ", "))"
    }
    steps.append(evidence)
    if let pipeline, !pipeline.notes.isEmpty || !(pipeline.components.isEmpty && pipeline.shared.isEmpty) {
      var ci = "from the pipeline: homolog.yaml lists the reports its jobs produce (commented out while absent here)"
      for note in pipeline.notes { ci += "\n     - \(note)" }
      steps.append(ci)
    }
    let components = (pipeline?.components.isEmpty ?? true) ? "declare the components with their role" : "check the components and their role"
    steps.append("state the context in homolog.yaml (exposure, data sensitivity, personal data, hosting…) and \(components): "
      + "until then, the requirements that depend on them stay non évalué")
    steps.append("attest what no file proves: attestations.yaml lists the \(attestable) requirements an attestation may prove, "
      + "commented out; uncomment one, write the statement, author, date and the evidence file it rests on")
    steps.append("see what homolog reads from a file with `homolog inspect FILE`, and the formats it knows with `homolog formats`")
    return "\nNext steps:\n" + steps.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n")
  }
}
