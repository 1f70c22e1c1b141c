import HomologKubernetes
import HomologModel

/// Workloads leave to the platform what it assigns: no runAsUser, runAsGroup, fsGroup,
/// allowPrivilegeEscalation or added capabilities (EXI-ARCH-26).
public struct SecurityContextUnsetCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.security-context-unset", title: "No user, group, privilege escalation or capability imposed in securityContexts",
    rationale: """
      EXI-ARCH-26: deployments must not impose securityContext elements, which the platform (OpenShift SCC) assigns. \
      Fails on any of `runAsUser`, `runAsGroup`, `fsGroup`, `allowPrivilegeEscalation` (even `false`) or a non-empty \
      `capabilities.add`, in the pod's or any container's securityContext. This is the opposite of generic linters' \
      advice (which ask for `runAsUser` and `allowPrivilegeEscalation: false`): the CCT decides. Dropping \
      capabilities, `runAsNonRoot` and `readOnlyRootFilesystem` are allowed. No Kyverno rule counterpart: not enforced.
      """,
    reads: [.kubernetes])

  /// Fields the platform assigns, hence forbidden in manifests.
  static let forbidden = ["runAsUser", "runAsGroup", "fsGroup", "allowPrivilegeEscalation"]

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for workload in judgement.manifests.workloads {
      judgement.checked += 1
      if let context = workload.podSecurityContext {
        for (field, node) in Self.imposed(context) {
          judgement.fail(
            "k8s.security-context-unset.pod-field", workload.object, at: node, enforced: false,
            [MessageArg("field", field), MessageArg("value", Self.text(node))])
        }
      }
      for container in workload.containers {
        guard let context = container.securityContext else { continue }
        for (field, node) in Self.imposed(context) {
          judgement.fail(
            "k8s.security-context-unset.container-field", workload.object, container: container, at: node, enforced: false,
            [MessageArg("field", field), MessageArg("value", Self.text(node))])
        }
      }
    }
    return judgement.result(of: self)
  }

  /// The forbidden fields set in a securityContext, in declaration order.
  static func imposed(_ context: Node) -> [(String, Node)] {
    var found: [(String, Node)] = []
    for pair in context.pairs ?? [] {
      guard let key = pair.key.string, !pair.value.isNull else { continue }
      if forbidden.contains(key) {
        found.append((key, pair.value))
      } else if key == "capabilities", let add = pair.value["add"], !(add.items ?? []).isEmpty, let line = pair.value.key("add") {
        found.append(("capabilities.add", Node(add.value, line: line.line, column: line.column)))
      }
    }
    return found
  }

  private static func text(_ node: Node) -> String {
    if let items = node.items { return "[" + items.compactMap(\.string).joined(separator: ", ") + "]" }
    return node.string ?? ""
  }
}
