import HomologKubernetes
import HomologModel

/// Workloads leave to the platform what it assigns and grant nothing more: no runAsUser, runAsGroup, fsGroup,
/// added capabilities, privileged mode or privilege escalation (EXI-ARCH-26).
public struct SecurityContextUnsetCheck: Check {
  public static let doc = CheckDoc(
    id: "k8s.security-context-unset", title: "No user, group, capability or privilege imposed in securityContexts",
    rationale: """
      EXI-ARCH-26: deployments must not impose securityContext elements, which the platform (OpenShift SCC) \
      assigns: the container's uid is random, so images must not depend on a fixed one. Fails on `runAsUser`, \
      `runAsGroup` or `fsGroup`, a non-empty `capabilities.add`, `privileged: true` or \
      `allowPrivilegeEscalation: true`, in the pod's or any container's securityContext. Restrictive settings \
      (`allowPrivilegeEscalation: false`, `capabilities.drop`) are noted, not failed: the CCT's text lists \
      `allowPrivilegeEscalation` among the forbidden fields, while the platform team's own training material sets \
      it to false and drops ALL capabilities; the catalogue states which weight it gives them. `runAsNonRoot`, \
      `seccompProfile` and `readOnlyRootFilesystem` are allowed. No container gives no evidence. No Kyverno rule \
      counterpart: not enforced.
      """,
    reads: [.kubernetes])

  /// Identity fields the platform assigns, forbidden whatever their value.
  static let identities = ["runAsUser", "runAsGroup", "fsGroup"]

  /// A securityContext field found, and whether it imposes something (a failure) or only restricts (a note).
  struct Setting {
    var field: String
    var node: Node
    var imposed: Bool
  }

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var judgement = ManifestJudgement(evidence)
    for workload in judgement.manifests.workloads {
      judgement.checked += workload.containers.count
      if let context = workload.podSecurityContext {
        // A pod's securityContext has no capabilities or privilege fields: only what it imposes is judged.
        for setting in Self.settings(context) where setting.imposed {
          judgement.fail(
            "k8s.security-context-unset.pod-field", workload.object, at: setting.node, enforced: false,
            [MessageArg("field", setting.field), MessageArg("value", Self.text(setting.node))])
        }
      }
      for container in workload.containers {
        guard let context = container.securityContext else { continue }
        for setting in Self.settings(context) {
          let args = [MessageArg("field", setting.field), MessageArg("value", Self.text(setting.node))]
          if setting.imposed {
            judgement.fail(
              "k8s.security-context-unset.container-field", workload.object, container: container, at: setting.node,
              enforced: false, args)
          } else {
            judgement.note("k8s.security-context-unset.restrictive", workload.object, container: container, at: setting.node, args)
          }
        }
      }
    }
    return judgement.result(of: self)
  }

  /// The judged fields set in a securityContext, in declaration order.
  static func settings(_ context: Node) -> [Setting] {
    var found: [Setting] = []
    for pair in context.pairs ?? [] {
      guard let key = pair.key.string, !pair.value.isNull else { continue }
      switch key {
      case _ where identities.contains(key):
        found.append(Setting(field: key, node: pair.value, imposed: true))
      case "privileged" where pair.value.bool == true:
        found.append(Setting(field: key, node: pair.value, imposed: true))
      case "allowPrivilegeEscalation":
        guard let flag = pair.value.bool else { continue }
        found.append(Setting(field: key, node: pair.value, imposed: flag))
      case "capabilities":
        for (name, imposed) in [("add", true), ("drop", false)] {
          guard let list = pair.value[name], !(list.items ?? []).isEmpty, let line = pair.value.key(name) else { continue }
          found.append(Setting(field: "capabilities.\(name)", node: Node(list.value, line: line.line, column: line.column), imposed: imposed))
        }
      default:
        continue
      }
    }
    return found
  }

  private static func text(_ node: Node) -> String {
    if let items = node.items { return "[" + items.compactMap(\.string).joined(separator: ", ") + "]" }
    return node.string ?? ""
  }
}
