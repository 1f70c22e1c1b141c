import HomologKubernetes
import HomologModel

/// What a Kubernetes check saw: how many things it checked, and an observation per failure (or note).
/// Its result is no evidence when nothing was judged (no manifests, or nothing of the kind the check judges),
/// otherwise fail when any observation is a problem, else pass. Helm test hooks are noted, never judged.
struct ManifestJudgement {
  let manifests: Manifests
  /// How many objects, containers or fields the check looked at (the summary's `checked`).
  var checked = 0
  private(set) var observations: [Observation] = []
  private(set) var failures = 0

  init(_ evidence: EvidenceSet) { manifests = Manifests(evidence) }

  /// Records a failure about an object (and container), located at `node` (the object itself when nil).
  /// `enforced`: the platform's Kyverno rule blocks it in production.
  mutating func fail(
    _ key: String, _ object: KubernetesObject, container: Container? = nil, at node: Node?, enforced: Bool,
    _ args: [MessageArg] = []
  ) {
    failures += 1
    observations.append(observation(key, object, container: container, at: node, args, problem: true, enforced: enforced))
  }

  /// Records a fact that is not a problem (an endpoint recognised, an application found…).
  mutating func note(_ key: String, _ object: KubernetesObject, container: Container? = nil, at node: Node?, _ args: [MessageArg] = []) {
    observations.append(observation(key, object, container: container, at: node, args, problem: false, enforced: nil))
  }

  /// Records a fact that is not a problem and belongs to no object (e.g. a fact homolog.yaml states).
  mutating func noteUnlocated(_ key: String, _ args: [MessageArg] = []) {
    observations.append(Observation(Message(key, args), problem: false))
  }

  /// Records an observation made elsewhere (e.g. by the manifest reader), as it is.
  mutating func record(_ observation: Observation) {
    if observation.problem { failures += 1 }
    observations.append(observation)
  }

  /// Records a problem that belongs to no object (e.g. something missing from every manifest).
  mutating func failUnlocated(_ key: String, _ args: [MessageArg] = [], enforced: Bool) {
    failures += 1
    observations.append(Observation(Message(key, args), problem: true, enforced: enforced))
  }

  private func observation(
    _ key: String, _ object: KubernetesObject, container: Container?, at node: Node?, _ args: [MessageArg], problem: Bool,
    enforced: Bool?
  ) -> Observation {
    var all = [MessageArg("object", object.displayName)]
    if let container { all.append(MessageArg("container", container.name)) }
    return Observation(
      Message(key, all + args), problem: problem, evidence: object.file, location: object.location(of: node),
      object: object.ref(container: container?.name), enforced: enforced)
  }

  /// The check's result, summary args `checked` and `failed` (plus `extra`).
  func result(of check: some Check, _ extra: [MessageArg] = []) -> CheckResult {
    let all = observations + hookNotes
    guard checked > 0 else {
      return check.result(.noEvidence, extra, observations: all, evidence: manifests.files)
    }
    let args = [MessageArg("checked", "\(checked)"), MessageArg("failed", "\(failures)")] + extra
    return check.result(failures > 0 ? .fail : .pass, args, observations: all, evidence: manifests.files)
  }

  /// One note per Helm test hook: set apart, never judged.
  private var hookNotes: [Observation] {
    manifests.testHooks.map { hook in
      observation(
        "k8s.helm-test-hook", hook, container: nil, at: hook.body["metadata"]?["annotations"]?.key("helm.sh/hook"),
        [MessageArg("hook", hook.annotations["helm.sh/hook"] ?? "test")], problem: false, enforced: nil)
    }
  }
}
