import Foundation
import HomologModel
import HomologParsing

/// What collecting evidence found: the files read, and the files no reader understood.
public struct CollectedEvidence: Sendable {
  public var files: [EvidenceFile]
  public var ignored: [IgnoredFile]
  /// Files a reader recognised but could not read (only with `keepGoing`), with the error.
  public var unreadable: [IgnoredFile]
  public init(files: [EvidenceFile] = [], ignored: [IgnoredFile] = [], unreadable: [IgnoredFile] = []) {
    self.files = files
    self.ignored = ignored
    self.unreadable = unreadable
  }
}

/// Walks evidence paths, detects each file's format from its content, reads it and records its provenance.
public struct EvidenceCollector: Sendable {
  /// Paths in messages and the dossier are shown relative to this folder when inside it.
  public var baseDirectory: URL
  /// Called with (done, total) as files are read, for progress on a terminal.
  public var progress: (@Sendable (Int, Int) -> Void)?
  /// Largest evidence file read; a larger one is refused before any byte of it is parsed.
  public var maxFileBytes: Int
  /// Files read at once; by default one per active core.
  public var parallelism: Int?
  /// Whether readers keep each finding (`evaluate`, `diff`) or only count them (`inspect`).
  public var findingMode: FindingMode
  /// Whether each file's SHA-256 is computed (`evaluate`, `diff`: the dossier names every file by its
  /// digest); `inspect` prints no digest, so it skips the hashing and `Provenance.sha256` stays empty.
  public var hashesFiles: Bool

  /// The default size limit of one evidence file: 1 GB (10^9 bytes).
  public static let defaultMaxFileBytes = 1_000_000_000

  public init(
    baseDirectory: URL, maxFileBytes: Int = defaultMaxFileBytes, parallelism: Int? = nil,
    findingMode: FindingMode = .keep, hashesFiles: Bool = true, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) {
    self.findingMode = findingMode
    self.hashesFiles = hashesFiles
    self.baseDirectory = baseDirectory.standardizedFileURL
    self.maxFileBytes = maxFileBytes
    self.parallelism = parallelism
    self.progress = progress
  }

  /// Reads every file under the given paths (files or folders, walked recursively, hidden entries skipped).
  /// A file a reader recognises but cannot read is an error; a file nobody recognises is listed as ignored.
  /// With `keepGoing`, unreadable files are listed instead of stopping the run.
  public func collect(_ paths: [URL], keepGoing: Bool = false) throws(InputError) -> CollectedEvidence {
    var candidates: [InputFile] = []
    var seen = Set<String>()
    for path in paths {
      for url in try expand(path) where seen.insert(url.path).inserted {
        candidates.append(InputFile(url: url, path: displayPath(url), findingMode: findingMode))
      }
    }
    candidates.sort { $0.path < $1.path }
    return try read(candidates, keepGoing: keepGoing)
  }

  private func read(_ inputs: [InputFile], keepGoing: Bool) throws(InputError) -> CollectedEvidence {
    let done = Counter()
    let limit = maxFileBytes
    let hashes = hashesFiles
    let progress = progress
    let total = inputs.count
    var tick: (@Sendable () -> Void)?
    if let progress { tick = { progress(done.increment(), total) } }
    let readOne: @Sendable (Int) -> Result<Outcome, InputError> = { index in
      do throws(InputError) {
        return .success(try Self.readOne(inputs[index], limit: limit, hashes: hashes))
      } catch {
        return .failure(error)
      }
    }
    let results = BoundedParallel.map(total, width: parallelism.map { max(1, $0) }, readOne, done: tick)
    var collected = CollectedEvidence()
    for (index, result) in results.enumerated() {
      switch result {
      case .success(.file(let file, let leftOut)):
        collected.files.append(file)
        collected.ignored += leftOut
      case .success(.ignored(let ignored)): collected.ignored.append(ignored)
      case .failure(let error):
        guard keepGoing else { throw error }
        collected.unreadable.append(IgnoredFile(path: inputs[index].path, reason: error.description))
      }
    }
    return collected
  }

  private enum Outcome: Sendable {
    /// A file read, with what it held that the platform owns (left out, listed with the ignored files).
    case file(EvidenceFile, [IgnoredFile])
    case ignored(IgnoredFile)
  }

  private static func readOne(_ input: InputFile, limit: Int, hashes: Bool) throws(InputError) -> Outcome {
    let size = try SizePolicy.regularFileSize(input)
    guard let head = FileHead.read(input.url) else {
      throw FileInput.unreadable(input.path)
    }
    guard let reader = AllReaders.detect(head) else {
      let oversize = size > limit
      return .ignored(
        IgnoredFile(path: input.path, reason: unrecognisedReason(head), bytes: oversize ? size : nil, limit: oversize ? limit : nil))
    }
    guard size <= limit else { throw SizePolicy.tooLarge(input, size: size, limit: limit, format: reader.formatName) }
    let content: ReadResult
    let digest: (sha256: String, bytes: Int)
    if hashes {
      (content, digest) = try readAndHash(input, reader: reader, size: size)
    } else {
      (content, digest) = (try reader.read(input), ("", size))
    }
    let provenance = Provenance(
      path: input.path, sha256: digest.sha256, bytes: digest.bytes, format: reader.format, tool: content.tool,
      generatedAt: content.generatedAt)
    var file = EvidenceFile(
      provenance: provenance, findings: content.findings, countedFindings: content.countedFindings,
      coverage: content.coverage, tests: content.tests,
      qualityGate: content.qualityGate, images: content.images, api: content.api, kubernetes: content.kubernetes,
      scans: content.scans)
    file.policyResults = content.policyResults
    file.workloads = content.workloads
    file.scanFailures = content.scanFailures.map { ScanFailure(scope: $0.scope, messages: $0.messages, evidence: input.path) }
    let leftOut = content.platformReports.sorted { $0.key < $1.key }.map {
      IgnoredFile(path: input.path, reason: .platformReports(kind: $0.key, count: $0.value))
    }
    return .file(file, leftOut)
  }

  /// Files from this size on are hashed on another thread while the reader parses them.
  static let concurrentHashBytes = 8 << 20

  /// The reader's result and the file's SHA-256; a large file is hashed concurrently with its reading.
  private static func readAndHash(
    _ input: InputFile, reader: any EvidenceReader.Type, size: Int
  ) throws(InputError) -> (ReadResult, (sha256: String, bytes: Int)) {
    guard size >= concurrentHashBytes else {
      return (try reader.read(input), try FileInput.digest(input.url, displayPath: input.path))
    }
    let hashed = ResultSlots<Result<(sha256: String, bytes: Int), InputError>>(count: 1)
    let failed = Flag()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) {
      do throws(InputError) {
        hashed.set(0, .success(try FileInput.digest(input.url, displayPath: input.path, isCancelled: { failed.isSet })))
      } catch {
        hashed.set(0, .failure(error))
      }
    }
    let content: Result<ReadResult, InputError>
    do throws(InputError) {
      content = .success(try reader.read(input))
    } catch {
      content = .failure(error)
      failed.set()  // a broken file needs no hash: stop hashing it
    }
    group.wait()
    return (try content.get(), try hashed.values[0]!.get())
  }

  /// Why no reader took a file, from what its first bytes look like.
  static func unrecognisedReason(_ head: FileHead) -> IgnoreReason {
    if head.firstCharacter == nil { return .empty }
    if let root = head.xmlRootElement { return .unknownXML(root: root) }
    if head.isJSONObject || head.isJSONArray { return .unknownJSON }
    return .unknownContent
  }

  /// The files a path stands for: itself, or every regular file below it (sorted, hidden entries skipped).
  private func expand(_ url: URL) throws(InputError) -> [URL] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw InputError(Message("path.evidence-missing"), english: "evidence path does not exist", at: SourceLocation(file: displayPath(url)))
    }
    guard isDirectory.boolValue else { return [url.standardizedFileURL] }
    guard
      let enumerator = FileManager.default.enumerator(
        at: url, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey], options: [.skipsHiddenFiles])
    else { return [] }
    var files: [URL] = []
    for case let file as URL in enumerator {
      let values = try? file.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
      if values?.isSymbolicLink == true { continue }
      if values?.isRegularFile == true { files.append(file.standardizedFileURL) }
    }
    return files.sorted { $0.path < $1.path }
  }

  /// The path relative to the base folder when inside it, else as given.
  public func displayPath(_ url: URL) -> String {
    let path = url.standardizedFileURL.path
    let base = baseDirectory.path.hasSuffix("/") ? baseDirectory.path : baseDirectory.path + "/"
    return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
  }
}
