import Foundation
import HomologIngest
import HomologModel
import HomologParsing
import HomologProject

/// A group of readers fuzzed together: every input goes through content detection and through
/// each reader of the family, whatever detection says. An `InputError` is a correct answer;
/// a crash, a sanitizer report, a hang or a leak is a finding.
enum FuzzFamily: String, CaseIterable {
  case xml, json, yaml, lines, project

  /// Formats read from YAML or JSON alike, whose id names neither.
  static let yamlOrJSON: Set<FormatID> = ["openapi", "trivy-operator", "policyreport"]

  /// The readers of the family.
  var readers: [any EvidenceReader.Type] {
    let all = AllReaders.list
    switch self {
    case .xml: return all.filter { $0.format.rawValue.hasSuffix("-xml") }
    case .json: return all.filter { $0.format.rawValue.contains("json") || Self.yamlOrJSON.contains($0.format) }
    case .yaml: return all.filter { $0.format.rawValue.contains("yaml") || Self.yamlOrJSON.contains($0.format) }
    case .lines: return all.filter { ["lcov", "go-coverprofile", "sonarqube-report-task"].contains($0.format.rawValue) }
    case .project: return []
    }
  }

  /// Runs one input through the family; the file at `url` holds the same bytes.
  func run(_ data: Data, at url: URL) {
    let head = FileHead(bytes: data, fileName: url.lastPathComponent)
    _ = AllReaders.detect(head)
    _ = head.xmlRootElement
    let input = InputFile(url: url, path: url.lastPathComponent)
    for reader in readers {
      _ = try? reader.read(input)
    }
    switch self {
    case .json:
      // Detection past the first 64 KiB: the streaming outline of a JSON document no head recognises.
      _ = FileHead.read(url).flatMap(AllReaders.detect)
    case .yaml:
      _ = try? YAMLParser().parseDocuments(data, file: "fuzz.yaml")
    case .project:
      _ = try? ProjectConfigLoader.load(url, displayPath: "homolog.yaml")
      _ = try? CatalogueLoader.load(data, file: "catalogue.yaml", knownChecks: ["vuln.thresholds"])
      let catalogue = Catalogue(id: "fuzz", title: "fuzz", version: "1", source: nil, requirements: [], sha256: "")
      _ = try? DeclarationsLoader.derogations(url, displayPath: "derogations.yaml", catalogue: catalogue)
      _ = try? DeclarationsLoader.attestations(
        url, displayPath: "attestations.yaml", catalogue: catalogue, baseDirectory: url.deletingLastPathComponent(),
        display: { $0.lastPathComponent })
    default:
      break
    }
  }
}

/// The fuzzing session of one process: its family and the scratch file inputs are written to.
final class FuzzSession: @unchecked Sendable {
  /// The family named by `HOMOLOG_FUZZ_READER` (xml, json, yaml, lines, project; default xml).
  let family: FuzzFamily
  let scratch: URL

  static let shared = FuzzSession()

  private init() {
    let name = ProcessInfo.processInfo.environment["HOMOLOG_FUZZ_READER"] ?? "xml"
    guard let family = FuzzFamily(rawValue: name) else {
      let names = FuzzFamily.allCases.map(\.rawValue).joined(separator: ", ")
      FileHandle.standardError.write(Data("homolog-fuzz: HOMOLOG_FUZZ_READER must be one of \(names), got '\(name)'\n".utf8))
      exit(2)
    }
    self.family = family
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let folder = URL(fileURLWithPath: base).appendingPathComponent("homolog-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    scratch = folder.appendingPathComponent("input")
  }

  /// Writes the input where the readers read it, then runs the family on it.
  func run(_ data: Data) {
    guard (try? data.write(to: scratch)) != nil else { return }
    family.run(data, at: scratch)
  }
}
