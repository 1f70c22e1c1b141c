import HomologModel

/// A fixed dossier in the image of the demo project (RHab), already localized in French, touching every
/// section of the outputs: each status and verdict input, Kubernetes observations, attestations (one stale),
/// derogations in each state, vulnerabilities over and within limits, a regression, ignored and unreadable files,
/// requirement parts in each state, and the platform admission section.
enum DemoDossier {
  static let asOf = "2026-11-22"

  static func make() -> Dossier {
    var dossier = Dossier(
      generator: ToolInfo(name: "homolog", version: "0.1.0"), asOf: asOf, lang: "fr",
      project: ProjectSummary(
        name: "Registre des habilitations (RHab)", version: "1.4.2",
        organisation: "Ministère de l'Intérieur — DNUM, bureau des applications RH",
        context: ProjectContext(
          exposure: .internet, dataSensitivity: .usual, personalData: true, hosting: .cloudPi, procurement: false,
          roles: [.backend, .frontend], deployment: .consoleArgoCD, environments: ["dev", "prod"]),
        components: [ComponentSummary(name: "api", role: .backend), ComponentSummary(name: "web", role: .frontend)]),
      catalogue: CatalogueSummary(
        id: "cct-cloud-pi-native", title: "CCT Cloud Pi Native — référentiel d'exigences", version: "27.05.2024",
        sha256: "36400bd1e623ed84c8a3693e9d06c16025ec2cfb169606dd3e30b5898292e1cd"),
      verdict: Verdict(eliminatory: true, status: .eliminatoire, eliminating: ["EXI-ARCH-27", "EXI-ORG-7"]),
      score: Score(
        important: 66.7, importantWithoutDerogations: 33.3, met: 2, metWithoutDerogations: 1, applicable: 3,
        formula: "100 × Σ weight(Important met) / Σ weight(applicable Important)",
        categories: [
          CategoryScore(category: "Modèle d'Opération", important: 100, importantWithoutDerogations: 100, met: 1, metWithoutDerogations: 1, applicable: 1),
          CategoryScore(category: "Code Applicatif & Image", important: 50, importantWithoutDerogations: 0, met: 1, metWithoutDerogations: 0, applicable: 2),
        ]),
      counts: StatusCounts(), requirements: requirements(), derogations: derogations(), evidence: evidence(),
      ignored: [IgnoredFile(path: "reports/shared/README.md", reason: .unknownContent)],
      // A reader's diagnostic stays as the reader wrote it (English).
      unreadable: [IgnoredFile(path: "reports/api/junit.xml", reason: "reports/api/junit.xml:12: malformed XML (libxml2 error 76)")],
      findings: findings(),
      coverage: [
        ComponentCoverage(
          component: "api", role: .backend, lines: CoverageCounter(total: 540, covered: 531),
          branches: CoverageCounter(total: 122, covered: 120), percent: 98.3, threshold: 100, files: ["reports/api/coverage.xml"]),
        ComponentCoverage(
          component: "web", role: .frontend, lines: CoverageCounter(total: 200, covered: 163), branches: nil, percent: 81.5,
          threshold: 60, files: ["reports/web/cobertura-coverage.xml"]),
      ],
      tests: [], policy: Policy(), admission: admission(), regression: regression())
    for requirement in dossier.requirements { dossier.counts.add(requirement.status) }
    dossier.gate = ["eliminatory", "regression"]
    dossier.decision = decision()
    return dossier
  }

  /// Défavorable (éliminatoire): both eliminating requirements block, DER-2026-04 (in force, used) and EXI-ORG-17-B
  /// (Important, non évalué) are reserved; owners and due dates partly known; an owner with markup to escape.
  private static func decision() -> HomologationDecision {
    HomologationDecision(
      proposal: .unfavorable, validityMonths: nil, validUntil: nil,
      reasons: [.eliminatory(requirements: ["EXI-ARCH-27", "EXI-ORG-7"])],
      blocking: [
        DecisionItem(kind: .requirementNotMet, requirement: "EXI-ARCH-27", level: .primordial, status: .nonConforme, owner: "Équipe <API> & web", due: "2026-12-01"),
        DecisionItem(kind: .requirementNotMet, requirement: "EXI-ORG-7", level: .primordial, status: .nonEvalue),
      ],
      reservations: [
        DecisionItem(
          kind: .derogation, requirement: "EXI-ORG-10", level: .important, status: .derogation, derogation: "DER-2026-04", expiresOn: "2026-12-15",
          owner: "Responsable du module d'export", due: "2026-12-15"),
        DecisionItem(kind: .requirementNotMet, requirement: "EXI-ORG-17-B", level: .important, status: .nonEvalue, due: "2027-03-31"),
      ],
      authority: DecisionPerson(name: "Directrice du numérique", function: "Autorité d'homologation"),
      signatories: [DecisionPerson(name: "Claire Dubois", function: "RSSI ministérielle"), DecisionPerson(name: "Marc Petit", function: nil)])
  }

  private static func requirements() -> [RequirementResult] {
    var tag = RequirementResult(
      id: "EXI-ARCH-27", sourceId: "EXI-ARCH-27", level: .primordial, category: "Architecture",
      title: "imagePullPolicy IfNotPresent et tag d'image explicite (pas « latest »)",
      statement: "Les images sont référencées par un tag explicite.\nLe tag latest est interdit.", weight: 1,
      status: .nonConforme, basis: .checks, applicability: nil,
      checks: [
        check(
          "k8s.image-tag-pinned", .fail, "1 conteneur sans tag d'image explicite",
          observations: [
            observation(
              "l'image registry.example/rhab/api:latest n'a pas de tag explicite", problem: true, severity: .high,
              location: SourceLocation(file: "deploy/api.yaml", line: 21, column: 18),
              object: ObjectRef(kind: "Deployment", namespace: "rhab", name: "api", container: "api", helmSource: "rhab/templates/api.yaml"),
              enforced: true)
          ], evidence: ["deploy/api.yaml"])
      ], attestation: nil, derogation: nil, attestable: false)
    tag.parts = [
      part("tag-explicite", "Les images sont référencées par un tag explicite.", .checks, ["k8s.image-tag-pinned"], .failed,
        reasons: ["le contrôle k8s.image-tag-pinned échoue"], note: "Règle Kyverno disallow-latest : même exigence."),
      part("latest", "Le tag latest est interdit.", .checks, ["k8s.image-tag-pinned"], .failed, reasons: ["le contrôle k8s.image-tag-pinned échoue"]),
    ]
    var pipeline = RequirementResult(
      id: "EXI-ORG-7", sourceId: "EXI-ORG-7", level: .primordial, category: "Modèle d'Opération",
      title: "Pipeline de la chaîne secondaire sous la responsabilité du développeur", statement: "Le développeur porte son pipeline.",
      weight: 1, status: .nonEvalue, basis: .none, applicability: nil,
      checks: [check("tests.passing", .noEvidence, "aucun rapport de tests")], attestation: nil, derogation: nil, attestable: true)
    pipeline.parts = [
      part(
        "pipeline", "Le développeur porte son pipeline.", .either, ["tests.passing"], .missing,
        reasons: [
          "le contrôle tests.passing n'a trouvé aucune preuve à juger",
          "ni preuve technique ni attestation valide (attestations.yaml : requirement EXI-ORG-7, partie pipeline)",
        ])
    ]
    let vulnerabilities = RequirementResult(
      id: "EXI-ORG-13", sourceId: "EXI-ORG-13", level: .important, category: "Modèle d'Opération",
      title: "Veille et remédiation des nouvelles vulnérabilités (MCS)", statement: "Les vulnérabilités sont corrigées.", weight: 1,
      status: .conforme, basis: .checks, applicability: nil,
      checks: [
        check(
          "vuln.thresholds", .pass, "vulnérabilités dans les seuils : 0 critiques, 0 hautes, 3 moyennes, 1 basses",
          observations: [observation("alpine 3.19.1 maintenu", problem: false)], evidence: ["reports/shared/trivy-api-image.json"])
      ], attestation: nil, derogation: nil, attestable: false)
    let coverage = RequirementResult(
      id: "EXI-ORG-10", sourceId: "EXI-ORG-10", level: .important, category: "Code Applicatif & Image",
      title: "Couverture à 100 % du code back-end par les tests unitaires", statement: "Le back-end est couvert à 100 %.", weight: 1,
      status: .derogation, basis: .checks, applicability: nil,
      checks: [
        check(
          "coverage.backend", .fail, "couverture back-end inférieure à 100 %",
          observations: [
            observation(
              "api : 98,3 % des lignes couvertes (531/540), minimum 100 %", problem: true,
              location: SourceLocation(file: "reports/api/coverage.xml"))
          ], evidence: ["reports/api/coverage.xml", "reports/absent.xml"])
      ], attestation: nil, derogation: "DER-2026-04", attestable: false)
    var backups = RequirementResult(
      id: "EXI-ORG-17-B", sourceId: "EXI-ORG-17", level: .important, category: "Code Applicatif & Image",
      title: "Orchestration de la sauvegarde par l'équipe de développement", statement: "L'équipe orchestre la sauvegarde.", weight: 1,
      status: .nonEvalue, basis: .none, applicability: nil, checks: [], attestation: nil,
      attestations: [AttestationRecord(
        requirement: "EXI-ORG-17-B", statement: "L'équipe orchestre elle-même la sauvegarde (CronJob, bucket S3 hors production).",
        author: "Julien Martin, responsable technique", date: "2025-05-20",
        evidence: [AttestedFile(path: "docs/plan-sauvegarde.md", sha256: "34e91a53dd12a673f208ad4a6c14b20409045d566cd5393922517d440991070a", bytes: 371)],
        links: ["https://intranet.example.gouv.fr/sauvegarde"], valid: false, problem: Message("attestation.stale"))],
      derogation: nil, attestable: true)
    backups.attestations[0].problemText = "attestation vieille de 551 jours (maximum 365)"
    var hosting = RequirementResult(
      id: "EXI-G-5", sourceId: "EXI-G-5", level: .primordial, category: "Infrastructure",
      title: "Hébergement adapté à la nature des données (usuel / DR)", statement: "Choix d'un hébergement adapté.", weight: 1,
      status: .conforme, basis: .attestation, applicability: nil, checks: [],
      attestation: AttestationRecord(
        requirement: "EXI-G-5", statement: "RHab est hébergé sur Cloud Pi (on-premise).", author: "Claire Dubois, directrice de programme",
        date: "2026-09-15",
        evidence: [AttestedFile(path: "docs/convention-cloud-pi-native.md", sha256: "8e2427ef06911aead11de6ddef76dce1659e63f1bddb04472c116a34c5bf7829", bytes: 383)],
        links: [], valid: true, problem: nil),
      derogation: nil, attestable: true)
    hosting.attestations = hosting.attestation.map { [$0] } ?? []
    hosting.parts = [part("hebergement", "Choix d'un hébergement adapté.", .attestation, [], .proven)]
    var tenders = RequirementResult(
      id: "EXI-G-1", sourceId: "EXI-G-1", level: .important, category: "hiérarchie des normes",
      title: "Primauté du CCT et des exigences dans les appels d'offres", statement: "Le CCT prime.", weight: 1,
      status: .nonApplicable, basis: .context, applicability: Message("applicability.procurement"), checks: [], attestation: nil,
      derogation: nil, attestable: false)
    tenders.applicabilityText = "ne s'applique que dans le cadre d'un appel d'offres"
    return [tenders, hosting, pipeline, vulnerabilities, coverage, backups, tag]
  }

  private static func part(
    _ id: String, _ text: String, _ proof: ProofMode, _ checks: [String], _ status: PartStatus, reasons: [String] = [],
    note: String? = nil
  ) -> PartResult {
    var part = PartResult(
      id: id, text: text, proof: proof, checks: checks, note: note, status: status,
      basis: status == .proven ? (proof == .attestation ? .attestation : .checks) : .none,
      reasons: reasons.map { Message("text", [MessageArg("text", $0)]) })
    part.reasonTexts = reasons
    return part
  }

  private static func admission() -> [AdmissionRule] {
    var latest = AdmissionEntry(
      observation: observation(
        "l'image registry.example/rhab/api:latest n'a pas de tag explicite", problem: true,
        location: SourceLocation(file: "deploy/api.yaml", line: 21, column: 18),
        object: ObjectRef(kind: "Deployment", namespace: "rhab", name: "api", container: "api"), enforced: true),
      action: .validate)
    latest.text = "l'image registry.example/rhab/api:latest n'a pas de tag explicite"
    var history = AdmissionEntry(
      observation: observation(
        "CronJob/purge : successfulJobsHistoryLimit absent, au plus 5 attendu", problem: true,
        location: SourceLocation(file: "deploy/purge.yaml", line: 4), object: ObjectRef(kind: "CronJob", namespace: "rhab", name: "purge")),
      action: .mutate)
    history.text = "CronJob/purge : successfulJobsHistoryLimit absent, au plus 5 attendu"
    return [
      AdmissionRule(policy: "check-labels", check: "k8s.labels", action: .validate, requirement: nil, outcome: .admitted, entries: []),
      AdmissionRule(
        policy: "disallow-latest", check: "k8s.image-tag-pinned", action: .validate, requirement: "EXI-ARCH-27",
        outcome: .refusedInProduction, entries: [latest]),
      AdmissionRule(policy: "job-history", check: "k8s.cronjob-history", action: .mutate, requirement: nil, outcome: .mutated, entries: [history]),
      AdmissionRule(policy: "limit-size-pvc", check: "k8s.pvc-size", action: .validate, requirement: nil, outcome: .noEvidence, entries: []),
    ]
  }

  private static func derogations() -> [DerogationEntry] {
    [
      DerogationEntry(
        id: "DER-2025-11", requirement: "EXI-ARCH-24", justification: "Supervision des performances reportée au lot 2.",
        compensatingMeasures: ["Journalisation des temps de réponse"], approvedBy: "Commission d'homologation DNUM",
        approvedOn: "2025-11-03", expiresOn: "2026-05-03", scope: nil, state: .expired, daysToExpiry: -203, unused: false),
      DerogationEntry(
        id: "DER-2026-04", requirement: "EXI-ORG-10",
        justification: "Le module d'export historique n'est pas encore couvert à 100 % ; sa réécriture est planifiée.",
        compensatingMeasures: ["Revue de code à deux sur le module d'export", "Tests de bout en bout quotidiens"],
        approvedBy: "Commission d'homologation DNUM", approvedOn: "2026-06-01", expiresOn: "2026-12-15", scope: "composant api",
        state: .expiring, daysToExpiry: 23, unused: false),
      DerogationEntry(
        id: "DER-2026-07", requirement: "EXI-ORG-13", justification: "Délai de correction des vulnérabilités moyennes porté à 60 jours.",
        compensatingMeasures: ["WAF en mode blocage"], approvedBy: "RSSI ministériel", approvedOn: "2026-07-01",
        expiresOn: "2027-07-01", scope: nil, state: .active, daysToExpiry: 221, unused: true),
    ]
  }

  private static func evidence() -> [EvidenceSummary] {
    var findings = SeverityCounts()
    findings.critical = 1
    findings.high = 1
    findings.medium = 1
    return [
      EvidenceSummary(
        provenance: Provenance(
          path: "reports/api/coverage.xml", sha256: "f707edce860644199f46e632b8cb1ccbb21b467cb446199b789980a78605e968", bytes: 24983,
          format: "cobertura-xml", tool: ToolInfo(name: "Cobertura", version: "7.17.3"), generatedAt: "2026-11-20T08:14:02Z"),
        components: ["api"], findings: nil,
        coverage: CoverageSummary(lines: CoverageCounter(total: 540, covered: 531), branches: CoverageCounter(total: 122, covered: 120)),
        tests: nil, qualityGate: nil, kubernetesObjects: nil),
      EvidenceSummary(
        provenance: Provenance(
          path: "reports/shared/trivy-api-image.json", sha256: "21ddf0ace772fad4e22c891fdb57a61b1abc66634fae09e4667d9342eda1b7be",
          bytes: 4363, format: "trivy-json", tool: ToolInfo(name: "Trivy", version: "0.56.2"), generatedAt: "2026-11-20T08:14:02Z"),
        components: [], findings: findings, coverage: nil, tests: nil, qualityGate: nil, kubernetesObjects: nil),
      EvidenceSummary(
        provenance: Provenance(
          path: "deploy/api.yaml", sha256: "0b5e2f1c1d8b4a4cf3c3f0b0e5c7e2a9b6d4f1e8a7c5b3d2e1f0a9b8c7d6e5f4", bytes: 1840,
          format: "kubernetes-yaml"),
        components: ["api"], findings: nil, coverage: nil, tests: TestSummary(total: 0, failed: 0, errored: 0, skipped: 0),
        qualityGate: .ok, kubernetesObjects: 3),
    ]
  }

  private static func findings() -> [Finding] {
    [
      Finding(
        tool: "Trivy", kind: .vulnerability, ruleId: "CVE-2024-45491", severity: .critical, originalSeverity: "CRITICAL",
        title: "libexpat: integer overflow in dtdCopy", location: FindingLocation(target: "registry.example/rhab/api:1.4.2 (alpine 3.19.1)"),
        package: PackageRef(name: "libexpat", installedVersion: "2.6.2-r0", fixedVersion: "2.6.3-r0"), cve: ["CVE-2024-45491"],
        fingerprint: "a1"),
      Finding(
        tool: "Trivy", kind: .vulnerability, ruleId: "CVE-2024-35195", severity: .medium, originalSeverity: "MEDIUM",
        title: "requests: subsequent requests to the same host ignore cert verification",
        location: FindingLocation(path: "app/requirements.txt", line: 4),
        package: PackageRef(name: "requests", installedVersion: "2.31.0", fixedVersion: "2.32.0"), fingerprint: "a2"),
      Finding(
        tool: "Trivy", kind: .vulnerability, ruleId: "CVE-2023-0001", severity: .high, originalSeverity: "HIGH",
        title: "suppressed by a VEX statement", package: PackageRef(name: "zlib"), fingerprint: "a3", suppression: "not_affected"),
      Finding(
        tool: "Gitleaks", kind: .secret, ruleId: "generic-api-key", severity: .high, originalSeverity: "high",
        title: "Generic API Key", location: FindingLocation(path: "config/dev.env", line: 3), fingerprint: "a4"),
    ]
  }

  private static func regression() -> Regression {
    var regression = Regression(
      baselineAsOf: "2026-10-01",
      newFindings: [
        Finding(
          tool: "Trivy", kind: .vulnerability, ruleId: "CVE-2024-45491", severity: .critical, originalSeverity: "CRITICAL",
          title: "libexpat: integer overflow in dtdCopy", package: PackageRef(name: "libexpat", installedVersion: "2.6.2-r0"),
          fingerprint: "a1")
      ],
      fixedFindings: [
        Finding(
          tool: "Trivy", kind: .vulnerability, ruleId: "CVE-2024-2511", severity: .medium, originalSeverity: "MEDIUM",
          title: "openssl: unbounded memory growth", package: PackageRef(name: "libssl3"), fingerprint: "b1")
      ],
      coverageChanges: [CoverageChange(component: "api", before: 99.1, after: 98.3)], scoreBefore: 100, scoreAfter: 66.7,
      statusChanges: [StatusChange(requirement: "EXI-ARCH-27", before: .conforme, after: .nonConforme)],
      derogationsAdded: ["DER-2026-07"], derogationsExpired: ["DER-2025-11"],
      reasons: [Message("regression.coverage"), Message("regression.status")])
    regression.reasonTexts = ["couverture de api en baisse : 99,1 % → 98,3 %", "EXI-ARCH-27 n'est plus satisfaite"]
    return regression
  }

  private static func check(
    _ id: String, _ outcome: CheckOutcome, _ summary: String, observations: [Observation] = [], evidence: [String] = []
  ) -> CheckResult {
    var result = CheckResult(id: id, outcome: outcome, summary: Message("\(id).\(outcome.rawValue)"), observations: observations, evidence: evidence)
    result.summaryText = summary
    return result
  }

  private static func observation(
    _ text: String, problem: Bool, severity: Severity? = nil, location: SourceLocation? = nil, object: ObjectRef? = nil,
    enforced: Bool? = nil
  ) -> Observation {
    var observation = Observation(
      Message("fixture"), problem: problem, severity: severity, evidence: location?.file, location: location, object: object,
      enforced: enforced)
    observation.text = text
    return observation
  }
}
