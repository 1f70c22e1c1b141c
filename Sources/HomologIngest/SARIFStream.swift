import HomologModel
import HomologParsing

/// One run of a SARIF log while it streams: its tool and artifacts once seen, the results that wait
/// for them, and the repeat counts of fingerprints.
struct SARIFRun {
  var tool: SARIFTool? {
    didSet { toolKind = tool.flatMap { SARIFReader.toolKind($0.driver.name) } }
  }
  /// What the tool's name alone decides, found once per run.
  var toolKind: FindingKind?
  /// Kind and CWEs of the results of a rule that add no tags of their own, by rule id.
  var ruleFacts: [String: (FindingKind, [String])] = [:]
  var artifactURIs: [String?] = []
  var artifactsComplete = false
  /// Results met before the tool (or before the artifacts they point to), in order.
  var waiting: [SARIFResult] = []
  /// How many times each fingerprint was met.
  var seen = FingerprintCounts()

  /// The artifact's uri, from the location itself or from `run.artifacts[index]`; `file://` dropped.
  func uri(of result: SARIFResult) -> String? {
    guard var text = result.uri ?? result.artifactIndex.flatMap({ artifactURIs.indices.contains($0) ? artifactURIs[$0] : nil })
    else { return nil }
    if text.hasPrefix("file://") {
      text = String(text.dropFirst(7))
      while text.hasPrefix("//") { text.removeFirst() }
    }
    guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
    return text.removingPercentEncoding ?? text
  }

  /// True when the result can become a finding now: its tool is known and its artifact, if it names one by index
  /// (counting needs no artifact).
  func isReady(_ result: SARIFResult, counting: Bool) -> Bool {
    tool != nil && waiting.isEmpty && (counting || artifactsComplete || result.uri != nil || result.artifactIndex == nil)
  }
}

/// Streams a SARIF log: builds one result at a time, keeps (or counts) the findings, the drivers and the first run's time.
final class SARIFStream: JSONStreamHandler {
  var out = ReadResult()
  var scans: Set<ScanScope> = []
  var drivers: [SARIFComponent] = []
  var generatedAt: String?
  var sawRuns = false
  private var run = SARIFRun()
  private var runCount = 0
  /// The keys of a result built: all those a finding uses, or only those its kind and severity use when counting.
  private let resultKeys: JSONKeySet

  init(findingMode: FindingMode = .keep) {
    out.findingMode = findingMode
    resultKeys = findingMode == .keep ? SARIFResult.keys : SARIFResult.countedKeys
  }

  func begin(_ container: JSONContainer, in stream: JSONStream) throws(InputError) -> JSONStreamAction {
    switch stream.depth {
    case 0:
      guard container == .object else { throw stream.error("expected a SARIF log (an object), found an array") }
      return .enter
    case 1:
      guard stream.isKey("runs") else { return .skip }
      guard container == .array else { throw stream.error("expected an array, found an object") }
      sawRuns = true
      return .enter
    case 2:
      guard container == .object else { throw stream.error("expected a run (an object), found an array") }
      run = SARIFRun()
      return .enter
    case 3:
      if stream.isKey("tool") {
        guard container == .object else { throw stream.error("expected an object, found an array") }
        return .capture(keeping: SARIFTool.keys)
      }
      if stream.isKey("results") || stream.isKey("artifacts") {
        guard container == .array else { throw stream.error("expected an array, found an object") }
        return .enter
      }
      if stream.isKey("invocations") && runCount == 0 { return .capture }
      return .skip
    case 4 where stream.isKey("results", level: 2):
      guard container == .object else { throw stream.error("expected a result (an object), found an array") }
      return .capture(keeping: resultKeys)
    case 4 where stream.isKey("artifacts", level: 2):
      return .capture(keeping: SARIFStream.artifactKeys)
    default:
      return .skip
    }
  }

  private static let artifactKeys = JSONKeySet(["location"])

  func scalar(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    switch stream.depth {
    case 0: throw stream.error("expected a SARIF log (an object), found \(value.typeName)")
    case 1 where stream.isKey("version"):
      guard case .string = value else { throw stream.error("expected a string, found \(value.typeName)") }
      if !value.isString("2.1.0") { throw stream.error("expected SARIF version 2.1.0, found \(value.text ?? "")") }
    case 1 where stream.isKey("runs"):
      throw stream.error("expected an array, found \(value.typeName)")
    case 2: throw stream.error("expected a run (an object), found \(value.typeName)")
    case 3 where stream.isKey("tool"):
      throw stream.error("expected an object, found \(value.typeName)")
    case 3 where stream.isKey("results") || stream.isKey("artifacts"):
      if case .null = value { return }
      throw stream.error("expected an array, found \(value.typeName)")
    case 4 where stream.isKey("results", level: 2):
      throw stream.error("expected a result (an object), found \(value.typeName)")
    default: return
    }
  }

  func captured(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    do throws(JSONShapeError) {
      if stream.depth == 3 && stream.isKey("tool") {
        run.tool = try SARIFTool(value)
      } else if stream.depth == 3 {
        let invocation = try value.at(0)
        let end = try invocation?.string("endTimeUtc")
        let start = try invocation?.string("startTimeUtc")
        generatedAt = end ?? start
      } else if stream.isKey("results", level: 2) {
        let result = try SARIFResult(value)
        if run.isReady(result, counting: !out.keepsFindings), let tool = run.tool {
          SARIFReader.append(result, of: &run, tool: tool, to: &out)
        } else {
          run.waiting.append(result)
        }
      } else {
        run.artifactURIs.append(try value.string("location", "uri"))
      }
    } catch {
      throw stream.error(error)
    }
  }

  func end(_ container: JSONContainer, in stream: JSONStream) throws(InputError) {
    if stream.depth == 3 && stream.isKey("artifacts") {
      run.artifactsComplete = true
    } else if stream.depth == 2 && container == .object {
      try finishRun(in: stream)
    }
  }

  /// The run's waiting results become findings, in order.
  private func finishRun(in stream: JSONStream) throws(InputError) {
    guard let tool = run.tool else { throw stream.error("missing required key \"tool\"") }
    run.artifactsComplete = true
    let waiting = run.waiting
    run.waiting = []
    for result in waiting { SARIFReader.append(result, of: &run, tool: tool, to: &out) }
    scans.formUnion(SARIFReader.scopes(of: tool.driver.name, kind: SARIFReader.toolKind(tool.driver.name)))
    drivers.append(tool.driver)
    runCount += 1
    run = SARIFRun()
  }
}

/// How many times each fingerprint was met: an open-addressing table keyed by the fingerprint's 128
/// bits, which are already uniformly spread (SHA-256), so the low bits serve as the hash.
struct FingerprintCounts {
  private var keys: [(UInt64, UInt64)] = Array(repeating: (0, 0), count: 1024)
  private var counts: [Int32] = Array(repeating: 0, count: 1024)
  private var used = 0

  /// Counts one more meeting of `fingerprint`; returns how many times it was met before.
  mutating func add(_ fingerprint: String) -> Int {
    let key = FingerprintCounts.bits(fingerprint)
    if used * 2 >= keys.count { grow() }
    let mask = keys.count - 1
    var slot = Int(truncatingIfNeeded: key.1) & mask
    while counts[slot] > 0 {
      if keys[slot] == key {
        counts[slot] += 1
        return Int(counts[slot]) - 1
      }
      slot = (slot + 1) & mask
    }
    keys[slot] = key
    counts[slot] = 1
    used += 1
    return 0
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldCounts = counts
    keys = Array(repeating: (0, 0), count: oldKeys.count * 2)
    counts = Array(repeating: 0, count: oldKeys.count * 2)
    let mask = keys.count - 1
    for index in oldKeys.indices where oldCounts[index] > 0 {
      var slot = Int(truncatingIfNeeded: oldKeys[index].1) & mask
      while counts[slot] > 0 { slot = (slot + 1) & mask }
      keys[slot] = oldKeys[index]
      counts[slot] = oldCounts[index]
    }
  }

  /// The 32 hexadecimal digits of a fingerprint as two integers.
  private static func bits(_ fingerprint: String) -> (UInt64, UInt64) {
    var high: UInt64 = 0
    var low: UInt64 = 0
    var index = 0
    for byte in fingerprint.utf8 {
      let digit: UInt64
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
      default: digit = UInt64(byte)
      }
      if index < 16 { high = high << 4 | digit } else { low = low << 4 | digit }
      index += 1
    }
    return (high, low)
  }
}
