import Foundation
import HomologModel

/// The text of the starter files.
enum Starters {
  /// The folder `init` creates for reports, listed as evidence so the project evaluates at once.
  static let reportsFolder = "reports"

  /// homolog.yaml: nothing stated that init cannot know (context, components), every evidence path existing;
  /// with a pipeline, the paths its jobs produce (commented out while they do not exist here).
  static func project(name: String, pipeline: PipelineEvidence?, exists: (String) -> Bool) -> String {
    var text = """
      # homolog project file — see README.md. Paths are relative to this file.
      project:
        name: \(quoted(name))
        version: "0.1.0"
        # organisation: "Ministère — direction"   # who owns the application

      # Context decides which requirements apply (e.g. EXI-G-6 only when exposed on the internet). Nothing is
      # assumed: until a fact is stated, the requirements that depend on it stay non évalué. Uncomment and state them.
      context:
        # exposure: internal          # internet | rie | internal
        # data_sensitivity: usual     # usual | dr (Diffusion Restreinte)
        # personal_data: false        # true when personal data (RGPD) is stored: EXI-DATA-2 applies
        # hosting: cloud-pi           # cloud-pi | public-cloud | dedicated | mixed
        # procurement: false          # true when this dossier supports a bid in a call for tenders
        # deployment: console-argocd          # console-argocd | gitops | manual: how it is deployed
        # environments: [dev, preprod, prod]  # the environments it is deployed to

      # Components and their role: coverage and tests are judged per role (EXI-ORG-10, EXI-ORG-11).

      """
    let components = pipeline?.components ?? []
    if components.isEmpty {
      text += """
        # components:
        #   - name: api
        #     role: backend             # backend | frontend | worker | batch | data | other
        #     evidence: [reports/api]   # files or folders holding this component's reports
        #   - name: web
        #     role: frontend
        #     evidence: [reports/web]

        """
    } else {
      text += "components:\n"
      for component in components {
        text += "  - name: \(quoted(component.name))         # from job \(comment(component.job))\n"
        text += "    role: \(component.role.rawValue)" + (component.role == .frontend ? "         # check it: backend | frontend | worker | batch | data | other\n" : "\n")
        text += "    evidence:\n" + paths(component.paths, indent: "      ", exists: exists, empty: "      []")
      }
    }
    text += """

      # Evidence shared by the whole project (image scans, manifests, SBOMs…), files or folders. Every report in
      # \(reportsFolder)/ is read; homolog recognises formats by content (homolog formats).
      evidence:
        - \(quoted(reportsFolder))

      """
    text += paths(pipeline?.shared ?? [], indent: "  ", exists: exists, empty: "")
    text += "\n"
    return text + projectTail
  }

  /// A YAML double-quoted scalar: backslash, quote and control characters escaped, so `#`, `: ` or a leading `-`
  /// stay part of the text.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029:
        out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16, uppercase: true)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// Text for a `#` comment: on one line.
  private static func comment(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { CharacterSet.newlines.contains($0) || $0.value < 0x20 ? " " : $0 }))
  }

  /// Evidence paths as list items: existing ones active, the others commented out with why.
  private static func paths(_ paths: [PipelineEvidence.Path], indent: String, exists: (String) -> Bool, empty: String) -> String {
    let present = paths.filter { exists($0.path) }
    var text = ""
    for path in paths {
      if exists(path.path) {
        text += "\(indent)- \(quoted(path.path))   # \(comment(path.origin))\n"
      } else {
        let fix = path.kept ? "uncomment when it is there" : "keep it with artifacts: paths in the job, then uncomment"
        text += "\(indent)# - \(quoted(path.path))   # \(comment(path.origin)); not here yet: \(fix)\n"
      }
    }
    return present.isEmpty && !empty.isEmpty ? empty + "\n" + text : text
  }

  private static let projectTail = """
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

    # The proposed homologation decision, last page of dossier.html (docs/decision.md); the values below are the defaults.
    # decision:
    #   authority: {name: "…", function: "Autorité d'homologation"}
    #   signatories: [{name: "…", function: "RSSI"}]   # one signature block each
    #   validity:                                    # months of validity per Important score band, highest first
    #     - {min_score: 90, months: 36}
    #     - {min_score: 75, months: 24}
    #     - {min_score: 50, months: 12}
    #     - {min_score: 0, months: 6}
    #   critical_vulnerability_months: 6             # at most this while a critical vulnerability is open
    #   high_vulnerability_months: 12                # at most this while a high vulnerability is open
    #   actions:                                     # the action plan (action-plan.csv): who fixes what, by when
    #     - {requirement: EXI-ORG-10, owner: "…", due: 2027-03-31}

    """

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
    #   owner: "Équipe API"   # optional: who answers for the requirement until the derogation ends

    """
}
