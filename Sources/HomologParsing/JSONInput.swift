import Foundation
import HomologModel

/// Decodes JSON evidence into minimal `Decodable` structs, turning decoding errors into located messages.
public enum JSONInput {
  /// Decodes `type` from `data`, or throws an error naming the file and the JSON path or line.
  public static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(InputError) -> T {
    do {
      return try JSONDecoder().decode(type, from: data)
    } catch let error as DecodingError {
      throw describe(error, file: file, data: data)
    } catch {
      throw InputError("invalid JSON: \(error)", at: SourceLocation(file: file))
    }
  }

  /// `$.a.b[3]` for a coding path; object keys that are not plain names are bracketed: `$['/a.js'].s['0']`.
  public static func path(_ codingPath: [CodingKey]) -> String {
    var text = "$"
    for key in codingPath {
      // Array positions are keys named "Index n"; a dictionary key such as "0" also has an intValue.
      if let index = key.intValue, key.stringValue == "Index \(index)" {
        text += "[\(index)]"
      } else if key.stringValue.range(of: #"^[A-Za-z_$][A-Za-z0-9_$-]*$"#, options: .regularExpression) != nil {
        text += ".\(key.stringValue)"
      } else {
        let escaped = key.stringValue.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        text += "['\(escaped)']"
      }
    }
    return text
  }

  /// Deepest nesting Foundation's decoder accepts; deeper documents are refused with this figure.
  public static let maxDepth = 512

  private static func describe(_ error: DecodingError, file: String, data: Data) -> InputError {
    switch error {
    case .typeMismatch(let type, let context):
      return InputError("expected \(typeName(type)): \(context.debugDescription)", at: located(context.codingPath, file))
    case .valueNotFound(let type, let context):
      return InputError("expected \(typeName(type)), found null", at: located(context.codingPath, file))
    case .keyNotFound(let key, let context):
      return InputError("missing required key \"\(key.stringValue)\"", at: located(context.codingPath, file))
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty {
        return syntaxError(context, file: file, data: data)
      }
      return InputError(context.debugDescription, at: located(context.codingPath, file))
    @unknown default:
      return InputError("invalid JSON", at: SourceLocation(file: file))
    }
  }

  private static func syntaxError(_ context: DecodingError.Context, file: String, data: Data) -> InputError {
    if let depth = JSONDepth.firstExcess(in: data, limit: maxDepth) {
      return InputError(
        "invalid JSON: nesting deeper than \(maxDepth) levels", at: SourceLocation(file: file, line: depth.line))
    }
    // JSONDecoder says only "not valid JSON"; JSONSerialization, run again on failure only, says where:
    // "Invalid value around character N." or "Unexpected end of file".
    var reason = "the data is not valid JSON"
    var offset: Int?
    do {
      _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch {
      let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
      if text.contains("end of file") || text.contains("Unexpected end") {
        reason = "unexpected end of file (truncated?)"
        offset = data.count
      } else if let range = text.range(of: #"character \d+"#, options: .regularExpression) {
        offset = Int(text[range].dropFirst("character ".count))
        reason = text.hasSuffix(".") ? String(text.dropLast()) : text
        reason = reason.prefix(1).lowercased() + reason.dropFirst()
      }
    }
    var location = SourceLocation(file: file)
    if let offset {
      let (line, column) = lineAndColumn(of: min(offset, data.count), in: data)
      location.line = line
      location.column = column
    }
    let underlying = reason
    return InputError("invalid JSON: \(underlying)", at: location)
  }

  private static func located(_ codingPath: [CodingKey], _ file: String) -> SourceLocation {
    SourceLocation(file: file, jsonPath: path(codingPath))
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Int.Type, is Double.Type: "a number"
    case is Bool.Type: "a boolean"
    default:
      "\(type)".hasPrefix("Array") ? "an array" : (("\(type)".hasPrefix("Dictionary")) ? "an object" : "\(type)")
    }
  }

  /// 1-based line and column (in bytes) of a byte offset.
  static func lineAndColumn(of offset: Int, in data: Data) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      for index in 0..<offset where raw[index] == 0x0A {
        line += 1
        lineStart = index + 1
      }
    }
    return (line, offset - lineStart + 1)
  }
}
