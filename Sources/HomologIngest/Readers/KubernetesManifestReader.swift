import Foundation
import HomologKubernetes
import HomologModel
import HomologParsing

/// Kubernetes manifests in YAML: multi-document streams, `List` kinds, rendered Helm output (each
/// document keeps its `# Source:` template), Argo CD Applications. Recognised by top-level
/// `apiVersion:` and `kind:` keys; see `ManifestDecoder` for what is refused and why.
public enum KubernetesManifestReader: EvidenceReader {
  public static let format: FormatID = "kubernetes-yaml"
  public static let formatName = "Kubernetes manifests (YAML)"

  public static func sniff(_ head: FileHead) -> Bool {
    !head.isJSONObject && !head.isJSONArray && head.xmlRootElement == nil && ManifestSniffer.looksLikeYAML(head.text)
  }

  public static func read(_ input: InputFile) throws(InputError) -> ReadResult {
    let data = try FileInput.readWhole(input.url, displayPath: input.path)
    let objects = try ManifestDecoder.decode(data, file: input.path)
    try MixedReportFiles.refuseReports(in: objects)
    return ReadResult(kubernetes: objects)
  }
}
