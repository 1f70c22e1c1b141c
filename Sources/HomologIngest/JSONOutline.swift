import Foundation
import HomologModel
import HomologParsing

/// A small outline of a JSON document for format detection, wherever its marker keys are: the
/// document re-written compactly by the streaming parser with the first few elements of each array,
/// nesting to `maxDepth`, strings cut short, and nothing else. Sniffers read it as they read a head,
/// so `bomFormat` after 100 KB of sorted components is seen. The parse stops as soon as `decides`
/// accepts the outline (checked after each top-level member and whenever elements start being
/// skipped), when the outline is full, or after `maxScannedBytes`.
final class JSONOutline: JSONStreamHandler {
  /// Elements kept per array.
  static let elementsKept = 3
  /// Containers kept below the top level.
  static let maxDepth = 6
  /// Bytes kept of a string.
  static let stringBytes = 256
  /// Largest outline.
  static let maxBytes = FileHead.size
  /// Bytes of the file parsed at most.
  static let maxScannedBytes = 64 << 20

  private(set) var bytes: [UInt8] = []
  private let decides: ([UInt8]) -> Bool
  private(set) var decided = false
  /// Per open container: is it an array, how many values were written in it.
  private var open: [(isArray: Bool, count: Int)] = []

  init(decides: @escaping ([UInt8]) -> Bool) {
    self.decides = decides
    bytes.reserveCapacity(4096)
  }

  /// The outline of a file; nil when it is not JSON (a syntax error before anything decided).
  static func outline(of url: URL, decides: @escaping ([UInt8]) -> Bool) -> [UInt8]? {
    let outline = JSONOutline(decides: decides)
    do {
      try JSONStreamParser.parse(file: url, displayPath: url.lastPathComponent, handler: outline)
    } catch {
      // A broken document still gives what was seen before the break.
      return outline.bytes.isEmpty ? nil : outline.bytes
    }
    return outline.bytes
  }

  /// Writes the separator and key of a value about to be written; false when it is skipped (too many elements).
  private func prepare(_ stream: JSONStream) -> Bool {
    guard let last = open.last else { return true }
    if last.isArray && last.count >= JSONOutline.elementsKept {
      if last.count == JSONOutline.elementsKept { check(stream) }
      open[open.count - 1].count += 1
      return false
    }
    if last.count > 0 { bytes.append(UInt8(ascii: ",")) }
    open[open.count - 1].count += 1
    if !last.isArray, let key = stream.key { appendString(Array(key.utf8)[...]) ; bytes.append(UInt8(ascii: ":")) }
    return true
  }

  func begin(_ container: JSONContainer, in stream: JSONStream) throws(InputError) -> JSONStreamAction {
    guard !decided, prepare(stream) else { return .skip }
    if open.count >= JSONOutline.maxDepth {
      bytes.append(contentsOf: container == .object ? Array("{}".utf8) : Array("[]".utf8))
      return .skip
    }
    bytes.append(UInt8(ascii: container == .object ? "{" : "["))
    open.append((container == .array, 0))
    return .enter
  }

  func end(_ container: JSONContainer, in stream: JSONStream) throws(InputError) {
    guard !decided else { return }
    open.removeLast()
    bytes.append(UInt8(ascii: container == .object ? "}" : "]"))
    if open.count <= 1 { check(stream) }
  }

  func scalar(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    guard !decided, prepare(stream) else { return }
    switch value {
    case .string(let raw): appendString(Array(raw.prefix(JSONOutline.stringBytes))[...])
    case .number(let raw): bytes.append(contentsOf: raw.prefix(64))
    case .bool(let flag): bytes.append(contentsOf: Array((flag ? "true" : "false").utf8))
    case .null: bytes.append(contentsOf: Array("null".utf8))
    }
    if open.count <= 1 { check(stream) }
  }

  /// Asks whether the outline decides, and stops the parse when it does or when the bounds are reached.
  private func check(_ stream: JSONStream) {
    if decides(bytes) || bytes.count >= JSONOutline.maxBytes || stream.offset >= JSONOutline.maxScannedBytes {
      decided = true
      stream.stop()
    }
  }

  /// A JSON string, escaped enough to stay one string (quotes, backslashes; control characters as spaces).
  private func appendString(_ raw: ArraySlice<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    for byte in raw {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"):
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(byte)
      case 0..<0x20: bytes.append(UInt8(ascii: " "))
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
