import Foundation

/// A JSON scalar read as text whatever its JSON type (`"5.3"`, `5.3`, `true`), for fields tools write either way.
struct JSONText: Decodable, Hashable, Sendable {
  var text: String

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let string = try? container.decode(String.self) {
      text = string
    } else if let int = try? container.decode(Int.self) {
      text = String(int)
    } else if let double = try? container.decode(Double.self) {
      text = String(double)
    } else if let bool = try? container.decode(Bool.self) {
      text = String(bool)
    } else {
      throw DecodingError.typeMismatch(
        String.self,
        .init(codingPath: decoder.codingPath, debugDescription: "expected a string or a number"))
    }
  }
}
