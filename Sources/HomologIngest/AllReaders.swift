import HomologModel

/// Every reader, in detection order: the most specific formats first.
public enum AllReaders {
  public static let list: [any EvidenceReader.Type] = [
    TrivyJSONReader.self,
    CoberturaXMLReader.self,
    // Kubernetes manifests last: their sniff only asks for top-level apiVersion + kind keys.
    KubernetesJSONManifestReader.self,
    KubernetesManifestReader.self,
  ]

  /// The reader whose sniff accepts this head, if any.
  public static func detect(_ head: FileHead) -> (any EvidenceReader.Type)? {
    list.first { $0.sniff(head) }
  }

  /// The reader of a format id, if any.
  public static func reader(for format: FormatID) -> (any EvidenceReader.Type)? {
    list.first { $0.format == format }
  }
}
