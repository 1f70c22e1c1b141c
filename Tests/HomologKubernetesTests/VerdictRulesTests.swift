import Foundation
import HomologEvaluate
import HomologKubernetes
import HomologModel
import XCTest

/// The rules that keep Kubernetes verdicts signable: absence proves nothing, stated facts decide, what
/// Argo CD never deploys is not judged, the offer's own registry is allowed.
final class VerdictRulesTests: XCTestCase {
  private let chartWithoutApplication = """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: annuaire}
    spec:
      template:
        spec:
          containers:
            - {name: api, image: "harbor.apps.c6.numerique-interieur.com/annuaire/api:3f9c2ab1"}
    """

  func testNoArgoCDApplicationGivesNoEvidenceNeverAFailure() throws {
    let result = ArgoCDApplicationCheck().evaluate(try TestEvidence.set(chartWithoutApplication))
    XCTAssertEqual(result.outcome, .noEvidence)
    XCTAssertEqual(result.summary.key, "k8s.argocd-application.no_evidence")
    XCTAssertEqual(result.problems, [])
  }

  func testStatedDeploymentOtherFailsWithThatFact() throws {
    var evidence = try TestEvidence.set(chartWithoutApplication)
    evidence.context.deployment = .manual
    let result = ArgoCDApplicationCheck().evaluate(evidence)
    XCTAssertEqual(result.outcome, .fail)
    XCTAssertEqual(result.problems.map(\.message.key), ["k8s.argocd-application.declared-manual"])
    XCTAssertEqual(result.problems.first?.enforced, false)
    // Even with no manifest at all, the stated fact decides.
    let bare = ArgoCDApplicationCheck().evaluate(EvidenceSet(files: [], context: ProjectContext(deployment: .manual)))
    XCTAssertEqual(bare.outcome, .fail)
  }

  func testStatedConsoleArgoCDIsNotedButProvesNothingByItself() throws {
    var evidence = try TestEvidence.set(chartWithoutApplication)
    evidence.context.deployment = .consoleArgoCD
    let result = ArgoCDApplicationCheck().evaluate(evidence)
    XCTAssertEqual(result.outcome, .noEvidence)
    XCTAssertEqual(result.observations.map(\.message.key), ["k8s.argocd-application.declared-console"])
    XCTAssertEqual(result.observations.map(\.problem), [false])
  }

  func testApplicationsPresentAreJudgedAsBefore() throws {
    let evidence = try TestEvidence.set([Fixtures.url("real/kubernetes/argocd-app-argo-cd.yaml")])
    let result = ArgoCDApplicationCheck().evaluate(evidence)
    XCTAssertEqual(result.outcome, .pass)
    XCTAssertEqual(result.summary.arg("applications"), "1")
    XCTAssertEqual(result.observations.map(\.message.key), ["k8s.argocd-application.found"])
  }

  func testRepeatedIdenticalKeysAreShownByTheArgoCDCheck() throws {
    let text = chartWithoutApplication.replacingOccurrences(of: "metadata: {name: annuaire}", with: "metadata: {name: annuaire, name: annuaire}")
    let result = ArgoCDApplicationCheck().evaluate(try TestEvidence.set(text, name: "rendered.yaml"))
    XCTAssertEqual(result.outcome, .noEvidence)
    let note = try XCTUnwrap(result.observations.first)
    XCTAssertEqual(note.message.key, "k8s.manifest.repeated-key")
    XCTAssertEqual(note.message.arg("key"), "name")
    XCTAssertEqual(note.location, SourceLocation(file: "rendered.yaml", line: 3, column: 28))
    XCTAssertFalse(note.problem)
  }

  /// `helm create`'s test pod, untagged busybox without probes: Argo CD never deploys it.
  func testHelmTestHooksAreNotJudgedButNoted() throws {
    let url = Fixtures.url("checks/k8s.image-tag-pinned/pass.helm-test-hook.yaml")
    let evidence = try TestEvidence.set([url])
    for check in [ImageTagPinnedCheck() as any Check, ProbesCheck(), AllowedRegistriesCheck(), ResourcesCheck()] {
      let result = check.evaluate(evidence)
      XCTAssertEqual(result.summary.arg("checked"), "1", check.id)
      let hook = try XCTUnwrap(result.observations.first { $0.message.key == "k8s.helm-test-hook" }, check.id)
      XCTAssertEqual(hook.object?.name, "annuaire-test-connection")
      XCTAssertEqual(hook.message.arg("hook"), "test")
      XCTAssertEqual(hook.location?.line, 26)
      XCTAssertFalse(hook.problem)
    }
    XCTAssertEqual(ImageTagPinnedCheck().evaluate(evidence).outcome, .pass)
    XCTAssertEqual(ProbesCheck().evaluate(evidence).outcome, .pass)
  }

  func testEveryHelmTestHookSpellingIsRecognised() throws {
    for hook in ["test", "test-success", "test-failure", "pre-install,test", " Test "] {
      let object = try XCTUnwrap(
        try ManifestDecoder.decode(
          Data("apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\n  annotations: {\"helm.sh/hook\": \"\(hook)\"}\n".utf8), file: "t.yaml"
        ).first)
      XCTAssertTrue(object.isHelmTestHook, hook)
    }
    for hook in ["pre-install", "post-upgrade", "testing"] {
      let object = try XCTUnwrap(
        try ManifestDecoder.decode(
          Data("apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\n  annotations: {\"helm.sh/hook\": \"\(hook)\"}\n".utf8), file: "t.yaml"
        ).first)
      XCTAssertFalse(object.isHelmTestHook, hook)
    }
  }

  func testRegistryPatternsMatchWholePathComponents() {
    let docker = RegistryPattern("docker.io/")
    XCTAssertTrue(docker.matches("docker.io/library/nginx:1.27"))
    XCTAssertFalse(docker.matches("docker.io.evil.example/library/nginx:1.27"))
    XCTAssertFalse(docker.matches("nginx:1.27"), "matched as written, like the Kyverno pattern")
    let bitnami = RegistryPattern("bitnami")
    XCTAssertTrue(bitnami.matches("bitnami/postgresql:16.4.0"))
    XCTAssertFalse(bitnami.matches("bitnamix/postgresql:16.4.0"))
    XCTAssertFalse(bitnami.matches("bitnami:1.0"), "a repository named bitnami is not below bitnami/")
    let harbor = RegistryPattern("harbor.*/")
    XCTAssertTrue(harbor.matches("harbor.apps.c6.numerique-interieur.com/annuaire/api:3f9c2ab1"))
    XCTAssertTrue(harbor.matches("HARBOR.example.fr/annuaire/api@sha256:abc"))
    XCTAssertFalse(harbor.matches("registry.harbor.example/annuaire/api:1.0"))
    XCTAssertFalse(harbor.matches("harbor/annuaire:1.0"))
    let project = RegistryPattern("harbor.apps.c6.numerique-interieur.com/annuaire")
    XCTAssertTrue(project.matches("harbor.apps.c6.numerique-interieur.com/annuaire/api:1.0"))
    XCTAssertFalse(project.matches("harbor.apps.c6.numerique-interieur.com/annuaire-other/api:1.0"))
    XCTAssertFalse(RegistryPattern("").matches("docker.io/library/nginx:1.27"))
  }

  func testTheOffersHarborPassesByDefault() throws {
    let result = AllowedRegistriesCheck().evaluate(try TestEvidence.set(chartWithoutApplication))
    XCTAssertEqual(result.outcome, .pass)
    XCTAssertTrue(Policy.platformRegistries.contains("harbor.*/"))
  }

  func testAnEmptyRegistryListGivesNoEvidence() throws {
    let result = AllowedRegistriesCheck().evaluate(try TestEvidence.set(chartWithoutApplication, policy: Policy(allowedRegistries: [])))
    XCTAssertEqual(result.outcome, .noEvidence)
  }

  func testBranchNameTagsFailButCommitShasAndGitTagsPass() throws {
    func outcome(_ image: String) throws -> CheckOutcome {
      let text = chartWithoutApplication.replacingOccurrences(
        of: "harbor.apps.c6.numerique-interieur.com/annuaire/api:3f9c2ab1", with: image)
      return ImageTagPinnedCheck().evaluate(try TestEvidence.set(text)).outcome
    }
    for tag in ["master", "main", "develop", "dev", "staging", "release", "trunk", "MAIN"] {
      XCTAssertEqual(try outcome("harbor.example.fr/a/api:\(tag)"), .fail, tag)
    }
    for tag in ["3f9c2ab1", "3f9c2ab1e0d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8", "v1.4.2", "1.4.2", "main-3f9c2ab1", "release-1.4"] {
      XCTAssertEqual(try outcome("harbor.example.fr/a/api:\(tag)"), .pass, tag)
    }
  }

  func testBranchTagFailureIsNotEnforcedAndNamesTheTag() throws {
    let url = Fixtures.url("checks/k8s.image-tag-pinned/fail.branch-names.yaml")
    let problems = ImageTagPinnedCheck().evaluate(try TestEvidence.set([url])).problems
    XCTAssertEqual(problems.map(\.message.key), Array(repeating: "k8s.image-tag-pinned.branch", count: 3))
    XCTAssertEqual(problems.compactMap { $0.message.arg("tag") }, ["master", "develop", "Main"])
    XCTAssertEqual(problems.map(\.enforced), [false, false, false])
  }

  func testReadOnlyRootFilesystemUnsetIsAnObservationNotAFailure() throws {
    let result = ReadOnlyRootFilesystemCheck().evaluate(try TestEvidence.set(chartWithoutApplication))
    XCTAssertEqual(result.outcome, .pass)
    XCTAssertEqual(result.observations.map(\.message.key), ["k8s.read-only-root-filesystem.unset"])
    XCTAssertEqual(result.observations.map(\.problem), [false])
  }

  func testSecretValuesNeverAppearInMessages() throws {
    let env = EnvNoCredentialsCheck().evaluate(try TestEvidence.set([Fixtures.url("checks/k8s.env-no-credentials/fail.literal.yaml")]))
    let secret = SecretNoPrivateKeyCheck().evaluate(
      try TestEvidence.set([Fixtures.url("checks/k8s.secret-no-private-key/fail.tls-key.yaml")]))
    XCTAssertEqual(env.problems.compactMap { $0.message.arg("variable") }, [
      "SPRING_DATASOURCE_PASSWORD", "keycloak-client-secret", "GITLAB_API_TOKEN", "DATABASE_URL",
    ])
    XCTAssertEqual(secret.problems.compactMap { $0.message.arg("key") }, ["tls.key", "jwt-signing.pem"])
    for problem in env.problems + secret.problems {
      for arg in problem.message.args {
        for leaked in ["s3cr3t", "7d1f0c2e", "glpat", "PRIVATE KEY", "MII", "LS0t"] {
          XCTAssertFalse(arg.value.contains(leaked), "\(problem.message.key) \(arg.name)")
        }
      }
    }
  }

  func testCredentialNamesAndLocations() throws {
    func failed(_ name: String, _ value: String = "hunter2-Xy") throws -> Bool {
      let text = chartWithoutApplication.replacingOccurrences(
        of: "image: \"harbor.apps.c6.numerique-interieur.com/annuaire/api:3f9c2ab1\"}",
        with: "image: \"harbor.apps.c6.numerique-interieur.com/annuaire/api:3f9c2ab1\", env: [{name: \"\(name)\", value: \"\(value)\"}]}")
      return EnvNoCredentialsCheck().evaluate(try TestEvidence.set(text)).outcome == .fail
    }
    XCTAssertTrue(try failed("DB_PASSWORD"))
    XCTAssertTrue(try failed("aws-secret-access-key"))
    XCTAssertTrue(try failed("STRIPE_API_KEY"))
    XCTAssertFalse(try failed("DB_PASSWORD_FILE"))
    XCTAssertFalse(try failed("OIDC_TOKEN_URL"))
    XCTAssertFalse(try failed("DB_USER"))
    XCTAssertFalse(try failed("DB_PASSWORD", "${DB_PASSWORD}"))
    XCTAssertFalse(try failed("TOKEN_LIFETIME", "3600"))
  }
}
