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
  /// How many times each fingerprint was met, by its 128 bits (hashing two integers, not a string).
  var seen: [FingerprintBits: Int] = [:]

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

  /// True when the result can become a finding now: its tool is known and its artifact, if it names one by index.
  func isReady(_ result: SARIFResult) -> Bool {
    tool != nil && waiting.isEmpty && (artifactsComplete || result.uri != nil || result.artifactIndex == nil)
  }
}

/// Streams a SARIF log: builds one result at a time, keeps the findings, the drivers and the first run's time.
final class SARIFStream: JSONStreamHandler {
  var findings: [Finding] = []
  var scans: Set<ScanScope> = []
  var drivers: [SARIFComponent] = []
  var generatedAt: String?
  var sawRuns = false
  private var run = SARIFRun()
  private var runCount = 0

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
      return .capture(keeping: SARIFResult.keys)
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
        if run.isReady(result), let tool = run.tool {
          SARIFReader.append(result, of: &run, tool: tool, to: &findings)
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
    for result in waiting { SARIFReader.append(result, of: &run, tool: tool, to: &findings) }
    scans.formUnion(SARIFReader.scopes(of: tool.driver.name, kind: SARIFReader.toolKind(tool.driver.name)))
    drivers.append(tool.driver)
    runCount += 1
    run = SARIFRun()
  }
}

/// The 32 hexadecimal digits of a fingerprint as two integers, a cheap dictionary key.
struct FingerprintBits: Hashable {
  var high: UInt64 = 0
  var low: UInt64 = 0

  init(_ fingerprint: String) {
    var index = 0
    for byte in fingerprint.utf8 {
      let digit: UInt64
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
      default: digit = UInt64(byte & 0x0F)
      }
      if index < 16 { high = high << 4 | digit } else { low = low << 4 | digit }
      index += 1
    }
  }
}
