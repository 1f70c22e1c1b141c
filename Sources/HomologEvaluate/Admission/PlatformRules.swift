import HomologModel

/// A Kyverno rule of the Cloud Pi Native platform that homolog predicts from the manifests.
public struct PlatformRule: Sendable, Hashable {
  /// The Kyverno policy's name, as the platform's documentation lists it.
  public var policy: String
  /// The check whose enforced observations are this rule's violations.
  public var check: String
  public var action: AdmissionAction
  /// The CCT requirement whose text asks the same thing (the catalogue maps the check there); nil when none does.
  public var requirement: String?
}

/// The platform's Kyverno rules homolog predicts (reference: `cpin-doc-kyverno.md`, AUDIT outside production,
/// ENFORCE in production; `job-history` adds the history limits). Rules with no CCT sentence are admission only.
public enum PlatformRules {
  public static let list: [PlatformRule] = [
    PlatformRule(policy: "check-labels", check: "k8s.labels", action: .validate, requirement: nil),
    PlatformRule(policy: "cm-no-credentials", check: "k8s.configmap-no-credentials", action: .validate, requirement: "EXI-ARCH-22"),
    PlatformRule(policy: "disallow-latest", check: "k8s.image-tag-pinned", action: .validate, requirement: "EXI-ARCH-27"),
    PlatformRule(policy: "disallow-hostpath", check: "k8s.no-host-access", action: .validate, requirement: "EXI-ARCH-26"),
    PlatformRule(policy: "limit-size-pvc", check: "k8s.pvc-size", action: .validate, requirement: nil),
    PlatformRule(policy: "need-containers-ressources", check: "k8s.resources", action: .validate, requirement: nil),
    PlatformRule(policy: "restrict-image-registry", check: "k8s.allowed-registries", action: .validate, requirement: "EXI-ARCH-13"),
    PlatformRule(policy: "restrict-nodeport", check: "k8s.no-nodeport", action: .validate, requirement: nil),
    PlatformRule(policy: "need-liveness-readiness", check: "k8s.probes", action: .validate, requirement: "EXI-ARCH-12"),
    PlatformRule(policy: "job-history", check: "k8s.cronjob-history", action: .mutate, requirement: nil),
  ]

  /// The ids of the checks that predict platform rules.
  public static var checks: Set<String> { Set(list.map(\.check)) }
}
