import Foundation

/// Measures the nesting of a JSON text without parsing it, to explain a refused document.
enum JSONDepth {
  /// Where nesting first goes past `limit` (1-based line), or nil when it never does.
  static func firstExcess(in data: Data, limit: Int) -> (line: Int, depth: Int)? {
    data.withUnsafeBytes { raw -> (line: Int, depth: Int)? in
      var depth = 0
      var line = 1
      var inString = false
      var escaped = false
      for byte in raw {
        if inString {
          if escaped {
            escaped = false
          } else if byte == 0x5C {
            escaped = true
          } else if byte == 0x22 {
            inString = false
          }
          continue
        }
        switch byte {
        case 0x22: inString = true
        case 0x5B, 0x7B:
          depth += 1
          if depth > limit { return (line, depth) }
        case 0x5D, 0x7D: depth -= 1
        case 0x0A: line += 1
        default: break
        }
      }
      return nil
    }
  }
}
