import Foundation
import HomologKubernetes
import HomologModel
import HomologParsing

/// Kubernetes manifests in JSON (`kubectl get -o json`, generated manifests): one object or a `List`.
/// Streamed (a `List` item by item). Recognised by `apiVersion` and `kind` (or `items`) keys at the top level of the object.
public enum KubernetesJSONManifestReader: EvidenceReader {
  public static let format: FormatID = "kubernetes-json"
  public static let formatName = "Kubernetes manifests (JSON)"

  public static func sniff(_ head: FileHead) -> Bool {
    head.isJSONObject && ManifestSniffer.looksLikeJSON(head.text)
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let objects = try JSONManifestStream.objects(in: input.url, displayPath: input.path)
    try MixedReportFiles.refuseReports(in: objects)
    return ReadResult(kubernetes: objects)
  }
}
