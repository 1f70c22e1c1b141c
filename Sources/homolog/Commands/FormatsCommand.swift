import Foundation
import HomologIngest

/// `homolog formats`: every evidence format homolog reads and how it is recognised.
enum FormatsCommand: Command {
  static let name = "formats"
  static let synopsis = [""]
  static let options: [Option] = []

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    try arguments.finish()
    for reader in AllReaders.list {
      let detection = (reader as? any DetectionDescribing.Type)?.detection ?? "content sniffing"
      Console.out("\(reader.format)\t\(reader.formatName)\t\(detection)")
    }
    return .ok
  }
}
