import Foundation
import HomologModel

/// `dossier.json`: the source of truth, keys sorted and snake_case, so identical inputs give identical bytes.
public struct JSONRenderer: Renderer {
  public static let format = "json"
  public static let fileName = "dossier.json"

  public init() {}

  public func render(_ dossier: Dossier, context: RenderContext) throws(InputError) -> Data {
    do {
      var data = try Self.encoder.encode(dossier)
      data.append(0x0A)
      return data
    } catch {
      throw InputError("cannot encode the dossier: \(error)")
    }
  }

  /// The encoder every JSON output of homolog uses.
  public static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    return encoder
  }

  /// The decoder matching `encoder`, for reading dossiers back (baselines, comparisons).
  public static var decoder: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return decoder
  }
}
