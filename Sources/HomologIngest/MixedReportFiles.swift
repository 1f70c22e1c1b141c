import HomologKubernetes
import HomologModel

/// A file is read by one reader, chosen from its first bytes: a cluster report among manifests, a manifest among
/// reports, or reports of two families in one file would otherwise be lost. Each is refused where it stands,
/// naming the object and how to keep reports in a file of their own.
enum MixedReportFiles {
  /// Refuses the first report object (Trivy Operator, PolicyReport) among Kubernetes manifests.
  static func refuseReports(in objects: [KubernetesObject]) throws(InputError) {
    for object in objects {
      guard let family = ClusterReportFamily.of(apiVersion: object.apiVersion) else { continue }
      throw InputError(
        "\(object.kind) \"\(object.name)\" (\(object.apiVersion)) is a \(family.name) the cluster wrote, not a manifest, "
          + "in a file of Kubernetes manifests: it would be lost here; keep reports in their own file, e.g. `\(family.ownFileCommand)`",
        at: SourceLocation(file: object.file, line: object.line))
    }
  }

  /// Refuses an object of a report file that is not of the reader's family (a manifest, or the other family's report).
  static func refuse(_ object: ClusterReportObject, expected family: ClusterReportFamily, input: InputFile) throws(InputError) -> Never {
    let name = object.name.map { " \"\($0)\"" } ?? ""
    let what: String
    if let other = ClusterReportFamily.of(apiVersion: object.apiVersion) {
      what = "is a \(other.name), in a file of \(family.name)s: keep each family in its own file, e.g. `\(other.ownFileCommand)`"
    } else {
      what = "is not a \(family.name), in a file of them: keep reports in their own file, e.g. `\(family.ownFileCommand)`, "
        + "and manifests in another"
    }
    throw InputError("\(object.kind)\(name) (\(object.apiVersion)) \(what)", at: SourceLocation(file: input.path, line: object.line))
  }
}
