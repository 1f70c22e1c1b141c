import HomologModel

/// The rules of Kubernetes configuration scanners (Checkov, Kubescape, kube-linter, Polaris) whose failure
/// means what one of homolog's own Kubernetes checks fails on, and which the CCT sentence of every part citing that
/// check judges itself: such a finding is tagged with the requirements of those parts, as the check's own
/// observations are. A rule the check also fails on but the sentence does not name (a hostPort or a shared host
/// namespace under EXI-ARCH-26's « monter des ressources depuis le node », one replica under EXI-ARCH-2's
/// anti-affinity rules) is not mapped, with the reason. A rule that fails on something homolog
/// deliberately accepts (an unset `runAsNonRoot` or `readOnlyRootFilesystem`, which EXI-ARCH-26 forbids
/// imposing), or that asks the opposite of the CCT (`imagePullPolicy: Always` where EXI-ARCH-27 says
/// IfNotPresent), is not mapped: its findings are listed without requirement. The table is the source of
/// `docs/scanner-mapping.md` (a test keeps them equal); it tags findings, it never changes a verdict.
public enum ScannerCheckMapping {
  /// One scanner rule and the homolog check whose meaning it matches.
  public struct Entry: Sendable, Hashable {
    /// The tool as its reader names it (`Checkov`, `Kubescape`, `kube-linter`, `Polaris`).
    public var tool: String
    /// The tool's rule id as it appears in findings.
    public var rule: String
    /// What the rule fails on, in the tool's words.
    public var meaning: String
    /// The homolog check that fails on the same thing.
    public var check: String
  }

  public static let list: [Entry] = [
    // Checkov (checkov.kubernetes.checks.resource.k8s)
    Entry(tool: "Checkov", rule: "CKV_K8S_8", meaning: "Liveness Probe Should be Configured", check: "k8s.probes"),
    Entry(tool: "Checkov", rule: "CKV_K8S_9", meaning: "Readiness Probe Should be Configured", check: "k8s.probes"),
    Entry(tool: "Checkov", rule: "CKV_K8S_10", meaning: "CPU requests should be set", check: "k8s.resources"),
    Entry(tool: "Checkov", rule: "CKV_K8S_11", meaning: "CPU limits should be set", check: "k8s.resources"),
    Entry(tool: "Checkov", rule: "CKV_K8S_12", meaning: "Memory requests should be set", check: "k8s.resources"),
    Entry(tool: "Checkov", rule: "CKV_K8S_13", meaning: "Memory limits should be set", check: "k8s.resources"),
    Entry(tool: "Checkov", rule: "CKV_K8S_14", meaning: "Image Tag should be fixed - not latest or blank", check: "k8s.image-tag-pinned"),
    Entry(tool: "Checkov", rule: "CKV_K8S_16", meaning: "Container should not be privileged", check: "k8s.no-privileged"),
    Entry(tool: "Checkov", rule: "CKV_K8S_27", meaning: "Do not expose the docker daemon socket to containers (hostPath)", check: "k8s.no-host-access"),
    // Kubescape controls
    Entry(tool: "Kubescape", rule: "C-0004", meaning: "Resources memory limit and request", check: "k8s.resources"),
    Entry(tool: "Kubescape", rule: "C-0009", meaning: "Resource limits", check: "k8s.resources"),
    Entry(tool: "Kubescape", rule: "C-0018", meaning: "Configured readiness probe", check: "k8s.probes"),
    Entry(tool: "Kubescape", rule: "C-0048", meaning: "HostPath mount", check: "k8s.no-host-access"),
    Entry(tool: "Kubescape", rule: "C-0050", meaning: "Resources CPU limit and request", check: "k8s.resources"),
    Entry(tool: "Kubescape", rule: "C-0056", meaning: "Configured liveness probe", check: "k8s.probes"),
    Entry(tool: "Kubescape", rule: "C-0057", meaning: "Privileged container", check: "k8s.no-privileged"),
    // kube-linter checks
    Entry(tool: "kube-linter", rule: "env-var-secret", meaning: "objects use a secret in an environment variable", check: "k8s.env-no-credentials"),
    Entry(tool: "kube-linter", rule: "docker-sock", meaning: "docker.sock mounted in containers", check: "k8s.no-host-access"),
    Entry(tool: "kube-linter", rule: "sensitive-host-mounts", meaning: "sensitive host system directories mounted", check: "k8s.no-host-access"),
    Entry(tool: "kube-linter", rule: "latest-tag", meaning: "container image with the latest tag or none", check: "k8s.image-tag-pinned"),
    Entry(tool: "kube-linter", rule: "no-anti-affinity", meaning: "multiple replicas without inter-pod anti-affinity", check: "k8s.high-availability"),
    Entry(tool: "kube-linter", rule: "no-liveness-probe", meaning: "container without liveness probe", check: "k8s.probes"),
    Entry(tool: "kube-linter", rule: "no-readiness-probe", meaning: "container without readiness probe", check: "k8s.probes"),
    Entry(tool: "kube-linter", rule: "privileged-container", meaning: "containers running in privileged mode", check: "k8s.no-privileged"),
    Entry(tool: "kube-linter", rule: "privileged-ports", meaning: "container port below 1024", check: "k8s.unprivileged-ports"),
    Entry(tool: "kube-linter", rule: "unset-cpu-requirements", meaning: "CPU requests and limits not set", check: "k8s.resources"),
    Entry(tool: "kube-linter", rule: "unset-memory-requirements", meaning: "memory requests and limits not set", check: "k8s.resources"),
    // Polaris checks
    Entry(tool: "Polaris", rule: "cpuLimitsMissing", meaning: "CPU limits should be set", check: "k8s.resources"),
    Entry(tool: "Polaris", rule: "cpuRequestsMissing", meaning: "CPU requests should be set", check: "k8s.resources"),
    Entry(tool: "Polaris", rule: "hostPathSet", meaning: "HostPath volumes must be forbidden", check: "k8s.no-host-access"),
    Entry(tool: "Polaris", rule: "livenessProbeMissing", meaning: "Liveness probe should be configured", check: "k8s.probes"),
    Entry(tool: "Polaris", rule: "memoryLimitsMissing", meaning: "Memory limits should be set", check: "k8s.resources"),
    Entry(tool: "Polaris", rule: "memoryRequestsMissing", meaning: "Memory requests should be set", check: "k8s.resources"),
    Entry(tool: "Polaris", rule: "readinessProbeMissing", meaning: "Readiness probe should be configured", check: "k8s.probes"),
    Entry(tool: "Polaris", rule: "runAsPrivileged", meaning: "Should not be running as privileged", check: "k8s.no-privileged"),
    Entry(tool: "Polaris", rule: "tagNotSpecified", meaning: "Image tag should be specified (not latest)", check: "k8s.image-tag-pinned"),
  ]

  /// Rules deliberately left unmapped although they sound close to a CCT sentence, with the reason (for the docs).
  public static let unmapped: [(rules: String, reason: String)] = [
    (
      "Checkov CKV_K8S_23, CKV_K8S_40; Kubescape C-0013; kube-linter run-as-non-root; Polaris runAsRootAllowed",
      "fail when `runAsNonRoot`/`runAsUser` is not declared; EXI-ARCH-26 forbids imposing them and the platform assigns a random non-root uid, so `k8s.run-as-non-root` (EXI-ARCH-5, EXI-ARCH-18) fails only on a declared root"
    ),
    (
      "Checkov CKV_K8S_22; Kubescape C-0017; kube-linter no-read-only-root-fs; Polaris notReadOnlyRootFilesystem",
      "fail when `readOnlyRootFilesystem` is not declared true; `k8s.read-only-root-filesystem` (EXI-ARCH-18) fails only on a declared `false` (a read-only filesystem is a property of the image on Cloud Pi Native)"
    ),
    (
      "Checkov CKV_K8S_20; Kubescape C-0016; kube-linter privilege-escalation-container; Polaris privilegeEscalationAllowed",
      "fail when `allowPrivilegeEscalation` is not declared false; the CCT's « ne nécessite pas d'élévation de privilèges » is judged by `k8s.no-privileged` on `privileged: true` only"
    ),
    (
      "Checkov CKV_K8S_15; Polaris pullPolicyNotAlways",
      "ask for `imagePullPolicy: Always`, where EXI-ARCH-27 requires IfNotPresent when it is set: the opposite of the CCT"
    ),
    (
      "Checkov CKV_K8S_29, CKV_K8S_30, CKV_K8S_28, CKV_K8S_37, CKV_K8S_31; Polaris linuxHardening",
      "ask to declare securityContext fields (capabilities, seccomp…), which EXI-ARCH-26 forbids imposing"
    ),
    (
      "Checkov CKV_K8S_26; Kubescape C-0044; Polaris hostPortSet",
      "fail on a `hostPort`, which `k8s.no-host-access` also refuses; but a host port binds a port of the node, it mounts nothing, and EXI-ARCH-26's sentence (« il n'est pas autoriser de monter des ressources depuis le node (hostPath par exemple) ») forbids mounts; no other CCT sentence names host ports"
    ),
    (
      "Checkov CKV_K8S_17, CKV_K8S_18, CKV_K8S_19; Kubescape C-0038, C-0041; kube-linter host-ipc, host-network, host-pid; Polaris hostIPCSet, hostNetworkSet, hostPIDSet",
      "fail on `hostPID`, `hostIPC` or `hostNetwork`, which `k8s.no-host-access` also refuses; sharing a namespace of the node mounts nothing, so EXI-ARCH-26's « monter des ressources depuis le node (hostPath par exemple) » does not judge it, and no other CCT sentence names host namespaces"
    ),
    (
      "Polaris deploymentMissingReplicas",
      "fails on a single replica; EXI-ARCH-2's sentence asks for anti-affinity rules (« mettre des règles d'anti-afinités lors de la constitution des manifests / charts ») and states no replica count, so it does not judge this rule (kube-linter no-anti-affinity, a missing anti-affinity, is mapped)"
    ),
    (
      "Checkov CKV_K8S_43",
      "asks for an image digest; EXI-ARCH-27 asks for an explicit version, which a tag gives (`k8s.image-tag-pinned`)"
    ),
  ]

  /// The homolog check a scanner's rule matches, if any.
  public static func check(tool: String, rule: String) -> String? {
    index[Key(tool: tool, rule: rule)]
  }

  private struct Key: Hashable {
    var tool: String
    var rule: String
  }

  private static let index: [Key: String] = Dictionary(
    list.map { (Key(tool: $0.tool, rule: $0.rule), $0.check) }, uniquingKeysWith: { first, _ in first })

  /// `docs/scanner-mapping.md`: each mapped rule, its check, and the requirements and CCT sentences citing that check.
  public static func markdown(_ catalogue: Catalogue) -> String {
    var lines = [
      "# Kubernetes scanner rules and the requirements they inform",
      "",
      "Generated from `ScannerCheckMapping` (`Sources/HomologEvaluate/ScannerCheckMapping.swift`) and the catalogue "
        + "`\(catalogue.id)` \(catalogue.version); a test keeps this file equal to them.",
      "",
      "Checkov, Kubescape, kube-linter and Polaris JSON reports are read as misconfiguration findings. A finding whose "
        + "rule fails on what one of homolog's Kubernetes checks fails on, and which the CCT sentence citing that check "
        + "judges itself (quoted below), is tagged with that requirement; every other finding is listed without "
        + "requirement, and the rules that sound close but that no sentence judges are listed at the end with the reason. "
        + "The tag informs: verdicts come from homolog's own checks on the manifests.",
      "",
      "| tool | rule | fails on | homolog check | requirement | CCT sentence |",
      "|---|---|---|---|---|---|",
    ]
    for entry in list {
      let cited = catalogue.requirements.flatMap { requirement in
        requirement.parts.filter { $0.checks.contains(entry.check) }.map { (requirement.id, $0.text) }
      }
      if cited.isEmpty {
        lines.append(
          "| \(entry.tool) | `\(entry.rule)` | \(cell(entry.meaning)) | `\(entry.check)` | — | no CCT sentence: a platform admission rule only |")
      }
      for (id, text) in cited {
        lines.append("| \(entry.tool) | `\(entry.rule)` | \(cell(entry.meaning)) | `\(entry.check)` | \(id) | « \(cell(text)) » |")
      }
    }
    lines += ["", "## Not mapped on purpose", "", "| rules | why |", "|---|---|"]
    for (rules, reason) in unmapped { lines.append("| \(cell(rules)) | \(cell(reason)) |") }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func cell(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
  }
}
