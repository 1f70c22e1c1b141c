import HomologModel

/// CSV as RFC 4180 (comma-separated, CRLF line ends, fields quoted when needed), safe to open in a spreadsheet:
/// a cell starting with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'` so it is never read as
/// a formula (CSV injection).
enum CSVWriting {
  /// One cell, neutralized and quoted as needed.
  static func cell(_ text: String) -> String {
    var value = text
    if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// The document: a header and rows, every line ending with CRLF.
  static func document(_ rows: [[String]]) -> String {
    rows.map { $0.map(cell).joined(separator: ",") + "\r\n" }.joined()
  }

  /// A figure in `NumberFormatting`'s plain style (a dot, no trailing zero), or empty.
  static func number(_ value: Double?, decimals: Int = 1) -> String {
    value.map { NumberFormatting.text($0, decimals: decimals, style: .plain) } ?? ""
  }
}
