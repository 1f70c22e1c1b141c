import Foundation
import HomologKubernetes
import HomologModel
import HomologParsing

/// Kubernetes manifests in JSON (`kubectl get -o json`, generated manifests): one object or a `List`.
/// Recognised by `apiVersion` and `kind` (or `items`) keys at the top level of the object.
public enum KubernetesJSONManifestReader: EvidenceReader {
  public static let format: FormatID = "kubernetes-json"
  public static let formatName = "Kubernetes manifests (JSON)"

  public static func sniff(_ head: FileHead) -> Bool {
    head.isJSONObject && ManifestSniffer.looksLikeJSON(head.text)
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let data = try FileInput.readWhole(input.url, displayPath: input.path)
    return ReadResult(kubernetes: try ManifestDecoder.decode(data, file: input.path))
  }
}
