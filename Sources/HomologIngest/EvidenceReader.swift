import Foundation
import HomologModel

/// One evidence file to read: where it is on disk and the path shown in messages and the dossier.
public struct InputFile: Sendable {
  public var url: URL
  /// Path relative to the project (or as given), used in messages and provenance.
  public var path: String
  /// Whether the reader keeps each finding or only counts them.
  public var findingMode: FindingMode
  public init(url: URL, path: String, findingMode: FindingMode = .keep) {
    self.url = url
    self.path = path
    self.findingMode = findingMode
  }
}

/// A reader of one evidence format: recognises it from content, reads it into normalized evidence.
public protocol EvidenceReader: Sendable {
  /// The stable format id, e.g. `trivy-json`.
  static var format: FormatID { get }
  /// A human name of the format, e.g. "Trivy JSON".
  static var formatName: String { get }
  /// True when the start of the file looks like this format (content, never the file name alone).
  static func sniff(_ head: FileHead) -> Bool
  /// Reads the whole file, or throws an error naming the file and where.
  static func read(_ input: InputFile) throws(InputError) -> ReadResult
}

/// How a format is recognised, for `homolog formats`.
public protocol DetectionDescribing {
  /// One line saying what in the content identifies the format.
  static var detection: String { get }
}
