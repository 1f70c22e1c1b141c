import Foundation
import HomologModel

/// `homolog init`: commented starter files for a new project.
enum InitCommand: Command {
  static let name = "init"
  static let summary = "write commented starter files (homolog.yaml, attestations.yaml, derogations.yaml)"
  static let synopsis = ["[--dir DIR] [--name NAME] [--from-ci FILE] [--force]"]
  static let about = """
    Writes homolog.yaml, attestations.yaml (every requirement an attestation may prove, commented out)
    and derogations.yaml (a commented example) into DIR, asking nothing. The project evaluates at once
    (every requirement non évalué); init then prints the next steps: which evidence files to add for which
    requirements, and how to attest.
    """
  static let options: [Option] = [
    .value("--dir", "DIR", "where to write the files (default: the current folder)", completion: .directory),
    .value("--name", "NAME", "the project's name (default: the folder's name)"),
    .value("--from-ci", "FILE", "a GitLab CI file (e.g. .gitlab-ci-dso.yml) including the Cloud Pi Native catalogue: "
      + "homolog.yaml lists the reports its jobs produce as evidence", completion: .file),
    .flag("--force", "overwrite existing files (without it, existing files are kept and init stops)"),
  ]

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    let dir = Pipeline.url(arguments.value("--dir") ?? ".")
    let projectName = arguments.value("--name") ?? dir.lastPathComponent
    let force = arguments.flag("--force")
    try arguments.finish()
    do throws(InputError) {
      let catalogue = try Pipeline.catalogue(nil)
      let files: [(name: String, data: Data)] = [
        ("homolog.yaml", Data(Starters.project(name: projectName).utf8)),
        ("attestations.yaml", Data(Starters.attestations(catalogue).utf8)),
        ("derogations.yaml", Data(Starters.derogations.utf8)),
      ]
      if !force {
        for file in files where FileManager.default.fileExists(atPath: dir.appendingPathComponent(file.name).path) {
          throw InputError("\(file.name) already exists (use --force to overwrite)", at: SourceLocation(file: Pipeline.display(dir.appendingPathComponent(file.name), base: Pipeline.currentDirectory)))
        }
      }
      try OutputWriter.write(files, to: dir, display: dir.path)
      for file in files { Console.out("wrote \(Pipeline.display(dir.appendingPathComponent(file.name), base: Pipeline.currentDirectory))") }
      return .ok
    } catch {
      throw .input(error)
    }
  }
}

/// The text of the starter files.
enum Starters {
  static func project(name: String) -> String {
    """
    # homolog project file — see README.md. Paths are relative to this file.
    project:
      name: "\(name)"
      version: "0.1.0"
      organisation: "Ministère — direction"   # who owns the application

    # Context decides which requirements apply (e.g. EXI-G-6 only when exposed on the internet).
    context:
      exposure: internal          # internet | rie | internal
      data_sensitivity: usual     # usual | dr (Diffusion Restreinte)
      personal_data: false        # true when personal data (RGPD) is stored: EXI-DATA-2 applies
      hosting: cloud-pi           # cloud-pi | public-cloud | dedicated | mixed
      procurement: false          # true when this dossier supports a bid in a call for tenders
      # deployment: console-argocd          # console-argocd | gitops | manual: how it is deployed (absent = not stated)
      # environments: [dev, preprod, prod]  # the environments it is deployed to (absent = not stated)

    # Components and their role: coverage and tests are judged per role (EXI-ORG-10, EXI-ORG-11).
    components:
      - name: api
        role: backend             # backend | frontend | worker | batch | data | other
        evidence: [reports/api]   # files or folders holding this component's reports
      # - name: web
      #   role: frontend
      #   evidence: [reports/web]

    # Evidence shared by the whole project (image scans, manifests, SBOMs…), files or folders.
    evidence:
      - reports/shared

    attestations: attestations.yaml
    derogations: derogations.yaml

    # Thresholds; the values below are the defaults.
    policy:
      vulnerabilities: {critical: 0, high: 0}   # open vulnerabilities allowed per severity (null = no limit)
      coverage: {backend: 100, frontend: 60}     # minimum line coverage per role, percent
      sast_blocking_severity: high               # static-analysis findings at or above this block
      attestation_max_age_days: 365
      derogation_warning_days: 30
      regression_severity: high                  # against a baseline, a new finding at or above this is a regression
      coverage_tolerance: 0                      # against a baseline, coverage may drop by this many points
      # allowed_registries:                      # images must come from these; the list replaces the default
      #   - harbor.apps.c6.numerique-interieur.com/   # default: the platform's Kyverno list and the offer's Harbor (harbor.*/)
      gate: [eliminatory]                        # eliminatory (always, unless -eliminatory), regression, score<N,
                                                 # expired-derogation, no-evidence, platform-refusal

    """
  }

  static func attestations(_ catalogue: Catalogue) -> String {
    var text = """
      # Attestations: the team's signed statements for requirements no file can prove.
      # Uncomment and complete the ones that apply. Evidence files are hashed (SHA-256) into the dossier;
      # an attestation older than policy.attestation_max_age_days no longer counts.
      attestations:

      """
    for requirement in catalogue.requirements where requirement.attestable {
      let parts = requirement.parts.filter { $0.proof.acceptsAttestation }.map(\.id)
      text += """
        # # \(requirement.id) (\(requirement.level.rawValue)) — \(requirement.title)
        # - requirement: \(requirement.id)
        #   statement: "…"
        #   author: "Prénom Nom, fonction"
        #   date: 2026-01-31
        #   evidence: [docs/preuve.pdf]
        #   links: ["https://…"]
        #   parts: [\(parts.joined(separator: ", "))]   # optional: the parts it covers (default: all of these)

        """
    }
    text += "  []\n"
    return text.replacingOccurrences(of: "attestations:\n\n", with: "attestations:\n")
  }

  static let derogations = """
    # Derogations approved by the homologation authority. Expired ones do not count; ones expiring
    # within policy.derogation_warning_days are flagged; ones covering a met requirement are reported as unused.
    derogations: []
    # - id: DER-2026-01
    #   requirement: EXI-ARCH-27
    #   justification: "…"
    #   compensating_measures: ["…"]
    #   approved_by: "Autorité d'homologation"
    #   approved_on: 2026-01-15
    #   expires_on: 2026-07-15
    #   scope: "composant api"

    """
}
