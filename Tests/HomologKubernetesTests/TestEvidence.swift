import Foundation
import HomologEvaluate
import HomologKubernetes
import HomologModel

/// Evidence sets built straight from manifests, for check tests.
enum TestEvidence {
  /// One evidence file holding the objects of a manifest text.
  static func file(_ text: String, name: String = "test.yaml") throws -> EvidenceFile {
    let data = Data(text.utf8)
    let objects = try ManifestDecoder.decode(data, file: name)
    return EvidenceFile(
      provenance: Provenance(path: name, sha256: "", bytes: data.count, format: "kubernetes-yaml"), kubernetes: objects)
  }

  /// An evidence set of manifest files on disk, each shown by `display(url)` (its file name by default).
  static func set(_ urls: [URL], policy: Policy = Policy(), display: (URL) -> String = { $0.lastPathComponent }) throws -> EvidenceSet {
    let files = try urls.map { url in try file(String(decoding: Data(contentsOf: url), as: UTF8.self), name: display(url)) }
    return EvidenceSet(files: files, policy: policy)
  }

  /// An evidence set of one manifest text.
  static func set(_ text: String, name: String = "test.yaml", policy: Policy = Policy()) throws -> EvidenceSet {
    EvidenceSet(files: [try file(text, name: name)], policy: policy)
  }

  /// Every Kubernetes check.
  static var kubernetesChecks: [any Check] { AllChecks.list.filter { $0.id.hasPrefix("k8s.") } }
}

extension CheckResult {
  /// The observations that made the check fail.
  var problems: [Observation] { observations.filter(\.problem) }

  /// The lines of the problems, sorted.
  var problemLines: [Int] { problems.compactMap { $0.location?.line }.sorted() }
}
