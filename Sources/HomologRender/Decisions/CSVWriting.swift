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

  /// A number with a dot and no trailing `.0`, or empty.
  static func number(_ value: Double?) -> String {
    guard let value else { return "" }
    return value == value.rounded() ? String(Int(value)) : String(value)
  }
}
