import Foundation

/// The `# Source: chart/templates/x.yaml` comments of rendered Helm output, found in the raw text
/// (libyaml drops comments), so each document can be attributed to the template that produced it.
public struct HelmSourceComments: Sendable {
  /// Lines of the `# Source:` comments, in order.
  public private(set) var sourceLines: [Int] = []
  /// Template paths of the `# Source:` comments, parallel to `sourceLines`.
  public private(set) var sourcePaths: [String] = []
  /// Lines of the `---` document separators, in order.
  public private(set) var separators: [Int] = []

  /// Scans the raw bytes of a YAML stream: only lines starting with `# Source:` or `---` at column 1 count.
  public init(scanning data: Data) {
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var line = 1
      var start = 0
      let count = bytes.count
      while start <= count {
        var end = start
        while end < count && bytes[end] != 0x0A { end += 1 }
        if end > start {
          let first = bytes[start]
          if first == UInt8(ascii: "#") || first == UInt8(ascii: "-") {
            record(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), line: line)
          }
        }
        line += 1
        start = end + 1
      }
    }
  }

  private mutating func record(_ text: String, line: Int) {
    let trimmed = text.hasSuffix("\r") ? String(text.dropLast()) : text
    if trimmed.hasPrefix("---") {
      separators.append(line)
    } else if trimmed.hasPrefix("# Source:") {
      let path = trimmed.dropFirst("# Source:".count).trimmingCharacters(in: .whitespaces)
      if !path.isEmpty {
        sourceLines.append(line)
        sourcePaths.append(path)
      }
    }
  }

  /// The template of the document whose first node is at `line`: the last `# Source:` comment
  /// before it, provided no `---` separator lies between that comment and the document.
  public func source(forDocumentAt line: Int) -> String? {
    guard let index = Self.last(sourceLines, before: line) else { return nil }
    if let separator = Self.last(separators, before: line), separators[separator] > sourceLines[index] { return nil }
    return sourcePaths[index]
  }

  /// Index of the last value below `line` in an ascending array.
  private static func last(_ values: [Int], before line: Int) -> Int? {
    var low = 0
    var high = values.count
    while low < high {
      let mid = (low + high) / 2
      if values[mid] < line { low = mid + 1 } else { high = mid }
    }
    return low == 0 ? nil : low - 1
  }
}
